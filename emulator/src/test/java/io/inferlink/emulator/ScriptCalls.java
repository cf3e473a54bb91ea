package io.inferlink.emulator;

import io.inferlink.Tensor;
import java.util.List;

/** Shorthands for the emulator's tests: build and run calls on a script. Stateless. */
final class ScriptCalls {
  private ScriptCalls() {}

  /** A call to the latest version of a model. */
  static ModelCall call(ModelScript script, String model, Tensor... inputs) {
    return ModelCall.builder(script.resolve(model, null, null)).inputs(List.of(inputs)).build();
  }

  /** Runs a call to the latest version of a model. */
  static List<Tensor> run(ModelScript script, String model, Tensor... inputs) {
    return script.infer(call(script, model, inputs));
  }
}
