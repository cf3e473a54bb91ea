package io.inferlink.emulator;

import io.inferlink.ErrorCode;
import io.inferlink.Tensor;
import java.time.Duration;
import java.util.Set;

/**
 * A toy protocol, for testing the loopback framework only: {@code GET /health} answers "ok",
 * {@code /echo} echoes the body and one header, {@code /fail/<CODE>} fails with that code and
 * {@code /sleep/<millis>} runs the {@code sleep} model. Thread-safe.
 */
final class HealthFrontend implements ProtocolFrontend {
  static final String PROTOCOL = "kit-health";
  static final String SCHEME = "kit-health+http";

  private final Duration lifetime;
  private final int maxRequestBytes;

  HealthFrontend() {
    this(null, LoopbackServer.DEFAULT_MAX_REQUEST_BYTES);
  }

  HealthFrontend(Duration lifetime, int maxRequestBytes) {
    this.lifetime = lifetime;
    this.maxRequestBytes = maxRequestBytes;
  }

  @Override
  public String protocol() {
    return PROTOCOL;
  }

  @Override
  public Set<String> schemes() {
    return Set.of(SCHEME);
  }

  @Override
  public LoopbackServer create(FrontendContext context) {
    return HttpLoopbackServer.builder(PROTOCOL)
        .maxLifetime(lifetime != null ? lifetime : context.maxLifetime())
        .maxRequestBytes(maxRequestBytes)
        .route("/health", call -> HttpReply.text(200, "ok"))
        .route("/echo", call -> HttpReply.of(200, "application/octet-stream", call.body())
            .withHeader("x-echoed", call.header("X-Kit").orElse("none")))
        .route("/fail/", call -> {
          throw new ScriptedFailure(ErrorCode.valueOf(call.rawPath().substring("/fail/".length())), "toy failure");
        })
        .route("/sleep/", call -> {
          long millis = Long.parseLong(call.rawPath().substring("/sleep/".length()));
          ModelCall modelCall = ModelCall.builder(context.script().resolve(KitContract.SLEEP, null, null))
              .input(Tensor.ofLongs(KitContract.SLEEP_TENSOR, new long[] {millis}, 1))
              .headers(call.headers()).build();
          context.recorder().track(modelCall);
          context.script().infer(modelCall);
          return HttpReply.text(200, "slept");
        })
        .build();
  }
}
