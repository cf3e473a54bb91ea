package io.inferlink.tfserving.rest.internal;

import io.inferlink.DeadlineExceededException;
import io.inferlink.ModelRef;
import io.inferlink.UnavailableException;
import io.inferlink.spi.support.Errors;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Remembers each model's signatures per name and version or label, so JSON outputs are typed without
 * fetching metadata on every call. A model without metadata (the server answered 404, say) is
 * remembered as such; a transient failure (unavailable, timeout) is forgotten so the next call asks
 * again. Thread-safe: concurrent first calls share one fetch.
 */
final class MetadataCache {
  private final Map<ModelRef, CompletableFuture<Optional<SignatureReader.Signatures>>> entries = new ConcurrentHashMap<>();

  /**
   * What is known of the model's signatures without asking: empty while they were never fetched or
   * the fetch is under way, else the signatures or the server's having none.
   */
  Optional<Optional<SignatureReader.Signatures>> known(ModelRef ref) {
    CompletableFuture<Optional<SignatureReader.Signatures>> entry = entries.get(ref);
    return entry != null && entry.isDone() ? Optional.of(entry.join()) : Optional.empty();
  }

  /**
   * The signatures, or empty when the server gave none for this model; never fails. The first caller's
   * {@code fetch} asks the server; concurrent callers share its answer.
   */
  CompletableFuture<Optional<SignatureReader.Signatures>> get(ModelRef ref,
      Supplier<CompletableFuture<SignatureReader.Signatures>> fetch) {
    CompletableFuture<Optional<SignatureReader.Signatures>> existing = entries.get(ref);
    if (existing != null) {
      return existing;
    }
    CompletableFuture<Optional<SignatureReader.Signatures>> mine = new CompletableFuture<>();
    existing = entries.putIfAbsent(ref, mine);
    if (existing != null) {
      return existing;
    }
    CompletableFuture<SignatureReader.Signatures> fetched;
    try {
      fetched = fetch.get();
    } catch (RuntimeException e) {
      fetched = CompletableFuture.failedFuture(e);
    }
    fetched.whenComplete((sigs, error) -> {
      if (error != null && isTransient(error)) {
        entries.remove(ref, mine);
      }
      mine.complete(Optional.ofNullable(error == null ? sigs : null));
    });
    return mine;
  }

  /** Forgets every entry of the model's name. */
  void forget(String modelName) {
    entries.keySet().removeIf(r -> r.name().equals(modelName));
  }

  private static boolean isTransient(Throwable error) {
    Throwable e = Errors.unwrapFutureException(error);
    return e instanceof UnavailableException || e instanceof DeadlineExceededException;
  }
}
