package io.inferlink.emulator.tfserving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.protobuf.ByteString;
import com.google.protobuf.Int64Value;
import io.grpc.ChannelCredentials;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.MetadataUtils;
import io.inferlink.protos.internal.tensorflow.TensorProto;
import io.inferlink.protos.internal.tensorflow.TensorShapeProto;
import io.inferlink.protos.internal.tensorflow.serving.ModelServiceGrpc;
import io.inferlink.protos.internal.tensorflow.serving.ModelSpec;
import io.inferlink.protos.internal.tensorflow.serving.PredictRequest;
import io.inferlink.protos.internal.tensorflow.serving.PredictionServiceGrpc;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.function.Executable;

/**
 * The generated grpc-java stubs against the TF Serving gRPC frontend (no Inferlink client code),
 * and builders for the messages the tests send. Thread-safe; close it to end its channel.
 */
final class TfsGrpcClient implements AutoCloseable {
  /** Room for the large-message tests; grpc-java's own default is 4 MiB. */
  static final int MAX_INBOUND = 64 * 1024 * 1024;

  final ManagedChannel channel;
  final PredictionServiceGrpc.PredictionServiceBlockingStub predict;
  final ModelServiceGrpc.ModelServiceBlockingStub models;

  TfsGrpcClient(int port) {
    this(port, InsecureChannelCredentials.create());
  }

  TfsGrpcClient(int port, ChannelCredentials credentials) {
    this.channel = Grpc.newChannelBuilderForAddress("127.0.0.1", port, credentials)
        .maxInboundMessageSize(MAX_INBOUND).build();
    this.predict = PredictionServiceGrpc.newBlockingStub(channel).withDeadlineAfter(20, TimeUnit.SECONDS);
    this.models = ModelServiceGrpc.newBlockingStub(channel).withDeadlineAfter(20, TimeUnit.SECONDS);
  }

  /** The predict stub sending these metadata entries. */
  PredictionServiceGrpc.PredictionServiceBlockingStub predictWith(Map<String, String> headers) {
    Metadata metadata = new Metadata();
    headers.forEach((k, v) -> metadata.put(Metadata.Key.of(k, Metadata.ASCII_STRING_MARSHALLER), v));
    return predict.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(metadata));
  }

  @Override
  public void close() {
    channel.shutdownNow();
    try {
      channel.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static ModelSpec spec(String model) {
    return ModelSpec.newBuilder().setName(model).build();
  }

  static ModelSpec spec(String model, long version) {
    return ModelSpec.newBuilder().setName(model).setVersion(Int64Value.of(version)).build();
  }

  static ModelSpec labelled(String model, String label) {
    return ModelSpec.newBuilder().setName(model).setVersionLabel(label).build();
  }

  static PredictRequest predict(ModelSpec spec, String input, TensorProto tensor) {
    return PredictRequest.newBuilder().setModelSpec(spec).putInputs(input, tensor).build();
  }

  static TensorShapeProto shape(long... dims) {
    TensorShapeProto.Builder b = TensorShapeProto.newBuilder();
    for (long d : dims) {
      b.addDim(TensorShapeProto.Dim.newBuilder().setSize(d));
    }
    return b.build();
  }

  /** A tensor of {@code dtype} (a DT_* number) and shape, its fields still to be set. */
  static TensorProto.Builder tensor(int dtype, long... dims) {
    return TensorProto.newBuilder().setDtypeValue(dtype).setTensorShape(shape(dims));
  }

  /** DT_FLOAT in tensor_content, little-endian. */
  static TensorProto floatContent(float[] values, long... dims) {
    ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (float v : values) {
      b.putFloat(v);
    }
    return tensor(1, dims).setTensorContent(ByteString.copyFrom(b.array())).build();
  }

  /** DT_FLOAT in float_val. */
  static TensorProto floatVal(float[] values, long... dims) {
    TensorProto.Builder t = tensor(1, dims);
    for (float v : values) {
      t.addFloatVal(v);
    }
    return t.build();
  }

  /** DT_INT64 in int64_val. */
  static TensorProto int64Val(long value, long... dims) {
    return tensor(9, dims).addInt64Val(value).build();
  }

  /** Asserts that {@code call} fails with this status code and exactly this description. */
  static void assertStatus(Status.Code code, String description, Executable call) {
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class, call);
    assertEquals(code, e.getStatus().getCode(), () -> "status of " + e.getStatus());
    assertEquals(description, e.getStatus().getDescription());
  }
}
