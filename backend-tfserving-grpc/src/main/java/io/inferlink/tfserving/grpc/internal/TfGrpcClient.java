package io.inferlink.tfserving.grpc.internal;

import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.inferlink.Capabilities;
import io.inferlink.ClientOptions;
import io.inferlink.InferenceClient;
import io.inferlink.InferenceException;
import io.inferlink.InferenceRequest;
import io.inferlink.InferenceResponse;
import io.inferlink.ModelMetadata;
import io.inferlink.ModelRef;
import io.inferlink.Tensor;
import io.inferlink.protos.internal.tensorflow.TensorProto;
import io.inferlink.protos.internal.tensorflow.serving.ClassificationProtos;
import io.inferlink.protos.internal.tensorflow.serving.GetModelMetadataRequest;
import io.inferlink.protos.internal.tensorflow.serving.GetModelStatusRequest;
import io.inferlink.protos.internal.tensorflow.serving.ModelServiceGrpc;
import io.inferlink.protos.internal.tensorflow.serving.PredictRequest;
import io.inferlink.protos.internal.tensorflow.serving.PredictResponse;
import io.inferlink.protos.internal.tensorflow.serving.PredictionServiceGrpc;
import io.inferlink.protos.internal.tensorflow.serving.RegressionRequest;
import io.inferlink.spi.Errors;
import io.inferlink.tfserving.Classification;
import io.inferlink.tfserving.ExampleInput;
import io.inferlink.tfserving.ModelVersionStatus;
import io.inferlink.tfserving.TensorFlowServing;
import io.inferlink.tfserving.grpc.ModelConfigEntry;
import io.inferlink.tfserving.grpc.MultiInferenceResult;
import io.inferlink.tfserving.grpc.MultiInferenceTask;
import io.inferlink.tfserving.grpc.ReloadResult;
import io.inferlink.tfserving.grpc.TfServingGrpcExtension;
import io.inferlink.transport.grpc.AliasingResponses;
import io.inferlink.transport.grpc.GrpcCalls;
import io.inferlink.transport.grpc.GrpcChannels;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * An {@link InferenceClient} for TF Serving's gRPC API, also offering {@link TensorFlowServing}
 * (classify, regress, status) and {@link TfServingGrpcExtension} (multi-inference, config reload).
 * Inputs go as {@code tensor_content} (FP16/BF16 in {@code half_val}, UINT16 in {@code int_val},
 * BYTES in {@code string_val}), the forms both TF Serving and OVMS accept; requested outputs become
 * {@code output_filter}. Thread-safe.
 */
final class TfGrpcClient implements InferenceClient, TensorFlowServing, TfServingGrpcExtension {
  /** Predict with answers parsed in place: tensor_content outputs become views of the one answer array. */
  private static final MethodDescriptor<PredictRequest, PredictResponse> PREDICT =
      AliasingResponses.of(PredictionServiceGrpc.getPredictMethod(), PredictResponse.getDefaultInstance());

  private final String provider;
  private final ManagedChannel channel;
  private final ClientOptions options;
  private final Capabilities capabilities;
  private final AtomicBoolean closed = new AtomicBoolean();

  TfGrpcClient(String provider, ManagedChannel channel, ClientOptions options, Capabilities capabilities) {
    this.provider = provider;
    this.channel = channel;
    this.options = options;
    this.capabilities = capabilities;
  }

  @Override
  public CompletableFuture<InferenceResponse> inferAsync(InferenceRequest request) {
    return call(() -> predict(request), PREDICT, options.timeoutFor(request),
        response -> response(request, response, provider, options.maxMessageSize()));
  }

  /** As {@code inferAsync(request).get()}, with the answer parsed on this thread (see {@link GrpcCalls#blocking}). */
  @Override
  public InferenceResponse infer(InferenceRequest request) {
    try {
      return GrpcCalls.blocking(channel, PREDICT, whileOpen(() -> predict(request)), options.timeoutFor(request),
          provider, response -> response(request, response, provider, options.maxMessageSize()));
    } catch (InferenceException e) {
      throw TfGrpcErrors.map(e);
    }
  }

  private PredictRequest predict(InferenceRequest request) {
    capabilities.check(request, provider);
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
        throw Errors.create(io.inferlink.ErrorCode.UNKNOWN, "the server did not return output '" + name + "'", provider, null);
      }
      out.output(TensorProtoCodec.decode(name, p, provider, maxFilledBytes));
    }
    return out.build();
  }

  @Override
  public CompletableFuture<ModelMetadata> modelMetadataAsync(ModelRef model) {
    return call(() -> {
      capabilities.check(model, provider);
      return GetModelMetadataRequest.newBuilder().setModelSpec(TfGrpcMessages.modelSpec(model, null))
          .addMetadataField(SignatureMetadata.FIELD).build();
    }, PredictionServiceGrpc.getGetModelMetadataMethod(), options.requestTimeout(),
        response -> SignatureMetadata.read(response, provider));
  }

  @Override
  public CompletableFuture<Boolean> modelReadyAsync(ModelRef model) {
    return io.inferlink.tfserving.TfReadiness.fromStatus(modelStatusAsync(model), provider);
  }

  @Override
  public CompletableFuture<List<ModelVersionStatus>> modelStatusAsync(ModelRef model) {
    return call(() -> {
      capabilities.check(model, provider);
      return GetModelStatusRequest.newBuilder().setModelSpec(TfGrpcMessages.modelSpec(model, null)).build();
    }, ModelServiceGrpc.getGetModelStatusMethod(), options.requestTimeout(), response -> {
      List<ModelVersionStatus> out = new ArrayList<>();
      response.getModelVersionStatusList().forEach(v -> out.add(new ModelVersionStatus(v.getVersion(),
          ModelVersionStatus.State.fromNumber(v.getStateValue()), v.getStatus().getErrorCode().name(),
          v.getStatus().getErrorMessage())));
      return List.copyOf(out);
    });
  }

  @Override
  public CompletableFuture<List<List<Classification>>> classifyAsync(ModelRef model, String signatureName, ExampleInput input) {
    return call(() -> {
      capabilities.check(model, provider);
      return ClassificationProtos.ClassificationRequest.newBuilder()
          .setModelSpec(TfGrpcMessages.modelSpec(model, signatureName)).setInput(TfGrpcMessages.input(input)).build();
    }, PredictionServiceGrpc.getClassifyMethod(), options.requestTimeout(),
        response -> TfGrpcMessages.classifications(response.getResult()));
  }

  @Override
  public CompletableFuture<List<Float>> regressAsync(ModelRef model, String signatureName, ExampleInput input) {
    return call(() -> {
      capabilities.check(model, provider);
      return RegressionRequest.newBuilder()
          .setModelSpec(TfGrpcMessages.modelSpec(model, signatureName)).setInput(TfGrpcMessages.input(input)).build();
    }, PredictionServiceGrpc.getRegressMethod(), options.requestTimeout(),
        response -> TfGrpcMessages.regressions(response.getResult()));
  }

  @Override
  public CompletableFuture<List<MultiInferenceResult>> multiInferenceAsync(List<MultiInferenceTask> tasks, ExampleInput input) {
    return call(() -> {
      tasks.forEach(t -> capabilities.check(t.model(), provider));
      return TfGrpcAdminMessages.multiInference(tasks, input);
    }, PredictionServiceGrpc.getMultiInferenceMethod(), options.requestTimeout(), TfGrpcAdminMessages::results);
  }

  @Override
  public CompletableFuture<ReloadResult> reloadConfigAsync(List<ModelConfigEntry> models) {
    return call(() -> TfGrpcAdminMessages.reload(models), ModelServiceGrpc.getHandleReloadConfigRequestMethod(),
        options.requestTimeout(), TfGrpcAdminMessages::result);
  }

  @Override
  public InferenceClient client() {
    return this;
  }

  @Override
  public Capabilities capabilities() {
    return capabilities;
  }

  @Override
  public String providerName() {
    return provider;
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      GrpcChannels.shutdown(channel);
    }
  }

  /**
   * One unary call: builds the request (a refusal fails the future before anything is sent), sends
   * it with a deadline, and reads the answer (a malformed answer fails the future too).
   */
  private <Q, R, T> CompletableFuture<T> call(Supplier<Q> request, MethodDescriptor<Q, R> method, Duration timeout,
      Function<R, T> read) {
    return TfGrpcErrors.mapping(GrpcCalls.call(channel, method, whileOpen(request), timeout, provider, read));
  }

  /** The request, unless the client is closed. */
  private <Q> Supplier<Q> whileOpen(Supplier<Q> request) {
    return () -> {
      if (closed.get()) {
        throw new IllegalStateException(provider + " client is closed");
      }
      return request.get();
    };
  }

}
