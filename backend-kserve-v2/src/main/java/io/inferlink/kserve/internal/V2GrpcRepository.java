package io.inferlink.kserve.internal;

import io.inferlink.kserve.KServeOptions;
import io.inferlink.kserve.ModelIndexEntry;
import io.inferlink.kserve.ModelRepository;
import io.inferlink.protos.internal.inference.RepositoryModelLoadRequest;
import io.inferlink.protos.internal.inference.RepositoryModelUnloadRequest;
import io.inferlink.protos.internal.inference.TritonRepositoryIndexRequest;
import io.inferlink.protos.internal.inference.TritonRepositoryModelLoadRequest;
import io.inferlink.protos.internal.inference.TritonRepositoryModelUnloadRequest;
import io.inferlink.spi.support.AbstractInferenceClient;
import io.inferlink.transport.grpc.internal.GrpcExchange;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * {@link ModelRepository} over gRPC, in Triton's or KServe's form, through the client's pipeline and
 * exchange (so interceptors, retries, deadlines, cancellation, headers and the status table are the
 * same as for inference). Triton's requests leave {@code repository_name} empty: any repository. Model
 * names are checked as every model name is, before anything is sent. Thread-safe.
 */
final class V2GrpcRepository implements ModelRepository {
  private final AbstractInferenceClient client;
  private final GrpcExchange exchange;
  private final KServeOptions.Repository form;

  V2GrpcRepository(AbstractInferenceClient client, GrpcExchange exchange, KServeOptions.Repository form) {
    this.client = client;
    this.exchange = exchange;
    this.form = form;
  }

  @Override
  public CompletableFuture<List<ModelIndexEntry>> indexAsync(boolean readyOnly) {
    return client.callExtension("repository.index", true, () -> {
      if (form == KServeOptions.Repository.KSERVE) {
        throw V2RepositoryFailures.noIndex(client.providerName(),
            "over gRPC: KServe's GRPCInferenceService has no RepositoryIndex");
      }
      return exchange.prepare(V2GrpcRepositoryMethods.TRITON_INDEX,
          TritonRepositoryIndexRequest.newBuilder().setReady(readyOnly).build(), V2GrpcRepositoryMethods::entries);
    });
  }

  @Override
  public CompletableFuture<Void> loadAsync(String model) {
    return client.callExtension("repository.load", model, false, () -> {
      if (form == KServeOptions.Repository.KSERVE) {
        return exchange.prepare(V2GrpcRepositoryMethods.KSERVE_LOAD,
            RepositoryModelLoadRequest.newBuilder().setModelName(model).build(),
            r -> confirmed(r.getIsLoaded(), model, "load"));
      }
      return exchange.prepare(V2GrpcRepositoryMethods.TRITON_LOAD,
          TritonRepositoryModelLoadRequest.newBuilder().setModelName(model).build(), r -> null);
    });
  }

  @Override
  public CompletableFuture<Void> unloadAsync(String model) {
    return client.callExtension("repository.unload", model, false, () -> {
      if (form == KServeOptions.Repository.KSERVE) {
        return exchange.prepare(V2GrpcRepositoryMethods.KSERVE_UNLOAD,
            RepositoryModelUnloadRequest.newBuilder().setModelName(model).build(),
            r -> confirmed(r.getIsUnloaded(), model, "unload"));
      }
      return exchange.prepare(V2GrpcRepositoryMethods.TRITON_UNLOAD,
          TritonRepositoryModelUnloadRequest.newBuilder().setModelName(model).build(), r -> null);
    });
  }

  private Void confirmed(boolean flag, String model, String action) {
    if (!flag) {
      throw V2RepositoryFailures.notConfirmed(client.providerName(), model, action);
    }
    return null;
  }
}
