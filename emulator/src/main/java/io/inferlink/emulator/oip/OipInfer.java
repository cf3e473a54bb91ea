package io.inferlink.emulator.oip;

import com.google.protobuf.ByteString;
import io.inferlink.DataType;
import io.inferlink.Tensor;
import io.inferlink.emulator.CallRecorder;
import io.inferlink.emulator.FrontendContext;
import io.inferlink.emulator.GrpcCalls;
import io.inferlink.emulator.ModelCall;
import io.inferlink.emulator.ModelScript;
import io.inferlink.emulator.ResolvedModel;
import io.inferlink.protos.internal.inference.InferParameter;
import io.inferlink.protos.internal.inference.ModelInferRequest.InferInputTensor;
import io.inferlink.protos.internal.inference.ModelInferRequest.InferRequestedOutputTensor;
import io.inferlink.protos.internal.inference.ModelInferRequest;
import io.inferlink.protos.internal.inference.ModelInferResponse.InferOutputTensor;
import io.inferlink.protos.internal.inference.ModelInferResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ModelInfer}: resolve the model version, read the inputs (all raw or all typed, as KServe's
 * {@code validate_grpc_request} demands), run the call (tracked, cancelled when the client goes
 * away), and answer the outputs raw when the request was raw or an output has no typed field, typed
 * otherwise. Stateless; one instance per server.
 */
final class OipInfer {
  private final OipModels models;
  private final ModelScript script;
  private final CallRecorder recorder;

  OipInfer(OipModels models, FrontendContext context) {
    this.models = models;
    this.script = context.script();
    this.recorder = context.recorder();
  }

  ModelInferResponse infer(ModelInferRequest request) {
    ResolvedModel target = models.resolve(request.getModelName(), request.getModelVersion());
    boolean raw = request.getRawInputContentsCount() > 0;
    List<Tensor> inputs = raw ? rawInputs(request) : typedInputs(request);
    List<String> wanted = new ArrayList<>();
    for (InferRequestedOutputTensor o : request.getOutputsList()) {
      wanted.add(o.getName());
    }
    ModelCall call = ModelCall.builder(target).inputs(inputs).requestedOutputs(wanted)
        .requestId(request.getId()).parameters(parameters(request.getParametersMap()))
        .headers(GrpcCalls.headers()).build();
    List<Tensor> outputs = run(call);
    boolean rawOut = raw || outputs.stream().anyMatch(t -> !OipTypedContents.hasTypedField(t.dtype()));
    ModelInferResponse.Builder response = ModelInferResponse.newBuilder()
        .setModelName(target.name()).setModelVersion(target.version()).setId(request.getId());
    for (Tensor t : outputs) {
      InferOutputTensor.Builder out = InferOutputTensor.newBuilder().setName(t.name()).setDatatype(t.dtype().wireName());
      for (long d : t.shape()) {
        out.addShape(d);
      }
      if (rawOut) {
        response.addRawOutputContents(ByteString.copyFrom(t.data()));
      } else {
        out.setContents(OipTypedContents.write(t));
      }
      response.addOutputs(out);
    }
    return response.build();
  }

  private List<Tensor> rawInputs(ModelInferRequest request) {
    if (request.getRawInputContentsCount() != request.getInputsCount()) {
      throw OipStatus.invalid("the number of inputs (" + request.getInputsCount()
          + ") does not match the expected number of raw input contents (" + request.getRawInputContentsCount() + ")");
    }
    List<Tensor> tensors = new ArrayList<>();
    for (int i = 0; i < request.getInputsCount(); i++) {
      InferInputTensor input = request.getInputs(i);
      if (input.hasContents()) {
        throw OipStatus.invalid("contents field must not be specified when using raw_input_contents. "
            + "Got contents for input " + input.getName());
      }
      tensors.add(OipRawContents.read(input.getName(), datatype(input), shape(input), request.getRawInputContents(i)));
    }
    return tensors;
  }

  private static List<Tensor> typedInputs(ModelInferRequest request) {
    List<Tensor> tensors = new ArrayList<>();
    for (InferInputTensor input : request.getInputsList()) {
      tensors.add(OipTypedContents.read(input.getName(), datatype(input), shape(input), input.getContents()));
    }
    return tensors;
  }

  /** Exactly a wire name: servers compare datatypes case-sensitively. */
  private static DataType datatype(InferInputTensor input) {
    for (DataType t : DataType.values()) {
      if (t.wireName().equals(input.getDatatype())) {
        return t;
      }
    }
    throw OipStatus.invalid("invalid datatype '" + input.getDatatype() + "' of input '" + input.getName() + "'");
  }

  private static long[] shape(InferInputTensor input) {
    long[] shape = new long[input.getShapeCount()];
    for (int i = 0; i < shape.length; i++) {
      shape[i] = input.getShape(i);
      if (shape[i] < 0) {
        throw OipStatus.invalid("input '" + input.getName() + "' has a negative dimension in shape " + input.getShapeList());
      }
    }
    return shape;
  }

  private static Map<String, Object> parameters(Map<String, InferParameter> given) {
    Map<String, Object> values = new LinkedHashMap<>();
    given.forEach((k, p) -> {
      switch (p.getParameterChoiceCase()) {
        case BOOL_PARAM: values.put(k, p.getBoolParam()); break;
        case INT64_PARAM: values.put(k, p.getInt64Param()); break;
        case STRING_PARAM: values.put(k, p.getStringParam()); break;
        case DOUBLE_PARAM: values.put(k, p.getDoubleParam()); break;
        case UINT64_PARAM: values.put(k, p.getUint64Param()); break;
        default: break;
      }
    });
    return values;
  }

  private List<Tensor> run(ModelCall call) {
    recorder.track(call);
    Runnable stopWatching = GrpcCalls.cancelWhenAbandoned(call);
    try {
      return script.infer(call);
    } finally {
      // Answered (or failed): a client that leaves from now on did not cancel the model call.
      stopWatching.run();
    }
  }
}
