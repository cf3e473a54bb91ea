package io.inferlink.emulator.tfserving;

import io.inferlink.ErrorCode;
import io.inferlink.ModelMetadata;
import io.inferlink.Tensor;
import io.inferlink.TensorSpec;
import io.inferlink.emulator.KitContract;
import io.inferlink.emulator.ModelCall;
import io.inferlink.emulator.ResolvedModel;
import io.inferlink.protos.internal.tensorflow.TensorProto;
import io.inferlink.protos.internal.tensorflow.serving.PredictRequest;
import io.inferlink.protos.internal.tensorflow.serving.PredictResponse;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code PredictionService.Predict} as TF Serving's {@code RunPredict} does it (predict_util.cc):
 * resolve the servable, find the signature (FAILED_PRECONDITION when missing), check the inputs
 * against it, parse each {@code TensorProto}, apply {@code output_filter}, run, and answer every
 * output in typed fields with the effective model spec. As over REST, {@code identity} takes any
 * subset of its declared inputs. Stateless; one instance per server.
 */
final class TfsGrpcPredict {
  private final TfsGrpcCalls calls;

  TfsGrpcPredict(TfsGrpcCalls calls) {
    this.calls = calls;
  }

  PredictResponse predict(PredictRequest request) {
    ResolvedModel target = TfsModelSpecs.resolve(calls.models(), request.hasModelSpec(), request.getModelSpec());
    String signature = TfsModelSpecs.signature(request.getModelSpec());
    if (!signature.equals(TfsModels.SIGNATURE)) {
      throw new TfsError(ErrorCode.FAILED_PRECONDITION, "Serving signature key \"" + signature + "\" not found.");
    }
    ModelMetadata metadata = target.model().metadata(target.version());
    List<Tensor> inputs = inputs(request.getInputsMap(), metadata, target.name().equals(KitContract.IDENTITY));
    List<String> filter = outputFilter(request.getOutputFilterList(), metadata);
    ModelCall call = ModelCall.builder(target).inputs(inputs).requestedOutputs(filter).headers(calls.headers()).build();
    List<Tensor> outputs = calls.run(call, () -> calls.script().infer(call));
    PredictResponse.Builder response = PredictResponse.newBuilder()
        .setModelSpec(TfsModelSpecs.effective(target, signature));
    for (Tensor t : outputs) {
      response.putOutputs(t.name(), TfsTensorProtoWriter.write(t));
    }
    return response.build();
  }

  private static List<Tensor> inputs(Map<String, TensorProto> given, ModelMetadata metadata, boolean anySubset) {
    Set<String> expected = new TreeSet<>(); // TF lists names from a std::set: sorted
    metadata.inputs().forEach(s -> expected.add(s.name()));
    if (!anySubset && given.size() != expected.size()) {
      Set<String> sent = new TreeSet<>(given.keySet());
      Set<String> extra = new TreeSet<>(sent);
      extra.removeAll(expected);
      Set<String> missing = new TreeSet<>(expected);
      missing.removeAll(sent);
      throw TfsError.invalid("input size does not match signature: " + given.size() + "!=" + expected.size()
          + " len({" + String.join(",", sent) + "}) != len({" + String.join(",", expected) + "}). Sent extra: {"
          + String.join(",", extra) + "}. Missing but required: {" + String.join(",", missing) + "}.");
    }
    List<Tensor> tensors = new ArrayList<>();
    for (Map.Entry<String, TensorProto> e : given.entrySet()) {
      if (!expected.contains(e.getKey())) {
        throw TfsError.invalid("input tensor alias not found in signature: " + e.getKey()
            + ". Inputs expected to be in the set {" + String.join(",", expected) + "}.");
      }
      tensors.add(TfsTensorProtoReader.read(e.getKey(), e.getValue()));
    }
    return tensors;
  }

  private static List<String> outputFilter(List<String> filter, ModelMetadata metadata) {
    Set<String> outputs = new TreeSet<>();
    for (TensorSpec spec : metadata.outputs()) {
      outputs.add(spec.name());
    }
    Set<String> seen = new LinkedHashSet<>();
    for (String alias : filter) {
      if (!outputs.contains(alias)) {
        throw TfsError.invalid("output tensor alias not found in signature: " + alias
            + " Outputs expected to be in the set {" + String.join(",", outputs) + "}.");
      }
      if (!seen.add(alias)) {
        throw TfsError.invalid("duplicate output tensor alias: " + alias);
      }
    }
    return List.copyOf(seen);
  }
}
