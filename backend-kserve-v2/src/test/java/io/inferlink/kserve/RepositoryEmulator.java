package io.inferlink.kserve;

import io.inferlink.ClientOptions;
import io.inferlink.InferenceClient;
import io.inferlink.InferenceRequest;
import io.inferlink.Tensor;
import io.inferlink.emulator.Emulator;
import io.inferlink.emulator.oip.OipGrpcFrontend;
import io.inferlink.emulator.oip.OipModelRepository;
import io.inferlink.emulator.oip.OipRestFrontend;
import io.inferlink.testkit.KitModels;
import java.time.Duration;

/**
 * One emulated server with the model repository extension in one form, served over REST and gRPC from
 * one repository (so an unload over one is seen over the other), for the repository tests.
 */
final class RepositoryEmulator implements AutoCloseable {
  static final String REST = "kserve-v2+http";
  static final String GRPC = "kserve-v2+grpc";

  final OipModelRepository repository;
  final Emulator emulator;

  RepositoryEmulator(OipModelRepository repository) {
    this.repository = repository;
    this.emulator = Emulator.builder().maxLifetime(Duration.ofMinutes(5))
        .frontend(OipRestFrontend.builder().repository(repository).build())
        .frontend(OipGrpcFrontend.builder().repository(repository).build())
        .build().start();
  }

  /** A client of {@code scheme} speaking the repository form {@code form}. */
  InferenceClient client(String scheme, KServeOptions.Repository form) {
    return InferenceClient.create(emulator.endpoint(scheme),
        ClientOptions.builder().option(KServeOptions.REPOSITORY, form).build());
  }

  /** add_one on [[1]]. */
  static InferenceRequest addOne() {
    return InferenceRequest.builder(KitModels.ADD_ONE)
        .inputs(Tensor.ofFloats(KitModels.ADD_ONE_INPUT, new float[] {1f}, 1, 1)).build();
  }

  @Override
  public void close() {
    emulator.close();
  }
}
