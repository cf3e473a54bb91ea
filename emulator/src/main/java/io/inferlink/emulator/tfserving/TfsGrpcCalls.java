package io.inferlink.emulator.tfserving;

import io.inferlink.emulator.CallRecorder;
import io.inferlink.emulator.FrontendContext;
import io.inferlink.emulator.GrpcCalls;
import io.inferlink.emulator.ModelCall;
import io.inferlink.emulator.ModelScript;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What every RPC of the gRPC frontend shares: the script as TF sees it, and running a
 * {@link ModelCall} the way the emulator's contract asks (recorded with
 * {@link CallRecorder#track}, cancelled when its gRPC call is abandoned). Immutable and thread-safe.
 */
final class TfsGrpcCalls {
  private final ModelScript script;
  private final TfsModels models;
  private final CallRecorder recorder;

  TfsGrpcCalls(FrontendContext context) {
    this.script = context.script();
    this.models = new TfsModels(context.script());
    this.recorder = context.recorder();
  }

  ModelScript script() {
    return script;
  }

  TfsModels models() {
    return models;
  }

  /** The current call's metadata, names lower-cased. */
  Map<String, String> headers() {
    return GrpcCalls.headers();
  }

  /** Runs {@code work} for {@code call}: tracked, and cancelled if the client goes away meanwhile. */
  <T> T run(ModelCall call, Supplier<T> work) {
    recorder.track(call);
    Runnable stopWatching = GrpcCalls.cancelWhenAbandoned(call);
    try {
      return work.get();
    } finally {
      // Answered (or failed): a client that leaves from now on did not cancel the model call.
      stopWatching.run();
    }
  }
}
