package io.inferlink.cli;

import io.inferlink.emulator.Emulator;
import io.inferlink.emulator.ModelScript;
import io.inferlink.emulator.ScriptedModel;
import io.inferlink.emulator.kservev1.KServeV1RestFrontend;
import io.inferlink.emulator.oip.OipGrpcFrontend;
import io.inferlink.emulator.oip.OipRestFrontend;
import io.inferlink.emulator.ovms.OvmsFrontends;
import io.inferlink.emulator.ovms.OvmsRelease;
import io.inferlink.emulator.tfserving.TfServingGrpcFrontend;
import io.inferlink.emulator.tfserving.TfServingRestFrontend;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code inferlink emulator}: the test emulator as a standalone server on 127.0.0.1 (never another
 * address), every protocol on its own port, until Ctrl-C or {@code --max-seconds}; its servers stop
 * themselves after {@link #MAX_LIFETIME} in any case.
 */
@Command(name = "emulator", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Runs the multi-protocol emulator on 127.0.0.1.", "",
        "Serves until Ctrl-C (or --max-seconds), printing the endpoint of each protocol. It hosts the kit's",
        "models (identity, add_one, classifier, fail, sleep, versioned) and any from --models.",
        "Port 0 (the default) lets the system choose."})
final class EmulatorCommand extends BaseCommand {
  /** The longest a standalone emulator runs, whatever it was asked. */
  static final Duration MAX_LIFETIME = Duration.ofHours(24);

  @Option(names = "--tfserving-rest-port", paramLabel = "PORT", defaultValue = "0", description = "TF Serving REST (tfserving+http).")
  int tfservingRest;

  @Option(names = "--tfserving-grpc-port", paramLabel = "PORT", defaultValue = "0", description = "TF Serving gRPC (tfserving+grpc).")
  int tfservingGrpc;

  @Option(names = "--kserve-v1-port", paramLabel = "PORT", defaultValue = "0", description = "KServe V1 REST (kserve-v1+http).")
  int kserveV1;

  @Option(names = "--kserve-v2-rest-port", paramLabel = "PORT", defaultValue = "0",
      description = "Open Inference Protocol REST (kserve-v2+http).")
  int kserveV2Rest;

  @Option(names = "--kserve-v2-grpc-port", paramLabel = "PORT", defaultValue = "0",
      description = "Open Inference Protocol gRPC (kserve-v2+grpc).")
  int kserveV2Grpc;

  @Option(names = "--ovms", description = "Also serves an emulated OVMS 2026.2 (ovms+http, ovms+grpc) on two more ports.")
  boolean ovms;

  @Option(names = "--models", paramLabel = "FILE", description = "Adds the models described in this JSON file (see README).")
  Path models;

  @Option(names = "--no-builtins", description = "Leaves out the kit's built-in models.")
  boolean noBuiltins;

  @Option(names = "--max-seconds", paramLabel = "N", defaultValue = "0",
      description = "Stops after N seconds (default: 0, until Ctrl-C; at most 24 hours).")
  long maxSeconds;

  @Override
  public Integer call() throws InterruptedException {
    if (maxSeconds < 0) {
      throw new UsageError("--max-seconds must be >= 0");
    }
    ModelScript.Builder script = ModelScript.builder();
    if (!noBuiltins) {
      script.addBuiltins();
    }
    if (models != null) {
      ModelDescriptions.read(models).forEach(script::add);
    }
    ModelScript built = script.build();
    if (built.models().isEmpty()) {
      throw new UsageError("no models to serve: --no-builtins needs --models");
    }
    Duration lifetime = maxSeconds == 0 || maxSeconds > MAX_LIFETIME.toSeconds() ? MAX_LIFETIME : Duration.ofSeconds(maxSeconds);
    Emulator emulator;
    try {
      emulator = Emulator.builder().script(built).maxLifetime(lifetime.plusSeconds(5))
          .frontend(new TfServingRestFrontend()).port(TfServingRestFrontend.PROTOCOL, tfservingRest)
          .frontend(new TfServingGrpcFrontend()).port(TfServingGrpcFrontend.PROTOCOL, tfservingGrpc)
          .frontend(new KServeV1RestFrontend()).port(KServeV1RestFrontend.PROTOCOL, kserveV1)
          .frontend(new OipRestFrontend()).port(OipRestFrontend.PROTOCOL, kserveV2Rest)
          .frontend(new OipGrpcFrontend()).port(OipGrpcFrontend.PROTOCOL, kserveV2Grpc)
          .build().start();
    } catch (IllegalArgumentException e) {
      throw new UsageError(e.getMessage(), e);
    } catch (UncheckedIOException e) {
      throw new CommandFailure("starting the emulator", null,
          new IllegalStateException(e.getMessage() + " (is the port in use? choose another, or 0)", e));
    }
    // OVMS is its own server (its metadata and model statuses differ from the generic frontends'), as in the demo.
    Emulator ovmsServer = null;
    if (ovms) {
      OvmsFrontends frontends = OvmsFrontends.of(OvmsRelease.V2026_2);
      try {
        ovmsServer = Emulator.builder().script(built).maxLifetime(lifetime.plusSeconds(5))
            .frontend(frontends.rest()).frontend(frontends.grpc()).build().start();
      } catch (UncheckedIOException e) {
        emulator.close();
        throw new CommandFailure("starting the emulated OVMS", null, e);
      }
    }
    Emulator ovmsEmulator = ovmsServer;
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      emulator.close();
      if (ovmsEmulator != null) {
        ovmsEmulator.close();
      }
      stopped.countDown();
    }, "inferlink-emulator-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try (emulator) {
      out().println("inferlink emulator on 127.0.0.1, models: "
          + String.join(", ", built.models().stream().map(ScriptedModel::name).toList()));
      for (String scheme : List.of("tfserving+http", "tfserving+grpc", "kserve-v1+http", "kserve-v2+http", "kserve-v2+grpc")) {
        out().println("  " + emulator.endpoint(scheme));
      }
      if (ovmsEmulator != null) {
        out().println("  " + ovmsEmulator.endpoint("ovms+http"));
        out().println("  " + ovmsEmulator.endpoint("ovms+grpc"));
      }
      out().println(maxSeconds == 0 ? "serving until Ctrl-C (at most 24 h)" : "serving for " + maxSeconds + " s");
      out().flush();
      stopped.await(lifetime.toMillis(), TimeUnit.MILLISECONDS);
    } finally {
      if (ovmsEmulator != null) {
        ovmsEmulator.close();
      }
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // the JVM is already shutting down: the hook is closing the emulator
      }
    }
    out().println("emulator stopped");
    out().flush();
    return ExitCodes.OK;
  }
}
