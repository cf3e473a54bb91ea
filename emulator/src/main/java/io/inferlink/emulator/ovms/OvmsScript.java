package io.inferlink.emulator.ovms;

import io.inferlink.ErrorCode;
import io.inferlink.ModelMetadata;
import io.inferlink.Tensor;
import io.inferlink.emulator.ClassScore;
import io.inferlink.emulator.Example;
import io.inferlink.emulator.ModelCall;
import io.inferlink.emulator.ModelScript;
import io.inferlink.emulator.ScriptedFailure;
import io.inferlink.emulator.ScriptedModel;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The script as the OVMS REST frontend hands it to the TF Serving and KServe routes it is built on.
 * Those routes answer a model's {@link ScriptedFailure} with their own status tables; OVMS has its
 * own (§4.7: 412, 204...). So here a model fails with {@link ModelFailure} instead, which those
 * routes do not catch, and the OVMS route answers it. Everything else is the model itself.
 * Stateless.
 */
final class OvmsScript {
  private OvmsScript() {}

  /** A model's failure on its way to the OVMS route; no stack trace, it is an answer. */
  static final class ModelFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    ModelFailure(ScriptedFailure f) {
      super(f.getMessage(), null, false, false);
      this.code = f.code();
    }

    ErrorCode code() {
      return code;
    }
  }

  /** The same models, failing with {@link ModelFailure}. */
  static ModelScript wrap(ModelScript script) {
    ModelScript.Builder b = ModelScript.builder();
    script.models().forEach(m -> b.add(new Failing(m)));
    return b.build();
  }

  private static <T> T run(Supplier<T> work) {
    try {
      return work.get();
    } catch (ScriptedFailure f) {
      if (f.code() == ErrorCode.CANCELLED) {
        throw f; // the client is gone; the route's own handling is fine
      }
      throw new ModelFailure(f);
    }
  }

  /** Delegates every method; only the failures of the computing ones change type. */
  private static final class Failing implements ScriptedModel {
    private final ScriptedModel model;

    Failing(ScriptedModel model) {
      this.model = model;
    }

    @Override
    public String name() {
      return model.name();
    }

    @Override
    public List<String> versions() {
      return model.versions();
    }

    @Override
    public Map<String, String> labels() {
      return model.labels();
    }

    @Override
    public String latestVersion() {
      return model.latestVersion();
    }

    @Override
    public ModelMetadata metadata(String version) {
      return model.metadata(version);
    }

    @Override
    public boolean isReady(String version) {
      return model.isReady(version);
    }

    @Override
    public List<Tensor> infer(ModelCall call) {
      return run(() -> model.infer(call));
    }

    @Override
    public boolean classifies() {
      return model.classifies();
    }

    @Override
    public List<List<ClassScore>> classify(ModelCall call, List<Example> examples) {
      return run(() -> model.classify(call, examples));
    }

    @Override
    public boolean regresses() {
      return model.regresses();
    }

    @Override
    public float[] regress(ModelCall call, List<Example> examples) {
      return run(() -> model.regress(call, examples));
    }
  }
}
