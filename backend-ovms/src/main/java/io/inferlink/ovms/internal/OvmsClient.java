package io.inferlink.ovms.internal;

import io.inferlink.Capabilities;
import io.inferlink.ClientOptions;
import io.inferlink.InferenceClient;
import io.inferlink.InferenceRequest;
import io.inferlink.InferenceResponse;
import io.inferlink.ModelMetadata;
import io.inferlink.ModelRef;
import io.inferlink.ServerMetadata;
import io.inferlink.UnavailableException;
import io.inferlink.UnsupportedFeatureException;
import io.inferlink.interceptor.InferenceCall.Operation;
import io.inferlink.ovms.Ovms;
import io.inferlink.ovms.OvmsOptions;
import io.inferlink.spi.Endpoint;
import io.inferlink.spi.support.AbstractInferenceClient;
import io.inferlink.spi.support.Attempt;
import io.inferlink.spi.support.Errors;
import io.inferlink.spi.support.Futures;
import io.inferlink.spi.support.PreparedCall;
import io.inferlink.tfserving.TensorFlowServing;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * An OVMS client: a KServe or TF Serving client of the same server, with OVMS's rules around it.
 * References are read as OVMS reads them ({@link OvmsRefs}); requests it cannot carry are refused
 * before sending ({@link OvmsCapabilities}); failures are read with OVMS's status table
 * ({@link OvmsFailures}); a version still loading is "not ready", not missing. On the TF Serving API
 * the server's health and metadata come from the KServe API of the same port, through a second
 * client made on first use. The wrapped clients have no interceptors or retries of their own: their
 * calls are prepared by them and sent by this client's pipeline. Extensions: {@link Ovms} when a REST
 * port is known, and {@link TensorFlowServing} (status only) on the TF Serving API; nothing of the
 * wrapped client's own. Thread-safe.
 */
final class OvmsClient extends AbstractInferenceClient {
  private final InferenceClient wrapped;
  private final Lazy<InferenceClient> kserveHealth; // null: the wrapped client speaks KServe itself
  private final OvmsRest rest; // null: no REST port known
  private final OvmsFailures failures;
  private final OvmsFailures healthFailures;
  private final Ovms extension;
  private final OvmsTfsView tfs;

  OvmsClient(String provider, Endpoint endpoint, ClientOptions options, OvmsOptions.Api api, InferenceClient wrapped,
      Lazy<InferenceClient> kserveHealth, OvmsRest rest, OvmsFailures failures, Capabilities capabilities) {
    super(provider, endpoint, options, capabilities);
    this.wrapped = wrapped;
    this.kserveHealth = kserveHealth;
    this.rest = rest;
    this.failures = failures;
    this.healthFailures = new OvmsFailures(provider, null);
    this.extension = rest == null ? null : new OvmsExtension(this, rest, provider);
    this.tfs = api == OvmsOptions.Api.TFS ? new OvmsTfsView(this, wrapped.unwrap(TensorFlowServing.class), failures)
        : null;
  }

  /** Labels are refused with OVMS's reason, before the capability gate gives its generic one. */
  @Override
  protected void checkModelRef(ModelRef model) {
    OvmsRefs.toOvms(model, providerName());
  }

  @Override
  protected PreparedCall<InferenceResponse> prepareInfer(InferenceRequest request) {
    failures.refuseIfTfsApiGone();
    InferenceRequest sent = OvmsRefs.toOvms(request, providerName());
    PreparedCall<InferenceResponse> call = inner(wrapped, Operation.INFER, sent, null, () -> wrapped.inferAsync(sent));
    return around(call, f -> {
      CompletableFuture<InferenceResponse> response = failures.translate(f);
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
  protected PreparedCall<ModelMetadata> prepareModelMetadata(ModelRef model) {
    failures.refuseIfTfsApiGone();
    ModelRef ref = OvmsRefs.toOvms(model, providerName());
    return around(inner(wrapped, Operation.MODEL_METADATA, null, ref, () -> wrapped.modelMetadataAsync(ref)),
        failures::translate);
  }

  /** A version still loading is not ready: OVMS says so with 404 or UNAVAILABLE and "not loaded yet". */
  @Override
  protected PreparedCall<Boolean> prepareModelReady(ModelRef model) {
    failures.refuseIfTfsApiGone();
    ModelRef ref = OvmsRefs.toOvms(model, providerName());
    return around(inner(wrapped, Operation.MODEL_READY, null, ref, () -> wrapped.modelReadyAsync(ref)), f -> {
      CompletableFuture<Boolean> ready = failures.translate(f);
      return Futures.cancelling(ready.handle((value, error) -> {
        if (error == null) {
          return value;
        }
        if (isNotLoadedYet(error)) {
          return false;
        }
        Throwable e = Errors.unwrapFutureException(error);
        throw e instanceof RuntimeException ? (RuntimeException) e : Errors.wrap(e, providerName());
      }), ready);
    });
  }

  @Override
  protected PreparedCall<Boolean> prepareServerLive() {
    InferenceClient kserve = kserve();
    return around(inner(kserve, Operation.SERVER_LIVE, null, null, kserve::serverLiveAsync), healthFailures::translate);
  }

  @Override
  protected PreparedCall<Boolean> prepareServerReady() {
    InferenceClient kserve = kserve();
    return around(inner(kserve, Operation.SERVER_READY, null, null, kserve::serverReadyAsync),
        healthFailures::translate);
  }

  @Override
  protected PreparedCall<ServerMetadata> prepareServerMetadata() {
    InferenceClient kserve = kserve();
    return around(inner(kserve, Operation.SERVER_METADATA, null, null, kserve::serverMetadataAsync),
        healthFailures::translate);
  }

  /** {@link Ovms} and, on the TF Serving API, {@link TensorFlowServing}; never the wrapped client's extensions. */
  @Override
  protected Collection<?> extensions() {
    List<Object> all = new ArrayList<>(2);
    if (extension != null) {
      all.add(extension);
    }
    if (tfs != null) {
      all.add(tfs);
    }
    return all;
  }

  @Override
  public <T> T unwrap(Class<T> type) {
    if (type == Ovms.class && extension == null) {
      throw new UnsupportedFeatureException(providerName() + " does not know the server's REST port, where OVMS"
          + " serves its configuration and metrics; set option " + OvmsOptions.REST_PORT.name());
    }
    return super.unwrap(type);
  }

  @Override
  protected void closeTransport() {
    wrapped.close();
    if (kserveHealth != null) {
      kserveHealth.close();
    }
    if (rest != null) {
      rest.close();
    }
  }

  /**
   * One operation of a wrapped client: the call it prepares when it is built on the client skeleton;
   * otherwise its own method, which cannot send per-call headers, so an attempt that has some fails
   * rather than going out without them.
   */
  private <T> PreparedCall<T> inner(InferenceClient client, Operation operation, InferenceRequest request,
      ModelRef model, Supplier<CompletableFuture<T>> direct) {
    if (client instanceof AbstractInferenceClient) {
      return prepareOf((AbstractInferenceClient) client, operation, request, model);
    }
    return direct(providerName(), direct);
  }

  /** The call a wrapped client's extension method prepares, for this client's pipeline to send. */
  static <T> PreparedCall<T> preparedExtension(Supplier<CompletableFuture<T>> extensionCall) {
    return prepareExtensionOf(extensionCall);
  }

  /** A call of a wrapped client's own method, for each attempt without per-call headers. */
  static <T> PreparedCall<T> direct(String provider, Supplier<CompletableFuture<T>> call) {
    return attempt -> attempt.headers().isEmpty() ? call.get() : CompletableFuture.failedFuture(
        new UnsupportedFeatureException(provider + " cannot send per-call headers with this call (headers "
            + attempt.headers().keySet() + ")"));
  }

  /** {@code call} with {@code after} applied to the future of each attempt. */
  private static <T> PreparedCall<T> around(PreparedCall<T> call, UnaryOperator<CompletableFuture<T>> after) {
    return new PreparedCall<>() {
      @Override
      public CompletableFuture<T> send(Attempt attempt) {
        return after.apply(call.send(attempt));
      }

      @Override
      public long requestBytes() {
        return call.requestBytes();
      }
    };
  }

  private static boolean isNotLoadedYet(Throwable error) {
    Throwable e = Errors.unwrapFutureException(error);
    return e instanceof UnavailableException && OvmsStatusTable.isNotLoadedYet(((UnavailableException) e).serverMessage());
  }

  private InferenceClient kserve() {
    return kserveHealth == null ? wrapped : kserveHealth.get();
  }
}
