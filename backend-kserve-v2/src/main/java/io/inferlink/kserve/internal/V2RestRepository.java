package io.inferlink.kserve.internal;

import io.inferlink.kserve.KServeOptions;
import io.inferlink.kserve.KServePaths;
import io.inferlink.kserve.ModelIndexEntry;
import io.inferlink.kserve.ModelRepository;
import io.inferlink.spi.support.AbstractInferenceClient;
import io.inferlink.spi.support.PreparedCall;
import io.inferlink.transport.http.internal.ByteChunks;
import io.inferlink.transport.http.internal.HttpExchange;
import io.inferlink.transport.http.internal.HttpRequestSpec;
import io.inferlink.transport.http.internal.RequestBody;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * {@link ModelRepository} over REST, in Triton's or KServe's form, through the client's pipeline and
 * exchange (so interceptors, retries, errors, deadlines and cancellation behave as for inference).
 * Only the index differs between the forms: load and unload have the same paths in both, send
 * {@code {}} (a Triton request object without parameters, which KServe's server ignores) and succeed
 * on a 200 unless KServe's body says {@code false}, so they work whichever form the option names.
 * Thread-safe.
 */
final class V2RestRepository implements ModelRepository {
  private static final String JSON = "application/json";
  private static final byte[] EMPTY_OBJECT = "{}".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] READY_ONLY = "{\"ready\":true}".getBytes(StandardCharsets.US_ASCII);

  private final AbstractInferenceClient client;
  private final HttpExchange exchange;
  private final KServeOptions.Repository form;

  V2RestRepository(AbstractInferenceClient client, HttpExchange exchange, KServeOptions.Repository form) {
    this.client = client;
    this.exchange = exchange;
    this.form = form;
  }

  @Override
  public CompletableFuture<List<ModelIndexEntry>> indexAsync(boolean readyOnly) {
    return client.callExtension("repository.index", true, () -> prepareIndex(readyOnly));
  }

  private PreparedCall<List<ModelIndexEntry>> prepareIndex(boolean readyOnly) {
    if (form == KServeOptions.Repository.KSERVE) {
      if (readyOnly) {
        throw V2RepositoryFailures.noIndex(client.providerName(),
            "by readiness: KServe's GET /v2/models only names the models it holds");
      }
      return exchange.prepare(HttpRequestSpec.get(KServePaths.v2Models()).accept(JSON).build(),
          http -> V2RestRepositoryDocs.kserveModels(http.body()));
    }
    return exchange.prepare(post(KServePaths.v2RepositoryIndex(), readyOnly ? READY_ONLY : EMPTY_OBJECT),
        http -> V2RestRepositoryDocs.tritonIndex(http.body()));
  }

  @Override
  public CompletableFuture<Void> loadAsync(String model) {
    return client.callExtension("repository.load", model, false, () -> exchange.prepare(
        post(KServePaths.v2RepositoryLoad(model), EMPTY_OBJECT), http -> confirmed(http.body(), model, "load")));
  }

  @Override
  public CompletableFuture<Void> unloadAsync(String model) {
    return client.callExtension("repository.unload", model, false, () -> exchange.prepare(
        post(KServePaths.v2RepositoryUnload(model), EMPTY_OBJECT), http -> confirmed(http.body(), model, "unload")));
  }

  private static HttpRequestSpec post(String path, byte[] body) {
    return HttpRequestSpec.post(path, RequestBody.ofBytes(body), JSON).accept(JSON).build();
  }

  /** The 200 is the success (Triton's body is empty); only KServe's explicit {@code false} is a failure. */
  private Void confirmed(ByteChunks body, String model, String action) {
    if (V2RestRepositoryDocs.refuses(body, action)) {
      throw V2RepositoryFailures.notConfirmed(client.providerName(), model, action);
    }
    return null;
  }
}
