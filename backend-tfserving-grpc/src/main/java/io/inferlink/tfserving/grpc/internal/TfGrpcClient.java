package io.inferlink.tfserving.grpc.internal;

import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.inferlink.Capabilities;
import io.inferlink.ClientOptions;
import io.inferlink.InferenceClient;
import io.inferlink.InferenceRequest;
import io.inferlink.InferenceResponse;
import io.inferlink.ModelMetadata;
import io.inferlink.ModelNotFoundException;
import io.inferlink.ModelRef;
import io.inferlink.Tensor;
import io.inferlink.protos.internal.tensorflow.TensorProto;
import io.inferlink.protos.internal.tensorflow.serving.ClassificationProtos;
import io.inferlink.protos.internal.tensorflow.serving.GetModelMetadataRequest;
import io.inferlink.protos.internal.tensorflow.serving.GetModelStatusRequest;
import io.inferlink.protos.internal.tensorflow.serving.GetModelStatusResponse;
import io.inferlink.protos.internal.tensorflow.serving.ModelServiceGrpc;
import io.inferlink.protos.internal.tensorflow.serving.PredictRequest;
import io.inferlink.protos.internal.tensorflow.serving.PredictResponse;
import io.inferlink.protos.internal.tensorflow.serving.PredictionServiceGrpc;
import io.inferlink.protos.internal.tensorflow.serving.RegressionRequest;
import io.inferlink.spi.Endpoint;
import io.inferlink.spi.support.AbstractInferenceClient;
import io.inferlink.spi.support.MalformedAnswerException;
import io.inferlink.spi.support.PreparedCall;
import io.inferlink.tfserving.Classification;
import io.inferlink.tfserving.ExampleInput;
import io.inferlink.tfserving.ModelVersionStatus;
import io.inferlink.tfserving.TensorFlowServing;
import io.inferlink.tfserving.grpc.ModelConfigEntry;
import io.inferlink.tfserving.grpc.MultiInferenceResult;
import io.inferlink.tfserving.grpc.MultiInferenceTask;
import io.inferlink.tfserving.grpc.ReloadResult;
import io.inferlink.tfserving.grpc.TfServingGrpcExtension;
import io.inferlink.transport.grpc.internal.AliasingResponses;
import io.inferlink.transport.grpc.internal.GrpcChannels;
import io.inferlink.transport.grpc.internal.GrpcExchange;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * An {@link InferenceClient} for TF Serving's gRPC API, also offering {@link TensorFlowServing}
 * (classify, regress, status) and {@link TfServingGrpcExtension} (multi-inference, config reload), whose
 * calls go through the same pipeline as inference. Inputs go as {@code tensor_content} (FP16/BF16 in
 * {@code half_val}, UINT16 in {@code int_val}, BYTES in {@code string_val}), the forms both TF Serving and
 * OVMS accept; requested outputs become {@code output_filter}. Thread-safe.
 */
final class TfGrpcClient extends AbstractInferenceClient implements TensorFlowServing, TfServingGrpcExtension {
  /** What a malformed answer is not. */
  static final String PROTOCOL = "a TensorFlow Serving response";
  /** Predict with answers parsed in place: tensor_content outputs become views of the one answer array. */
  private static final MethodDescriptor<PredictRequest, PredictResponse> PREDICT =
      AliasingResponses.of(PredictionServiceGrpc.getPredictMethod(), PredictResponse.getDefaultInstance());

  private final String provider;
  private final ManagedChannel channel;
  private final GrpcExchange exchange;

  TfGrpcClient(String provider, Endpoint endpoint, ManagedChannel channel, ClientOptions options,
      Capabilities capabilities) {
    super(provider, endpoint, options, capabilities);
    this.provider = provider;
    this.channel = channel;
    this.exchange = new GrpcExchange(channel, provider, PROTOCOL, TfGrpcErrors::map);
  }

  @Override
  protected PreparedCall<InferenceResponse> prepareInfer(InferenceRequest request) {
    int maxFilledBytes = options().maxMessageSize();
    return exchange.prepare(PREDICT, predict(request),
        response -> response(request, response, provider, maxFilledBytes));
  }

  private static PredictRequest predict(InferenceRequest request) {
    PredictRequest.Builder b = PredictRequest.newBuilder()
        .setModelSpec(TfGrpcMessages.modelSpec(request.model(), request.signatureName()))
        .addAllOutputFilter(request.requestedOutputs());
    for (Tensor t : request.inputs().values()) {
      b.putInputs(t.name(), TensorProtoCodec.encodeForCall(t));
    }
    return b.build();
  }

  /**
   * The outputs of a predict answer, those asked for in the order asked, else all in the server's order;
   * see {@link TensorProtoCodec#decode(String, TensorProto, String, int)} for {@code maxFilledBytes}.
   */
  static InferenceResponse response(InferenceRequest request, PredictResponse response, String provider,
      int maxFilledBytes) {
    InferenceResponse.Builder out = InferenceResponse.builder()
        .modelName(response.getModelSpec().getName().isEmpty() ? request.model().name() : response.getModelSpec().getName())
        .modelVersion(TfGrpcMessages.version(response.getModelSpec()));
    Map<String, TensorProto> outputs = response.getOutputsMap();
    // Requested outputs come back in the order asked; otherwise in the server's order.
    List<String> names = request.requestedOutputs().isEmpty() ? List.copyOf(outputs.keySet()) : request.requestedOutputs();
    for (String name : names) {
      TensorProto p = outputs.get(name);
      if (p == null) {
        throw new MalformedAnswerException("the server did not return output '" + name + "'");
      }
      out.output(TensorProtoCodec.decode(name, p, provider, maxFilledBytes));
    }
    return out.build();
  }

  @Override
  protected PreparedCall<ModelMetadata> prepareModelMetadata(ModelRef model) {
    return exchange.prepare(PredictionServiceGrpc.getGetModelMetadataMethod(),
        GetModelMetadataRequest.newBuilder().setModelSpec(TfGrpcMessages.modelSpec(model, null))
            .addMetadataField(SignatureMetadata.FIELD).build(),
        response -> SignatureMetadata.read(response, provider));
  }

  /** Ready when a version is available; a model or version the server does not know is not ready. */
  @Override
  protected PreparedCall<Boolean> prepareModelReady(ModelRef model) {
    return exchange.prepare(ModelServiceGrpc.getGetModelStatusMethod(), statusRequest(model),
        response -> statuses(response).stream().anyMatch(ModelVersionStatus::isAvailable),
        ModelNotFoundException.class, false);
  }

  @Override
  public CompletableFuture<List<ModelVersionStatus>> modelStatusAsync(ModelRef model) {
    return callExtension("status", model, true, () -> {
      capabilities().check(model, provider);
      return exchange.prepare(ModelServiceGrpc.getGetModelStatusMethod(), statusRequest(model), TfGrpcClient::statuses);
    });
  }

  private static GetModelStatusRequest statusRequest(ModelRef model) {
    return GetModelStatusRequest.newBuilder().setModelSpec(TfGrpcMessages.modelSpec(model, null)).build();
  }

  private static List<ModelVersionStatus> statuses(GetModelStatusResponse response) {
    List<ModelVersionStatus> out = new ArrayList<>();
    response.getModelVersionStatusList().forEach(v -> out.add(new ModelVersionStatus(v.getVersion(),
        ModelVersionStatus.State.fromNumber(v.getStateValue()), v.getStatus().getErrorCode().name(),
        v.getStatus().getErrorMessage())));
    return List.copyOf(out);
  }

  @Override
  public CompletableFuture<List<List<Classification>>> classifyAsync(ModelRef model, String signatureName, ExampleInput input) {
    return callExtension("classify", model, false, () -> {
      capabilities().check(model, provider);
      return exchange.prepare(PredictionServiceGrpc.getClassifyMethod(),
          ClassificationProtos.ClassificationRequest.newBuilder()
              .setModelSpec(TfGrpcMessages.modelSpec(model, signatureName)).setInput(TfGrpcMessages.input(input)).build(),
          response -> TfGrpcMessages.classifications(response.getResult()));
    });
  }

  @Override
  public CompletableFuture<List<Float>> regressAsync(ModelRef model, String signatureName, ExampleInput input) {
    return callExtension("regress", model, false, () -> {
      capabilities().check(model, provider);
      return exchange.prepare(PredictionServiceGrpc.getRegressMethod(),
          RegressionRequest.newBuilder()
              .setModelSpec(TfGrpcMessages.modelSpec(model, signatureName)).setInput(TfGrpcMessages.input(input)).build(),
          response -> TfGrpcMessages.regressions(response.getResult()));
    });
  }

  @Override
  public CompletableFuture<List<MultiInferenceResult>> multiInferenceAsync(List<MultiInferenceTask> tasks, ExampleInput input) {
    return callExtension("multi_inference", false, () -> {
      tasks.forEach(t -> capabilities().check(t.model(), provider));
      return exchange.prepare(PredictionServiceGrpc.getMultiInferenceMethod(),
          TfGrpcAdminMessages.multiInference(tasks, input), TfGrpcAdminMessages::results);
    });
  }

  @Override
  public CompletableFuture<ReloadResult> reloadConfigAsync(List<ModelConfigEntry> models) {
    return callExtension("reload_config", false, () -> exchange.prepare(
        ModelServiceGrpc.getHandleReloadConfigRequestMethod(), TfGrpcAdminMessages.reload(models),
        TfGrpcAdminMessages::result));
  }

  @Override
  public InferenceClient client() {
    return this;
  }

  @Override
  protected void closeTransport() {
    GrpcChannels.shutdown(channel);
  }
}
