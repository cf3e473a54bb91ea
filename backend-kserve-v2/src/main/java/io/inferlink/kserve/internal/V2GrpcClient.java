package io.inferlink.kserve.internal;

import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.inferlink.Capabilities;
import io.inferlink.ClientOptions;
import io.inferlink.DataType;
import io.inferlink.ErrorCode;
import io.inferlink.InferenceClient;
import io.inferlink.InferenceException;
import io.inferlink.InferenceRequest;
import io.inferlink.InferenceResponse;
import io.inferlink.ModelMetadata;
import io.inferlink.ModelNotFoundException;
import io.inferlink.ModelRef;
import io.inferlink.ServerMetadata;
import io.inferlink.TensorSpec;
import io.inferlink.UnsupportedFeatureException;
import io.inferlink.kserve.KServeOptions;
import io.inferlink.kserve.ModelRepository;
import io.inferlink.protos.internal.inference.GRPCInferenceServiceGrpc;
import io.inferlink.protos.internal.inference.ModelInferRequest;
import io.inferlink.protos.internal.inference.ModelInferResponse;
import io.inferlink.protos.internal.inference.ModelMetadataRequest;
import io.inferlink.protos.internal.inference.ModelMetadataResponse;
import io.inferlink.protos.internal.inference.ModelReadyRequest;
import io.inferlink.protos.internal.inference.ServerLiveRequest;
import io.inferlink.protos.internal.inference.ServerMetadataRequest;
import io.inferlink.protos.internal.inference.ServerReadyRequest;
import io.inferlink.spi.Errors;
import io.inferlink.spi.Futures;
import io.inferlink.transport.grpc.AliasingResponses;
import io.inferlink.transport.grpc.GrpcCalls;
import io.inferlink.transport.grpc.GrpcChannels;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * An {@link InferenceClient} for the Open Inference Protocol over gRPC (KServe V2, Triton, MLServer,
 * OVMS): health, server and model metadata, readiness and inference. Inputs go as
 * {@code raw_input_contents} straight from the tensor buffers unless {@code contents=typed}; outputs
 * are read from raw or typed contents. The model repository extension is reached with
 * {@code unwrap(ModelRepository.class)}, in the form the {@code repository} option names. Thread-safe.
 */
final class V2GrpcClient implements InferenceClient {
  /** ModelInfer with answers parsed in place: raw outputs become views of the one answer array. */
  private static final MethodDescriptor<ModelInferRequest, ModelInferResponse> MODEL_INFER =
      AliasingResponses.of(GRPCInferenceServiceGrpc.getModelInferMethod(), ModelInferResponse.getDefaultInstance());

  private final String provider;
  private final ManagedChannel channel;
  private final ClientOptions options;
  private final Capabilities capabilities;
  private final V2GrpcContentMode mode;
  private final ModelRepository repository;
  private final AtomicBoolean closed = new AtomicBoolean();

  V2GrpcClient(String provider, ManagedChannel channel, ClientOptions options, Capabilities capabilities) {
    this.provider = provider;
    this.channel = channel;
    this.options = options;
    this.capabilities = capabilities;
    this.mode = options.get(KServeOptions.CONTENTS) == KServeOptions.Contents.TYPED
        ? V2GrpcContentMode.TYPED : V2GrpcContentMode.RAW;
    this.repository = new V2GrpcRepository(this, options.get(KServeOptions.REPOSITORY), options.requestTimeout());
  }

  @Override
  public CompletableFuture<InferenceResponse> inferAsync(InferenceRequest request) {
    return call(() -> encode(request), MODEL_INFER, options.timeoutFor(request), V2GrpcResponseDecoder::decode);
  }

  /** As {@code inferAsync(request).get()}, with the answer parsed on this thread (see {@link GrpcCalls#blocking}). */
  @Override
  public InferenceResponse infer(InferenceRequest request) {
    return GrpcCalls.blocking(channel, MODEL_INFER, whileOpen(() -> encode(request)), options.timeoutFor(request),
        provider, reading(provider, V2GrpcResponseDecoder::decode));
  }

  private ModelInferRequest encode(InferenceRequest request) {
    capabilities.check(request, provider);
    return V2GrpcRequestEncoder.encode(request, mode);
  }

  @Override
  public CompletableFuture<ModelMetadata> modelMetadataAsync(ModelRef model) {
    return call(() -> {
      capabilities.check(model, provider);
      return ModelMetadataRequest.newBuilder().setName(model.name()).setVersion(versionOf(model)).build();
    }, GRPCInferenceServiceGrpc.getModelMetadataMethod(), options.requestTimeout(), V2GrpcClient::metadata);
  }

  @Override
  public CompletableFuture<Boolean> modelReadyAsync(ModelRef model) {
    CompletableFuture<Boolean> ready = call(() -> {
      capabilities.check(model, provider);
      return ModelReadyRequest.newBuilder().setName(model.name()).setVersion(versionOf(model)).build();
    }, GRPCInferenceServiceGrpc.getModelReadyMethod(), options.requestTimeout(), r -> r.getReady());
    // Servers differ: most answer ready=false for a model they do not know, some answer NOT_FOUND.
    return Futures.cancelling(ready.handle((value, error) -> {
      if (error == null) {
        return value;
      }
      if (Errors.unwrapFutureException(error) instanceof ModelNotFoundException) {
        return false;
      }
      throw Errors.wrap(error, provider);
    }), ready);
  }

  @Override
  public CompletableFuture<Boolean> serverLiveAsync() {
    return call(ServerLiveRequest::getDefaultInstance, GRPCInferenceServiceGrpc.getServerLiveMethod(),
        options.requestTimeout(), r -> r.getLive());
  }

  @Override
  public CompletableFuture<Boolean> serverReadyAsync() {
    return call(ServerReadyRequest::getDefaultInstance, GRPCInferenceServiceGrpc.getServerReadyMethod(),
        options.requestTimeout(), r -> r.getReady());
  }

  @Override
  public CompletableFuture<ServerMetadata> serverMetadataAsync() {
    return call(ServerMetadataRequest::getDefaultInstance, GRPCInferenceServiceGrpc.getServerMetadataMethod(),
        options.requestTimeout(), r -> new ServerMetadata(r.getName(), r.getVersion(), r.getExtensionsList()));
  }

  @Override
  public Capabilities capabilities() {
    return capabilities;
  }

  @Override
  public String providerName() {
    return provider;
  }

  /** Adds {@link ModelRepository} to what the client itself is. */
  @Override
  public <T> T unwrap(Class<T> type) {
    if (type.isInstance(repository)) {
      return type.cast(repository);
    }
    return InferenceClient.super.unwrap(type);
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      GrpcChannels.shutdown(channel);
    }
  }

  private static String versionOf(ModelRef model) {
    return model.hasVersion() ? model.version() : "";
  }

  static ModelMetadata metadata(ModelMetadataResponse r) {
    return new ModelMetadata(r.getName(), r.getVersionsList(), r.getPlatform(), specs(r.getInputsList()), specs(r.getOutputsList()));
  }

  private static List<TensorSpec> specs(List<ModelMetadataResponse.TensorMetadata> tensors) {
    List<TensorSpec> out = new ArrayList<>();
    for (ModelMetadataResponse.TensorMetadata t : tensors) {
      DataType dtype;
      try {
        dtype = DataType.fromWireName(t.getDatatype());
      } catch (IllegalArgumentException e) {
        throw new UnsupportedFeatureException("tensor '" + t.getName() + "' has datatype '" + t.getDatatype()
            + "', which Inferlink cannot carry");
      }
      long[] shape = t.getShapeList().stream().mapToLong(d -> Math.max(-1, d)).toArray();
      out.add(new TensorSpec(t.getName(), dtype, shape));
    }
    return List.copyOf(out);
  }

  /** One unary call: a refusal or a malformed answer fails the future, as a server failure does. */
  <Q, R, T> CompletableFuture<T> call(Supplier<Q> request, MethodDescriptor<Q, R> method, Duration timeout,
      Function<R, T> read) {
    return GrpcCalls.call(channel, method, whileOpen(request), timeout, provider, reading(provider, read));
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

  /** The reader, with a malformed answer reported as the server's fault. */
  static <R, T> Function<R, T> reading(String provider, Function<R, T> read) {
    return response -> {
      try {
        return read.apply(response);
      } catch (V2GrpcMalformedException e) {
        throw malformed(provider, e);
      }
    };
  }

  private static InferenceException malformed(String provider, V2GrpcMalformedException e) {
    return Errors.create(new InferenceException.Details(ErrorCode.UNKNOWN)
        .message("the server's answer is not an Open Inference Protocol response: " + e.getMessage())
        .provider(provider).cause(e));
  }
}
