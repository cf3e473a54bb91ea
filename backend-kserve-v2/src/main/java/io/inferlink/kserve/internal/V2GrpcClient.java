package io.inferlink.kserve.internal;

import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.inferlink.Capabilities;
import io.inferlink.ClientOptions;
import io.inferlink.DataType;
import io.inferlink.InferenceClient;
import io.inferlink.InferenceRequest;
import io.inferlink.InferenceResponse;
import io.inferlink.ModelMetadata;
import io.inferlink.ModelNotFoundException;
import io.inferlink.ModelRef;
import io.inferlink.ServerMetadata;
import io.inferlink.TensorSpec;
import io.inferlink.UnsupportedFeatureException;
import io.inferlink.kserve.KServeOptions;
import io.inferlink.protos.internal.inference.GRPCInferenceServiceGrpc;
import io.inferlink.protos.internal.inference.ModelInferRequest;
import io.inferlink.protos.internal.inference.ModelInferResponse;
import io.inferlink.protos.internal.inference.ModelMetadataRequest;
import io.inferlink.protos.internal.inference.ModelMetadataResponse;
import io.inferlink.protos.internal.inference.ModelReadyRequest;
import io.inferlink.protos.internal.inference.ServerLiveRequest;
import io.inferlink.protos.internal.inference.ServerMetadataRequest;
import io.inferlink.protos.internal.inference.ServerReadyRequest;
import io.inferlink.spi.Endpoint;
import io.inferlink.spi.support.AbstractInferenceClient;
import io.inferlink.spi.support.PreparedCall;
import io.inferlink.transport.grpc.internal.AliasingResponses;
import io.inferlink.transport.grpc.internal.GrpcChannels;
import io.inferlink.transport.grpc.internal.GrpcExchange;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * An {@link InferenceClient} for the Open Inference Protocol over gRPC (KServe V2, Triton, MLServer,
 * OVMS): health, server and model metadata, readiness and inference. Inputs go as
 * {@code raw_input_contents} straight from the tensor buffers unless {@code contents=typed}; outputs
 * are read from raw or typed contents. The model repository extension is reached with
 * {@code unwrap(ModelRepository.class)}, in the form the {@code repository} option names. Thread-safe.
 */
final class V2GrpcClient extends AbstractInferenceClient {
  /** What a malformed answer is not. */
  static final String PROTOCOL = "an Open Inference Protocol response";
  /** ModelInfer with answers parsed in place: raw outputs become views of the one answer array. */
  private static final MethodDescriptor<ModelInferRequest, ModelInferResponse> MODEL_INFER =
      AliasingResponses.of(GRPCInferenceServiceGrpc.getModelInferMethod(), ModelInferResponse.getDefaultInstance());

  private final ManagedChannel channel;
  private final GrpcExchange exchange;
  private final V2GrpcContentMode mode;
  private final V2GrpcRepository repository;

  V2GrpcClient(String provider, Endpoint endpoint, ManagedChannel channel, ClientOptions options,
      Capabilities capabilities) {
    super(provider, endpoint, options, capabilities);
    this.channel = channel;
    this.exchange = new GrpcExchange(channel, provider, PROTOCOL);
    this.mode = options.get(KServeOptions.CONTENTS) == KServeOptions.Contents.TYPED
        ? V2GrpcContentMode.TYPED : V2GrpcContentMode.RAW;
    this.repository = new V2GrpcRepository(this, exchange, options.get(KServeOptions.REPOSITORY));
  }

  @Override
  protected PreparedCall<InferenceResponse> prepareInfer(InferenceRequest request) {
    return exchange.prepare(MODEL_INFER, V2GrpcRequestEncoder.encode(request, mode), V2GrpcResponseDecoder::decode);
  }

  @Override
  protected PreparedCall<ModelMetadata> prepareModelMetadata(ModelRef model) {
    return exchange.prepare(GRPCInferenceServiceGrpc.getModelMetadataMethod(),
        ModelMetadataRequest.newBuilder().setName(model.name()).setVersion(versionOf(model)).build(),
        V2GrpcClient::metadata);
  }

  /** Servers differ: most answer ready=false for a model they do not know, some answer NOT_FOUND. */
  @Override
  protected PreparedCall<Boolean> prepareModelReady(ModelRef model) {
    return exchange.prepare(GRPCInferenceServiceGrpc.getModelReadyMethod(),
        ModelReadyRequest.newBuilder().setName(model.name()).setVersion(versionOf(model)).build(),
        r -> r.getReady(), ModelNotFoundException.class, false);
  }

  @Override
  protected PreparedCall<Boolean> prepareServerLive() {
    return exchange.prepare(GRPCInferenceServiceGrpc.getServerLiveMethod(), ServerLiveRequest.getDefaultInstance(),
        r -> r.getLive());
  }

  @Override
  protected PreparedCall<Boolean> prepareServerReady() {
    return exchange.prepare(GRPCInferenceServiceGrpc.getServerReadyMethod(), ServerReadyRequest.getDefaultInstance(),
        r -> r.getReady());
  }

  @Override
  protected PreparedCall<ServerMetadata> prepareServerMetadata() {
    return exchange.prepare(GRPCInferenceServiceGrpc.getServerMetadataMethod(),
        ServerMetadataRequest.getDefaultInstance(),
        r -> new ServerMetadata(r.getName(), r.getVersion(), r.getExtensionsList()));
  }

  /** {@link io.inferlink.kserve.ModelRepository}, in the form of the {@code repository} option. */
  @Override
  protected Collection<?> extensions() {
    return List.of(repository);
  }

  @Override
  protected void closeTransport() {
    GrpcChannels.shutdown(channel);
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
}
