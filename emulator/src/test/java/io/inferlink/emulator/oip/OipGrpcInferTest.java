package io.inferlink.emulator.oip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.MetadataUtils;
import io.inferlink.half.HalfFloats;
import io.inferlink.emulator.Emulator;
import io.inferlink.emulator.KitContract;
import io.inferlink.protos.internal.inference.GRPCInferenceServiceGrpc;
import io.inferlink.protos.internal.inference.GRPCInferenceServiceGrpc.GRPCInferenceServiceBlockingStub;
import io.inferlink.protos.internal.inference.InferTensorContents;
import io.inferlink.protos.internal.inference.ModelInferRequest.InferInputTensor;
import io.inferlink.protos.internal.inference.ModelInferRequest.InferRequestedOutputTensor;
import io.inferlink.protos.internal.inference.ModelInferRequest;
import io.inferlink.protos.internal.inference.ModelInferResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** ModelInfer through the generated stubs: raw and typed inputs, outputs, versions, errors, cancellation. */
class OipGrpcInferTest {
  private static Emulator emulator;
  private static ManagedChannel channel;
  private static GRPCInferenceServiceBlockingStub stub;

  @BeforeAll
  static void start() {
    emulator = Emulator.builder().frontend(new OipGrpcFrontend()).build().start();
    channel = Grpc.newChannelBuilderForAddress("127.0.0.1", emulator.port(OipGrpcFrontend.PROTOCOL),
        InsecureChannelCredentials.create()).build();
    stub = GRPCInferenceServiceGrpc.newBlockingStub(channel).withDeadlineAfter(20, TimeUnit.SECONDS);
  }

  @AfterAll
  static void stop() throws InterruptedException {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    emulator.close();
  }

  static InferInputTensor.Builder input(String name, String datatype, long... shape) {
    InferInputTensor.Builder b = InferInputTensor.newBuilder().setName(name).setDatatype(datatype);
    for (long d : shape) {
      b.addShape(d);
    }
    return b;
  }

  static ByteString le(int bytes, java.util.function.Consumer<ByteBuffer> fill) {
    ByteBuffer b = ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
    fill.accept(b);
    return ByteString.copyFrom(b.array());
  }

  static ByteString framed(String... values) {
    ByteString.Output out = ByteString.newOutput();
    for (String v : values) {
      byte[] s = v.getBytes(StandardCharsets.UTF_8);
      out.write(le(4, b -> b.putInt(s.length)).toByteArray(), 0, 4);
      out.write(s, 0, s.length);
    }
    return out.toByteString();
  }

  static void assertStatus(Status.Code code, String description, Executable call) {
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class, call);
    assertEquals(code, e.getStatus().getCode(), () -> "status of " + e.getStatus());
    if (description != null) {
      assertEquals(description, e.getStatus().getDescription());
    }
  }

  @Test
  void rawInputsGiveRawOutputsIdenticalBytesForSeveralTypes() {
    ByteString fp32 = le(8, b -> b.putFloat(1.5f).putFloat(-2f));
    ByteString int64 = le(8, b -> b.putLong(Long.MIN_VALUE));
    ByteString bytes = framed("héllo", "", "x");
    ByteString fp16 = le(4, b -> b.putShort(HalfFloats.floatToFp16(0.5f)).putShort(HalfFloats.floatToFp16(-3f)));
    ModelInferRequest request = ModelInferRequest.newBuilder().setModelName(KitContract.IDENTITY).setId("req-7")
        .addInputs(input("x_fp32", "FP32", 2)).addInputs(input("x_int64", "INT64", 1, 1))
        .addInputs(input("x_bytes", "BYTES", 3)).addInputs(input("x_fp16", "FP16", 2))
        .addRawInputContents(fp32).addRawInputContents(int64).addRawInputContents(bytes).addRawInputContents(fp16)
        .build();
    ModelInferResponse r = stub.modelInfer(request);
    assertEquals(KitContract.IDENTITY, r.getModelName());
    assertEquals("1", r.getModelVersion());
    assertEquals("req-7", r.getId());
    assertEquals(List.of(fp32, int64, bytes, fp16), r.getRawOutputContentsList());
    assertEquals(List.of("FP32", "INT64", "BYTES", "FP16"), r.getOutputsList().stream().map(o -> o.getDatatype()).toList());
    assertEquals(List.of(1L, 1L), r.getOutputs(1).getShapeList());
    assertFalse(r.getOutputs(0).hasContents(), "raw answers carry no typed contents");
  }

  @Test
  void typedInputsGiveTypedOutputs() {
    ModelInferRequest request = ModelInferRequest.newBuilder().setModelName(KitContract.IDENTITY)
        .addInputs(input("x_fp64", "FP64", 2).setContents(InferTensorContents.newBuilder().addFp64Contents(0.25).addFp64Contents(-1e300)))
        .addInputs(input("x_uint8", "UINT8", 2).setContents(InferTensorContents.newBuilder().addUintContents(255).addUintContents(7)))
        .addInputs(input("x_int16", "INT16", 1).setContents(InferTensorContents.newBuilder().addIntContents(-32768)))
        .addInputs(input("x_bool", "BOOL", 2).setContents(InferTensorContents.newBuilder().addBoolContents(true).addBoolContents(false)))
        .addInputs(input("x_bytes", "BYTES", 2).setContents(InferTensorContents.newBuilder()
            .addBytesContents(ByteString.copyFromUtf8("ab")).addBytesContents(ByteString.EMPTY)))
        .build();
    ModelInferResponse r = stub.modelInfer(request);
    assertEquals(0, r.getRawOutputContentsCount());
    assertEquals(List.of(0.25, -1e300), r.getOutputs(0).getContents().getFp64ContentsList());
    assertEquals(List.of(255, 7), r.getOutputs(1).getContents().getUintContentsList());
    assertEquals(List.of(-32768), r.getOutputs(2).getContents().getIntContentsList());
    assertEquals(List.of(true, false), r.getOutputs(3).getContents().getBoolContentsList());
    assertEquals(List.of(ByteString.copyFromUtf8("ab"), ByteString.EMPTY), r.getOutputs(4).getContents().getBytesContentsList());
    assertEquals("", r.getId());
  }

  @Test
  void addOneComputesOnTypedFp32() {
    ModelInferResponse r = stub.modelInfer(ModelInferRequest.newBuilder().setModelName(KitContract.ADD_ONE)
        .addInputs(input("x", "FP32", 1, 2).setContents(InferTensorContents.newBuilder().addFp32Contents(1f).addFp32Contents(41f)))
        .build());
    assertEquals("y", r.getOutputs(0).getName());
    assertEquals(List.of(2f, 42f), r.getOutputs(0).getContents().getFp32ContentsList());
    assertEquals(List.of(1L, 2L), r.getOutputs(0).getShapeList());
  }

  @Test
  void mixingRawAndTypedIsRefused() {
    ModelInferRequest.Builder twoInputsOneRaw = ModelInferRequest.newBuilder().setModelName(KitContract.IDENTITY)
        .addInputs(input("a", "FP32", 1)).addInputs(input("b", "INT64", 1)
            .setContents(InferTensorContents.newBuilder().addInt64Contents(1)))
        .addRawInputContents(le(4, b -> b.putFloat(1f)));
    assertStatus(Status.Code.INVALID_ARGUMENT,
        "the number of inputs (2) does not match the expected number of raw input contents (1)",
        () -> stub.modelInfer(twoInputsOneRaw.build()));
    ModelInferRequest bothRaw = twoInputsOneRaw.addRawInputContents(le(8, b -> b.putLong(1))).build();
    assertStatus(Status.Code.INVALID_ARGUMENT,
        "contents field must not be specified when using raw_input_contents. Got contents for input b",
        () -> stub.modelInfer(bothRaw));
  }

  @Test
  void badInputsAreInvalidArgument() {
    assertStatus(Status.Code.INVALID_ARGUMENT, "invalid datatype 'FP8' of input 'x'", () -> stub.modelInfer(
        ModelInferRequest.newBuilder().setModelName(KitContract.IDENTITY).addInputs(input("x", "FP8", 1))
            .addRawInputContents(ByteString.copyFrom(new byte[1])).build()));
    assertStatus(Status.Code.INVALID_ARGUMENT, null, () -> stub.modelInfer(ModelInferRequest.newBuilder()
        .setModelName(KitContract.IDENTITY).addInputs(input("x", "FP32", 2)).addRawInputContents(ByteString.copyFrom(new byte[4])).build()));
    assertStatus(Status.Code.INVALID_ARGUMENT, null, () -> stub.modelInfer(ModelInferRequest.newBuilder()
        .setModelName(KitContract.IDENTITY).addInputs(input("t", "BYTES", 1)).addRawInputContents(framed("ab").substring(0, 5)).build()));
    StatusRuntimeException fp16 = assertThrows(StatusRuntimeException.class, () -> stub.modelInfer(ModelInferRequest.newBuilder()
        .setModelName(KitContract.IDENTITY).addInputs(input("x_fp16", "FP16", 1)
            .setContents(InferTensorContents.newBuilder().addFp32Contents(1f))).build()));
    assertEquals(Status.Code.INVALID_ARGUMENT, fp16.getStatus().getCode());
    assertTrue(fp16.getStatus().getDescription().contains("raw_input_contents"), fp16.getStatus().getDescription());
    assertStatus(Status.Code.INVALID_ARGUMENT, null, () -> stub.modelInfer(ModelInferRequest.newBuilder()
        .setModelName(KitContract.IDENTITY).addInputs(input("x_uint8", "UINT8", 1)
            .setContents(InferTensorContents.newBuilder().addUintContents(256))).build()));
  }

  @Test
  void requestedOutputsSelectAndUnknownOnesAreRefused() {
    ModelInferRequest.Builder request = ModelInferRequest.newBuilder().setModelName(KitContract.IDENTITY)
        .addInputs(input("a", "FP32", 1).setContents(InferTensorContents.newBuilder().addFp32Contents(1f)))
        .addInputs(input("b", "INT64", 1).setContents(InferTensorContents.newBuilder().addInt64Contents(5)))
        .addOutputs(InferRequestedOutputTensor.newBuilder().setName("b"));
    ModelInferResponse r = stub.modelInfer(request.build());
    assertEquals(1, r.getOutputsCount());
    assertEquals(List.of(5L), r.getOutputs(0).getContents().getInt64ContentsList());
    request.addOutputs(InferRequestedOutputTensor.newBuilder().setName("nope"));
    assertStatus(Status.Code.INVALID_ARGUMENT, null, () -> stub.modelInfer(request.build()));
  }

  @Test
  void versionsResolveAndUnknownOnesAreNotFound() {
    ModelInferRequest.Builder request = ModelInferRequest.newBuilder().setModelName(KitContract.VERSIONED)
        .addInputs(input("x", "FP32", 1).setContents(InferTensorContents.newBuilder().addFp32Contents(0f)));
    ModelInferResponse latest = stub.modelInfer(request.build());
    assertEquals("2", latest.getModelVersion());
    assertEquals(List.of(2L), latest.getOutputs(0).getContents().getInt64ContentsList());
    ModelInferResponse one = stub.modelInfer(request.setModelVersion("1").build());
    assertEquals("1", one.getModelVersion());
    assertEquals(List.of(1L), one.getOutputs(0).getContents().getInt64ContentsList());
    assertStatus(Status.Code.NOT_FOUND, "Model versioned with version 9 not found",
        () -> stub.modelInfer(request.setModelVersion("9").build()));
    assertStatus(Status.Code.NOT_FOUND, "Model nope not found",
        () -> stub.modelInfer(request.setModelName("nope").setModelVersion("").build()));
  }

  @Test
  void scriptedFailuresKeepTheirCodeAndMessage() {
    assertStatus(Status.Code.RESOURCE_EXHAUSTED, KitContract.FAIL_MESSAGE_PREFIX + "RESOURCE_EXHAUSTED",
        () -> stub.modelInfer(ModelInferRequest.newBuilder().setModelName(KitContract.FAIL)
            .addInputs(input("code", "INT32", 1)).addRawInputContents(le(4, b -> b.putInt(8))).build()));
  }

  @Test
  void headersAreRecordedLowerCased() {
    Metadata m = new Metadata();
    m.put(Metadata.Key.of(KitContract.CALL_ID_HEADER, Metadata.ASCII_STRING_MARSHALLER), "oip-headers-1");
    m.put(Metadata.Key.of("X-Tenant", Metadata.ASCII_STRING_MARSHALLER), "acme");
    stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(m)).modelInfer(ModelInferRequest.newBuilder()
        .setModelName(KitContract.SLEEP).addInputs(input("millis", "INT64", 1)).addRawInputContents(le(8, b -> b.putLong(0))).build());
    var headers = emulator.recorder().headersOfCall("oip-headers-1", Duration.ofSeconds(5)).orElseThrow();
    assertEquals("acme", headers.get("x-tenant"));
    assertTrue(emulator.recorder().awaitModelCall("oip-headers-1", Duration.ofSeconds(5)));
  }

  @Test
  void aDeadlineDuringSleepCancelsTheModelCall() {
    Metadata m = new Metadata();
    m.put(Metadata.Key.of(KitContract.CALL_ID_HEADER, Metadata.ASCII_STRING_MARSHALLER), "oip-cancel-1");
    long start = System.nanoTime();
    assertStatus(Status.Code.DEADLINE_EXCEEDED, null, () -> GRPCInferenceServiceGrpc.newBlockingStub(channel)
        .withDeadlineAfter(500, TimeUnit.MILLISECONDS).withInterceptors(MetadataUtils.newAttachHeadersInterceptor(m))
        .modelInfer(ModelInferRequest.newBuilder().setModelName(KitContract.SLEEP).addInputs(input("millis", "INT64", 1))
            .addRawInputContents(le(8, b -> b.putLong(30_000))).build()));
    assertTrue(emulator.recorder().awaitCancelled("oip-cancel-1", Duration.ofSeconds(5)), "the server did not see the deadline");
    assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 10);
  }

  @Test
  void aCallAnsweredInTimeIsNotCancelled() {
    Metadata m = new Metadata();
    m.put(Metadata.Key.of(KitContract.CALL_ID_HEADER, Metadata.ASCII_STRING_MARSHALLER), "oip-cancel-2");
    stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(m)).modelInfer(ModelInferRequest.newBuilder()
        .setModelName(KitContract.SLEEP).addInputs(input("millis", "INT64", 1)).addRawInputContents(le(8, b -> b.putLong(10))).build());
    assertFalse(emulator.recorder().awaitCancelled("oip-cancel-2", Duration.ofMillis(300)));
  }
}
