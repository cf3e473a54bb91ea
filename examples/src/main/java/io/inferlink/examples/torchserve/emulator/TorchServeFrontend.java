package io.inferlink.examples.torchserve.emulator;

import io.inferlink.emulator.FrontendBuilder;
import io.inferlink.emulator.FrontendContext;
import io.inferlink.emulator.HttpFrontend;
import io.inferlink.emulator.HttpLoopbackServer;
import io.inferlink.emulator.TestCertificates;

/**
 * The emulator's TorchServe inference API over the shared {@link io.inferlink.emulator.ModelScript},
 * as TorchServe answers it with a handler that follows the template's JSON convention:
 *
 * <ul>
 *   <li>{@code GET /ping} → 200 {@code {"status": "Healthy"}}, or 500 {@code {"status": "Unhealthy"}}
 *       while a model's default version is not ready.
 *   <li>{@code POST /predictions/{model}[/{version}]} with {@code {"name": nested lists, ...}} → 200
 *       with the outputs in the same form (see {@link io.inferlink.examples.torchserve}). Versions are
 *       compared as numbers, as TorchServe does; there are no labels.
 *   <li>Errors in TorchServe's form {@code {"code", "type", "message"}}: 404 {@code ModelNotFoundException}
 *       and {@code ModelVersionNotFoundException}, 404 {@code ResourceNotFoundException} for other
 *       paths, 503 for a model without a ready worker, and a model's failure with the status of its
 *       code ({@link io.inferlink.spi.support.HttpStatusTable#toHttpStatus}), as a handler raising
 *       {@code PredictionException(message, status)} gets it.
 * </ul>
 * A client that hangs up cancels its model call. Optional TLS. The management API is a separate
 * frontend on its own port: {@link TorchServeManagementFrontend}. Immutable and thread-safe.
 *
 * <pre>
 * Emulator emulator = Emulator.builder()
 *     .frontend(new TorchServeFrontend()).frontend(new TorchServeManagementFrontend()).build().start();
 * String endpoint = emulator.endpoint("torchserve+http") + "?management-port="
 *     + emulator.port(TorchServeManagementFrontend.PROTOCOL);
 * </pre>
 */
public final class TorchServeFrontend extends HttpFrontend {
  /** The protocol name. */
  public static final String PROTOCOL = "torchserve-inference";
  /** The scheme of the plaintext server. */
  public static final String SCHEME = "torchserve+http";
  /** The scheme of the TLS server. */
  public static final String TLS_SCHEME = "torchserve+https";

  /** Plaintext, like TorchServe's default {@code inference_address}. */
  public TorchServeFrontend() {
    this(new Builder());
  }

  private TorchServeFrontend(Builder settings) {
    super(PROTOCOL, SCHEME, TLS_SCHEME, settings);
  }

  /** Serves https with the server certificate of {@code certificates}. */
  public static TorchServeFrontend withTls(TestCertificates certificates) {
    return new TorchServeFrontend(new Builder().tls(certificates));
  }

  @Override
  protected void serve(HttpLoopbackServer.Builder server, FrontendContext context) {
    server.failureReply(TorchServeError::failure).route("/", new TorchServeInferenceHandler(context));
  }

  /** The TLS setting of {@link #withTls}; not thread-safe. */
  private static final class Builder extends FrontendBuilder<Builder> {}
}
