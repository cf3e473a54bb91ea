package io.inferlink.ovms.internal;

import io.inferlink.Capabilities;
import io.inferlink.InferenceClient;
import io.inferlink.InferenceRequest;
import io.inferlink.InferenceResponse;
import io.inferlink.ModelMetadata;
import io.inferlink.ModelRef;
import io.inferlink.ServerMetadata;
import io.inferlink.UnavailableException;
import io.inferlink.UnsupportedFeatureException;
import io.inferlink.ovms.Ovms;
import io.inferlink.ovms.OvmsOptions;
import io.inferlink.spi.support.Errors;
import io.inferlink.spi.support.Futures;
import io.inferlink.tfserving.TensorFlowServing;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * An OVMS client: a KServe or TF Serving client of the same server, with OVMS's rules around it.
 * References are read as OVMS reads them ({@link OvmsRefs}); requests it cannot carry are refused
 * before sending ({@link OvmsCapabilities}); failures are read with OVMS's status table
 * ({@link OvmsFailures}); a version still loading is "not ready", not missing. On the TF Serving API
 * the server's health and metadata come from the KServe API of the same port, through a second
 * client made on first use. Extensions: {@link Ovms} when a REST port is known, and
 * {@link TensorFlowServing} (status only) on the TF Serving API; nothing of the wrapped client's own.
 * Thread-safe.
 */
final class OvmsClient implements InferenceClient {
  private final String provider;
  private final InferenceClient wrapped;
  private final Lazy<InferenceClient> kserveHealth; // null: the wrapped client speaks KServe itself
  private final OvmsRest rest; // null: no REST port known
  private final OvmsFailures failures;
  private final OvmsFailures healthFailures;
  private final Capabilities capabilities;
  private final Ovms extension;
  private final TensorFlowServing tfs;
  private final AtomicBoolean closed = new AtomicBoolean();

  OvmsClient(String provider, OvmsOptions.Api api, InferenceClient wrapped, Lazy<InferenceClient> kserveHealth,
      OvmsRest rest, OvmsFailures failures, Capabilities capabilities) {
    this.provider = provider;
    this.wrapped = wrapped;
    this.kserveHealth = kserveHealth;
    this.rest = rest;
    this.failures = failures;
    this.healthFailures = new OvmsFailures(provider, null);
    this.capabilities = capabilities;
    this.extension = rest == null ? null : new OvmsExtension(this, rest, provider);
    this.tfs = api == OvmsOptions.Api.TFS ? new OvmsTfsView(this, wrapped.unwrap(TensorFlowServing.class), failures) : null;
  }

  @Override
  public CompletableFuture<InferenceResponse> inferAsync(InferenceRequest request) {
    return call(() -> {
      InferenceRequest sent = OvmsRefs.toOvms(request, provider);
      capabilities.check(sent, provider);
      CompletableFuture<InferenceResponse> response = failures.translate(wrapped.inferAsync(sent));
      if (tfs == null) {
        return response;
      }
      // The TF Serving REST client remembers a model that had no metadata; this one only had none yet.
      // Forgotten before the caller hears of the failure, so a retry fetches the metadata again.
      return Futures.cancelling(response.whenComplete((value, error) -> {
        if (error != null && isNotLoadedYet(error)) {
          tfs.refreshMetadata(sent.model());
        }
      }), response);
    });
  }

  @Override
  public CompletableFuture<ModelMetadata> modelMetadataAsync(ModelRef model) {
    return call(() -> failures.translate(wrapped.modelMetadataAsync(OvmsRefs.toOvms(model, provider))));
  }

  /** A version still loading is not ready: OVMS says so with 404 or UNAVAILABLE and "not loaded yet". */
  @Override
  public CompletableFuture<Boolean> modelReadyAsync(ModelRef model) {
    return call(() -> {
      CompletableFuture<Boolean> ready = failures.translate(wrapped.modelReadyAsync(OvmsRefs.toOvms(model, provider)));
      return Futures.cancelling(ready.handle((value, error) -> {
        if (error == null) {
          return value;
        }
        if (isNotLoadedYet(error)) {
          return false;
        }
        Throwable e = Errors.unwrapFutureException(error);
        throw e instanceof RuntimeException ? (RuntimeException) e : Errors.wrap(e, provider);
      }), ready);
    });
  }

  @Override
  public CompletableFuture<Boolean> serverLiveAsync() {
    return health(() -> kserve().serverLiveAsync());
  }

  @Override
  public CompletableFuture<Boolean> serverReadyAsync() {
    return health(() -> kserve().serverReadyAsync());
  }

  @Override
  public CompletableFuture<ServerMetadata> serverMetadataAsync() {
    return health(() -> kserve().serverMetadataAsync());
  }

  @Override
  public Capabilities capabilities() {
    return capabilities;
  }

  @Override
  public String providerName() {
    return provider;
  }

  /** {@link Ovms} and, on the TF Serving API, {@link TensorFlowServing}; never the wrapped client's extensions. */
  @Override
  public <T> T unwrap(Class<T> type) {
    if (type == Ovms.class) {
      if (extension == null) {
        throw new UnsupportedFeatureException(provider + " does not know the server's REST port, where OVMS serves"
            + " its configuration and metrics; set option " + OvmsOptions.REST_PORT.name());
      }
      return type.cast(extension);
    }
    if (type == TensorFlowServing.class && tfs != null) {
      return type.cast(tfs);
    }
    return InferenceClient.super.unwrap(type);
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      wrapped.close();
      if (kserveHealth != null) {
        kserveHealth.close();
      }
      if (rest != null) {
        rest.close();
      }
    }
  }

  /** Runs one TF Serving or KServe call: refused when closed, or (TF Serving) when the API is known gone. */
  <T> CompletableFuture<T> call(Supplier<CompletableFuture<T>> work) {
    try {
      ensureOpen();
      failures.refuseIfTfsApiGone();
      return work.get();
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private <T> CompletableFuture<T> health(Supplier<CompletableFuture<T>> work) {
    try {
      ensureOpen();
      return healthFailures.translate(work.get());
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private static boolean isNotLoadedYet(Throwable error) {
    Throwable e = Errors.unwrapFutureException(error);
    return e instanceof UnavailableException && OvmsStatusTable.isNotLoadedYet(((UnavailableException) e).serverMessage());
  }

  private InferenceClient kserve() {
    return kserveHealth == null ? wrapped : kserveHealth.get();
  }

  private void ensureOpen() {
    if (closed.get()) {
      throw new IllegalStateException(provider + " client is closed");
    }
  }
}
