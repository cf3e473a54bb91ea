package io.inferlink.kserve.internal;

import io.inferlink.ModelRef;
import io.inferlink.kserve.KServeOptions;
import io.inferlink.kserve.ModelIndexEntry;
import io.inferlink.kserve.ModelRepository;
import io.inferlink.protos.internal.inference.RepositoryModelLoadRequest;
import io.inferlink.protos.internal.inference.RepositoryModelUnloadRequest;
import io.inferlink.protos.internal.inference.TritonRepositoryIndexRequest;
import io.inferlink.protos.internal.inference.TritonRepositoryModelLoadRequest;
import io.inferlink.protos.internal.inference.TritonRepositoryModelUnloadRequest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * {@link ModelRepository} over gRPC, in Triton's or KServe's form, through the client's own unary call
 * (so deadlines, cancellation, headers and the status table are the same as for inference). Triton's
 * requests leave {@code repository_name} empty: any repository. Thread-safe.
 */
final class V2GrpcRepository implements ModelRepository {
  private final V2GrpcClient client;
  private final KServeOptions.Repository form;
  private final Duration timeout;

  V2GrpcRepository(V2GrpcClient client, KServeOptions.Repository form, Duration timeout) {
    this.client = client;
    this.form = form;
    this.timeout = timeout;
  }

  @Override
  public CompletableFuture<List<ModelIndexEntry>> indexAsync(boolean readyOnly) {
    if (form == KServeOptions.Repository.KSERVE) {
      return CompletableFuture.failedFuture(V2RepositoryFailures.noIndex(client.providerName(),
          "over gRPC: KServe's GRPCInferenceService has no RepositoryIndex"));
    }
    return client.call(() -> TritonRepositoryIndexRequest.newBuilder().setReady(readyOnly).build(),
        V2GrpcRepositoryMethods.TRITON_INDEX, timeout, V2GrpcRepositoryMethods::entries);
  }

  @Override
  public CompletableFuture<Void> loadAsync(String model) {
    if (form == KServeOptions.Repository.KSERVE) {
      return client.call(() -> RepositoryModelLoadRequest.newBuilder().setModelName(name(model)).build(),
          V2GrpcRepositoryMethods.KSERVE_LOAD, timeout, r -> confirmed(r.getIsLoaded(), model, "load"));
    }
    return client.call(() -> TritonRepositoryModelLoadRequest.newBuilder().setModelName(name(model)).build(),
        V2GrpcRepositoryMethods.TRITON_LOAD, timeout, r -> null);
  }

  @Override
  public CompletableFuture<Void> unloadAsync(String model) {
    if (form == KServeOptions.Repository.KSERVE) {
      return client.call(() -> RepositoryModelUnloadRequest.newBuilder().setModelName(name(model)).build(),
          V2GrpcRepositoryMethods.KSERVE_UNLOAD, timeout, r -> confirmed(r.getIsUnloaded(), model, "unload"));
    }
    return client.call(() -> TritonRepositoryModelUnloadRequest.newBuilder().setModelName(name(model)).build(),
        V2GrpcRepositoryMethods.TRITON_UNLOAD, timeout, r -> null);
  }

  /** Names are checked as every model name is, before anything is sent. */
  private static String name(String model) {
    return ModelRef.of(model).name();
  }

  private Void confirmed(boolean flag, String model, String action) {
    if (!flag) {
      throw V2RepositoryFailures.notConfirmed(client.providerName(), model, action);
    }
    return null;
  }
}
