package io.inferlink.emulator.tfserving;

import io.inferlink.ErrorCode;
import io.inferlink.emulator.Example;
import io.inferlink.emulator.ModelCall;
import io.inferlink.emulator.ResolvedModel;
import io.inferlink.emulator.ScriptedModel;
import io.inferlink.protos.internal.tensorflow.serving.ClassificationProtos.ClassificationRequest;
import io.inferlink.protos.internal.tensorflow.serving.ClassificationProtos.ClassificationResponse;
import io.inferlink.protos.internal.tensorflow.serving.InferenceResult;
import io.inferlink.protos.internal.tensorflow.serving.InferenceTask;
import io.inferlink.protos.internal.tensorflow.serving.ModelSpec;
import io.inferlink.protos.internal.tensorflow.serving.MultiInferenceRequest;
import io.inferlink.protos.internal.tensorflow.serving.MultiInferenceResponse;
import io.inferlink.protos.internal.tensorflow.serving.RegressionRequest;
import io.inferlink.protos.internal.tensorflow.serving.RegressionResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Classify, Regress and MultiInference over the script's {@link ScriptedModel#classify} and
 * {@link ScriptedModel#regress}, with TF Serving's checks and messages (classifier.cc,
 * regressor.cc, multi_inference.cc). A scripted model has one signature, {@code serving_default},
 * whose method is predict; a model that classifies (regresses) answers that method as well. So a
 * MultiInference may ask the one signature for both methods; TF's duplicate check then applies to
 * a (signature, method) pair. Stateless; one instance per server.
 */
final class TfsGrpcExampleApis {
  static final String CLASSIFY = "tensorflow/serving/classify";
  static final String REGRESS = "tensorflow/serving/regress";

  private final TfsGrpcCalls calls;

  TfsGrpcExampleApis(TfsGrpcCalls calls) {
    this.calls = calls;
  }

  ClassificationResponse classify(ClassificationRequest request) {
    ResolvedModel target = TfsModelSpecs.resolve(calls.models(), request.hasModelSpec(), request.getModelSpec());
    String signature = signature(request.getModelSpec());
    requireMethod(target, CLASSIFY);
    List<Example> examples = examples(request.getInput(), "ClassificationRequest");
    ModelCall call = ModelCall.builder(target).headers(calls.headers()).build();
    return ClassificationResponse.newBuilder()
        .setModelSpec(TfsModelSpecs.effective(target, signature))
        .setResult(TfsProtoExamples.classifications(calls.run(call, () -> target.model().classify(call, examples))))
        .build();
  }

  RegressionResponse regress(RegressionRequest request) {
    ResolvedModel target = TfsModelSpecs.resolve(calls.models(), request.hasModelSpec(), request.getModelSpec());
    String signature = signature(request.getModelSpec());
    requireMethod(target, REGRESS);
    List<Example> examples = examples(request.getInput(), "RegressionRequest");
    ModelCall call = ModelCall.builder(target).headers(calls.headers()).build();
    return RegressionResponse.newBuilder()
        .setModelSpec(TfsModelSpecs.effective(target, signature))
        .setResult(TfsProtoExamples.regressions(calls.run(call, () -> target.model().regress(call, examples))))
        .build();
  }

  MultiInferenceResponse multiInference(MultiInferenceRequest request) {
    // TF takes the servable from the first task (an empty spec when there is none).
    ModelSpec first = request.getTasksCount() > 0 ? request.getTasks(0).getModelSpec() : ModelSpec.getDefaultInstance();
    ResolvedModel target = TfsModelSpecs.resolve(calls.models(), true, first);
    Set<String> seen = new HashSet<>();
    for (InferenceTask task : request.getTasksList()) {
      String name = task.getModelSpec().getName();
      if (name.isEmpty()) {
        throw TfsError.invalid("Found ModelSpec with an empty model name.");
      }
      if (!name.equals(first.getName())) {
        throw TfsError.invalid("All ModelSpecs in a MultiInferenceRequest must access the same model name.");
      }
      String signature = TfsModelSpecs.signature(task.getModelSpec());
      if (!seen.add(signature + "\n" + task.getMethodName())) {
        throw TfsError.invalid("Duplicate evaluation of signature: " + signature);
      }
      if (!signature.equals(TfsModels.SIGNATURE)) {
        throw TfsError.invalid("Requested signature not found in model graph: " + signature);
      }
      if (!task.getMethodName().equals(CLASSIFY) && !task.getMethodName().equals(REGRESS)) {
        throw new TfsError(ErrorCode.UNIMPLEMENTED, "Unsupported signature method_name: " + task.getMethodName());
      }
      requireMethod(target, task.getMethodName());
    }
    List<Example> examples = examples(request.getInput(), "MultiInferenceRequest");
    ModelCall call = ModelCall.builder(target).headers(calls.headers()).build();
    return calls.run(call, () -> {
      MultiInferenceResponse.Builder response = MultiInferenceResponse.newBuilder();
      for (InferenceTask task : request.getTasksList()) {
        InferenceResult.Builder result = InferenceResult.newBuilder()
            .setModelSpec(TfsModelSpecs.effective(target, TfsModelSpecs.signature(task.getModelSpec())));
        if (task.getMethodName().equals(CLASSIFY)) {
          result.setClassificationResult(TfsProtoExamples.classifications(target.model().classify(call, examples)));
        } else {
          result.setRegressionResult(TfsProtoExamples.regressions(target.model().regress(call, examples)));
        }
        response.addResults(result);
      }
      return response.build();
    });
  }

  /** The signature of a classify or regress request; TF says "No signature was found" for an unknown one. */
  private static String signature(ModelSpec spec) {
    String signature = TfsModelSpecs.signature(spec);
    if (!signature.equals(TfsModels.SIGNATURE)) {
      throw TfsError.invalid("No signature was found with the name: " + signature);
    }
    return signature;
  }

  private static void requireMethod(ResolvedModel target, String method) {
    boolean classify = method.equals(CLASSIFY);
    if (classify ? !target.model().classifies() : !target.model().regresses()) {
      throw TfsError.invalid("Expected " + (classify ? "classification" : "regression")
          + " signature method_name to be " + method + ". Was: " + TfsDocuments.PREDICT_METHOD);
    }
  }

  private static List<Example> examples(io.inferlink.protos.internal.tensorflow.serving.Input input, String request) {
    List<Example> examples = TfsProtoExamples.read(input);
    if (examples.isEmpty()) {
      throw TfsError.invalid(request + "::input is empty.");
    }
    return examples;
  }
}
