package io.inferlink.emulator.ovms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import com.google.protobuf.Int64Value;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.inferlink.emulator.Emulator;
import io.inferlink.emulator.ModelScript;
import io.inferlink.protos.internal.inference.GRPCInferenceServiceGrpc;
import io.inferlink.protos.internal.inference.InferTensorContents;
import io.inferlink.protos.internal.inference.ModelInferRequest;
import io.inferlink.protos.internal.inference.ModelMetadataRequest;
import io.inferlink.protos.internal.inference.ModelReadyRequest;
import io.inferlink.protos.internal.tensorflow.DataType;
import io.inferlink.protos.internal.tensorflow.TensorProto;
import io.inferlink.protos.internal.tensorflow.TensorShapeProto;
import io.inferlink.protos.internal.tensorflow.serving.ClassificationProtos.ClassificationRequest;
import io.inferlink.protos.internal.tensorflow.serving.GetModelStatusRequest;
import io.inferlink.protos.internal.tensorflow.serving.ModelServiceGrpc;
import io.inferlink.protos.internal.tensorflow.serving.ModelSpec;
import io.inferlink.protos.internal.tensorflow.serving.PredictRequest;
import io.inferlink.protos.internal.tensorflow.serving.PredictResponse;
import io.inferlink.protos.internal.tensorflow.serving.PredictionServiceGrpc;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The OVMS gRPC port of the emulator, spoken to with the generated stubs: OVMS's encodings and statuses. */
class OvmsGrpcFrontendTest {
  private static Emulator emulator;
  private static ManagedChannel channel;
  private static PredictionServiceGrpc.PredictionServiceBlockingStub tfs;
  private static GRPCInferenceServiceGrpc.GRPCInferenceServiceBlockingStub kfs;

  @BeforeAll
  static void start() {
    OvmsFrontends ovms = OvmsFrontends.of(OvmsRelease.V2026_2);
    ModelScript script = ModelScript.builder().addBuiltins().add(new LoadingModel()).build();
    emulator = Emulator.builder().script(script).frontend(ovms.grpc()).build().start();
    channel = NettyChannelBuilder.forAddress("127.0.0.1", emulator.port(OvmsFrontends.GRPC_PROTOCOL)).usePlaintext().build();
    tfs = PredictionServiceGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS);
    kfs = GRPCInferenceServiceGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS);
  }

  @AfterAll
  static void stop() {
    channel.shutdownNow();
    emulator.close();
  }

  @Test
  void numericInputsOnlyInTensorContent() {
    TensorProto typed = tensor(DataType.DT_FLOAT, 2).addFloatVal(1f).addFloatVal(2f).build();
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> identity("x_fp32", typed));
    assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
    assertTrue(e.getStatus().getDescription().startsWith("Invalid content size of tensor proto"), e.getMessage());
    StatusRuntimeException precision = assertThrows(StatusRuntimeException.class, () -> identity("x_fp32",
        tensor(DataType.DT_DOUBLE, 1).setTensorContent(ByteString.copyFrom(new byte[8])).build()));
    assertEquals("Invalid input precision of input x_fp32 - Expected: DT_FLOAT; Actual: DT_DOUBLE",
        precision.getStatus().getDescription());
    TensorProto content = tensor(DataType.DT_FLOAT, 2).setTensorContent(floats(1f, 2f)).build();
    TensorProto out = identity("x_fp32", content).getOutputsOrThrow("x_fp32");
    assertEquals(floats(1f, 2f), out.getTensorContent(), "outputs come in tensor_content");
    assertEquals(0, out.getFloatValCount());
  }

  @Test
  void halfInHalfValUint16InIntValStringsOnePerElement() {
    assertEquals(Status.Code.INVALID_ARGUMENT, assertThrows(StatusRuntimeException.class, () -> identity("x_fp16",
        tensor(DataType.DT_HALF, 1).setTensorContent(ByteString.copyFrom(new byte[] {0, 0x3c})).build())).getStatus().getCode());
    TensorProto half = identity("x_fp16", tensor(DataType.DT_HALF, 1).addHalfVal(0x3c00).build()).getOutputsOrThrow("x_fp16");
    assertEquals(ByteString.copyFrom(new byte[] {0, 0x3c}), half.getTensorContent());
    TensorProto uint16 = identity("x_uint16", tensor(DataType.DT_UINT16, 1).addIntVal(0xffff).build()).getOutputsOrThrow("x_uint16");
    assertEquals(ByteString.copyFrom(new byte[] {(byte) 0xff, (byte) 0xff}), uint16.getTensorContent());
    assertEquals(Status.Code.INVALID_ARGUMENT, assertThrows(StatusRuntimeException.class, () -> identity("x_uint16",
        tensor(DataType.DT_UINT16, 1).setTensorContent(ByteString.copyFrom(new byte[] {1, 0})).build())).getStatus().getCode());
    TensorProto strings = identity("x_bytes", tensor(DataType.DT_STRING, 2)
        .addStringVal(ByteString.copyFromUtf8("a")).addStringVal(ByteString.copyFromUtf8("b")).build()).getOutputsOrThrow("x_bytes");
    assertEquals(2, strings.getStringValCount(), "strings stay in string_val");
    assertEquals(Status.Code.INVALID_ARGUMENT, assertThrows(StatusRuntimeException.class, () -> identity("x_bytes",
        tensor(DataType.DT_STRING, 2).addStringVal(ByteString.copyFromUtf8("a")).build())).getStatus().getCode());
  }

  @Test
  void boolCannotGoInAndUint32CannotComeOut() {
    StatusRuntimeException bool = assertThrows(StatusRuntimeException.class, () -> identity("x_bool",
        tensor(DataType.DT_BOOL, 1).setTensorContent(ByteString.copyFrom(new byte[] {1})).build()));
    assertEquals(Status.Code.INVALID_ARGUMENT, bool.getStatus().getCode());
    assertTrue(bool.getStatus().getDescription().startsWith("Invalid input precision"));
    StatusRuntimeException uint32 = assertThrows(StatusRuntimeException.class, () -> identity("x_uint32",
        tensor(DataType.DT_UINT32, 1).setTensorContent(ByteString.copyFrom(new byte[] {1, 0, 0, 0})).build()));
    assertEquals(Status.Code.INTERNAL, uint32.getStatus().getCode());
  }

  @Test
  void versionZeroAndLabelsReachTheLatestVersion() {
    TensorProto x = tensor(DataType.DT_FLOAT, 1).setTensorContent(floats(1f)).build();
    for (ModelSpec spec : new ModelSpec[] {ModelSpec.newBuilder().setName("versioned").setVersion(Int64Value.of(0)).build(),
        ModelSpec.newBuilder().setName("versioned").setVersionLabel("stable").build()}) {
      PredictResponse r = tfs.predict(PredictRequest.newBuilder().setModelSpec(spec).putInputs("x", x).build());
      assertEquals(2, r.getOutputsOrThrow("version").getTensorContent().asReadOnlyByteBuffer()
          .order(ByteOrder.LITTLE_ENDIAN).getLong(), spec.toString());
    }
    ModelInferRequest infer = ModelInferRequest.newBuilder().setModelName("versioned").setModelVersion("0")
        .addInputs(ModelInferRequest.InferInputTensor.newBuilder().setName("x").setDatatype("FP32").addShape(1)
            .setContents(InferTensorContents.newBuilder().addFp32Contents(1f))).build();
    assertEquals("2", kfs.modelInfer(infer).getModelVersion());
  }

  @Test
  void aVersionStillLoadingIsUnavailableButItsStatusSaysLoading() {
    ModelSpec loading = ModelSpec.newBuilder().setName(LoadingModel.NAME).build();
    TensorProto x = tensor(DataType.DT_FLOAT, 1).setTensorContent(floats(1f)).build();
    StatusRuntimeException predict = assertThrows(StatusRuntimeException.class,
        () -> tfs.predict(PredictRequest.newBuilder().setModelSpec(loading).putInputs("x", x).build()));
    assertEquals(Status.Code.UNAVAILABLE, predict.getStatus().getCode());
    assertEquals("Model with requested version is not loaded yet", predict.getStatus().getDescription());
    assertEquals(Status.Code.UNAVAILABLE, assertThrows(StatusRuntimeException.class,
        () -> kfs.modelReady(ModelReadyRequest.newBuilder().setName(LoadingModel.NAME).build())).getStatus().getCode());
    assertEquals("LOADING", ModelServiceGrpc.newBlockingStub(channel).getModelStatus(GetModelStatusRequest.newBuilder()
        .setModelSpec(loading).build()).getModelVersionStatus(0).getState().name());
    StatusRuntimeException unknown = assertThrows(StatusRuntimeException.class,
        () -> kfs.modelMetadata(ModelMetadataRequest.newBuilder().setName("nope").build()));
    assertEquals(Status.Code.NOT_FOUND, unknown.getStatus().getCode());
    assertEquals("Model with requested name is not found", unknown.getStatus().getDescription());
  }

  @Test
  void classifyIsUnimplementedAndKserveHasNoBf16() {
    assertEquals(Status.Code.UNIMPLEMENTED, assertThrows(StatusRuntimeException.class, () -> tfs.classify(
        ClassificationRequest.newBuilder().setModelSpec(ModelSpec.newBuilder().setName("classifier")).build())).getStatus().getCode());
    ModelInferRequest bf16 = ModelInferRequest.newBuilder().setModelName("identity")
        .addInputs(ModelInferRequest.InferInputTensor.newBuilder().setName("x_bf16").setDatatype("BF16").addShape(1))
        .addRawInputContents(ByteString.copyFrom(new byte[] {0, 0x3f})).build();
    assertEquals(Status.Code.INVALID_ARGUMENT, assertThrows(StatusRuntimeException.class, () -> kfs.modelInfer(bf16)).getStatus().getCode());
    assertEquals("OpenVINO", kfs.modelMetadata(ModelMetadataRequest.newBuilder().setName("add_one").build()).getPlatform());
    assertFalse(kfs.modelMetadata(ModelMetadataRequest.newBuilder().setName("add_one").build()).getInputsList().isEmpty());
  }

  private static PredictResponse identity(String name, TensorProto t) {
    return tfs.predict(PredictRequest.newBuilder().setModelSpec(ModelSpec.newBuilder().setName("identity"))
        .putInputs(name, t).build());
  }

  private static TensorProto.Builder tensor(DataType dtype, long elements) {
    return TensorProto.newBuilder().setDtype(dtype)
        .setTensorShape(TensorShapeProto.newBuilder().addDim(TensorShapeProto.Dim.newBuilder().setSize(elements)));
  }

  private static ByteString floats(float... values) {
    ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (float v : values) {
      b.putFloat(v);
    }
    return ByteString.copyFrom(b.flip());
  }
}
