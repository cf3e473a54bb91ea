package io.inferlink.kserve.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.inferlink.DataType;
import io.inferlink.InferenceRequest;
import io.inferlink.InferenceResponse;
import io.inferlink.ModelRef;
import io.inferlink.Tensor;
import io.inferlink.UnsupportedFeatureException;
import io.inferlink.protos.internal.inference.InferParameter;
import io.inferlink.protos.internal.inference.InferTensorContents;
import io.inferlink.protos.internal.inference.ModelInferRequest;
import io.inferlink.protos.internal.inference.ModelInferRequest.InferInputTensor;
import io.inferlink.testkit.KitTensors;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class V2GrpcCodecTest {

  private static InferenceRequest request(Tensor... inputs) {
    return InferenceRequest.builder(ModelRef.of("m", "3")).inputs(inputs).build();
  }

  private static byte[] bytes(ByteBuffer b) {
    byte[] out = new byte[b.remaining()];
    b.duplicate().get(out);
    return out;
  }

  @ParameterizedTest
  @EnumSource(DataType.class)
  void rawRoundTripIsByteIdentical(DataType dtype) {
    Tensor t = KitTensors.sample(dtype, "x");
    ModelInferRequest req = V2GrpcRequestEncoder.encode(request(t));

    assertEquals(1, req.getRawInputContentsCount());
    assertArrayEquals(bytes(t.data()), req.getRawInputContents(0).toByteArray());
    InferInputTensor in = req.getInputs(0);
    assertEquals("x", in.getName());
    assertEquals(dtype.wireName(), in.getDatatype());
    assertArrayEquals(t.shape(), in.getShapeList().stream().mapToLong(Long::longValue).toArray());
    assertFalse(in.hasContents());

    Tensor back = V2GrpcResponseDecoder.decode(V2GrpcEcho.echo(req)).output("x");
    assertEquals(t, back);
    assertArrayEquals(bytes(t.data()), bytes(back.data()));
  }

  @ParameterizedTest
  @EnumSource(value = DataType.class, names = {"FP16", "BF16"}, mode = EnumSource.Mode.EXCLUDE)
  void typedRoundTripIsByteIdentical(DataType dtype) {
    Tensor t = KitTensors.sample(dtype, "x");
    ModelInferRequest req = V2GrpcRequestEncoder.encode(request(t), V2GrpcContentMode.TYPED);

    assertEquals(0, req.getRawInputContentsCount());
    InferTensorContents c = req.getInputs(0).getContents();
    assertEquals(t.elementCount(), V2GrpcTypedContents.total(c), "all values in one field");
    assertEquals(t.elementCount(), fieldCount(dtype, c), "values in " + V2GrpcTypedContents.fieldName(dtype));

    Tensor back = V2GrpcResponseDecoder.decode(V2GrpcEcho.echo(req)).output("x");
    assertEquals(t, back);
    assertArrayEquals(bytes(t.data()), bytes(back.data()));
  }

  private static int fieldCount(DataType dtype, InferTensorContents c) {
    switch (dtype) {
      case BOOL: return c.getBoolContentsCount();
      case INT8: case INT16: case INT32: return c.getIntContentsCount();
      case INT64: return c.getInt64ContentsCount();
      case UINT8: case UINT16: case UINT32: return c.getUintContentsCount();
      case UINT64: return c.getUint64ContentsCount();
      case FP32: return c.getFp32ContentsCount();
      case FP64: return c.getFp64ContentsCount();
      case BYTES: return c.getBytesContentsCount();
      default: throw new AssertionError(dtype);
    }
  }

  @Test
  void typedValuesAreTheProtocolsNotTheBitPatterns() {
    InferTensorContents u8 = V2GrpcRequestEncoder.encode(request(KitTensors.sample(DataType.UINT8, "a")),
        V2GrpcContentMode.TYPED).getInputs(0).getContents();
    assertEquals(List.of(0, 1, 0x7f, 0x80, 0xff), u8.getUintContentsList());
    InferTensorContents i16 = V2GrpcRequestEncoder.encode(request(KitTensors.sample(DataType.INT16, "a")),
        V2GrpcContentMode.TYPED).getInputs(0).getContents();
    assertEquals(List.of(-32768, -1, 0, 1, 32767), i16.getIntContentsList());
    InferTensorContents s = V2GrpcRequestEncoder.encode(request(Tensor.ofStrings("a", new String[] {"ab", ""}, 2)),
        V2GrpcContentMode.TYPED).getInputs(0).getContents();
    assertEquals(List.of(ByteString.copyFromUtf8("ab"), ByteString.EMPTY), s.getBytesContentsList(),
        "one entry per element, no length prefix");
  }

  @Test
  void typedWithHalfFloatInputSendsTheWholeRequestRaw() {
    Tensor f = KitTensors.sample(DataType.FP32, "f");
    Tensor h = KitTensors.sample(DataType.FP16, "h");
    Tensor b = KitTensors.sample(DataType.BF16, "b");
    ModelInferRequest req = V2GrpcRequestEncoder.encode(request(f, h, b), V2GrpcContentMode.TYPED);

    assertEquals(3, req.getRawInputContentsCount());
    for (InferInputTensor in : req.getInputsList()) {
      assertFalse(in.hasContents(), in.getName());
    }
    assertArrayEquals(bytes(f.data()), req.getRawInputContents(0).toByteArray());
    assertArrayEquals(bytes(h.data()), req.getRawInputContents(1).toByteArray());
    InferenceResponse r = V2GrpcResponseDecoder.decode(V2GrpcEcho.echo(req));
    assertEquals(List.of(f, h, b), new ArrayList<>(r.outputs().values()));
  }

  @Test
  void rawAndTypedAreAllOrNothingAcrossInputs() {
    Tensor[] all = new Tensor[DataType.values().length];
    int n = 0;
    for (DataType d : DataType.values()) {
      if (V2GrpcTypedContents.hasTypedField(d)) {
        all[n++] = KitTensors.sample(d, "in" + n);
      }
    }
    Tensor[] inputs = java.util.Arrays.copyOf(all, n);
    ModelInferRequest raw = V2GrpcRequestEncoder.encode(request(inputs));
    assertEquals(n, raw.getRawInputContentsCount());
    assertTrue(raw.getInputsList().stream().noneMatch(InferInputTensor::hasContents));
    for (int i = 0; i < n; i++) {
      assertEquals(inputs[i].name(), raw.getInputs(i).getName(), "inputs keep their order");
      assertArrayEquals(bytes(inputs[i].data()), raw.getRawInputContents(i).toByteArray(), "index-aligned");
    }

    ModelInferRequest typed = V2GrpcRequestEncoder.encode(request(inputs), V2GrpcContentMode.TYPED);
    assertEquals(0, typed.getRawInputContentsCount());
    assertTrue(typed.getInputsList().stream().allMatch(InferInputTensor::hasContents));
    InferenceResponse r = V2GrpcResponseDecoder.decode(V2GrpcEcho.echo(typed));
    assertEquals(List.of(inputs), new ArrayList<>(r.outputs().values()));
  }

  @Test
  void wrappedBoolWithNonCanonicalBytesIsSentAsZeroOrOne() {
    Tensor t = Tensor.wrap("b", DataType.BOOL, ByteBuffer.wrap(new byte[] {0, 2, (byte) 0xff, 1}), 4);
    ModelInferRequest req = V2GrpcRequestEncoder.encode(request(t));
    assertArrayEquals(new byte[] {0, 1, 1, 1}, req.getRawInputContents(0).toByteArray());
  }

  @Test
  void modelVersionIdParametersAndRequestedOutputs() {
    InferenceRequest r = InferenceRequest.builder(ModelRef.of("resnet", "7"))
        .input(KitTensors.sample(DataType.FP32, "x"))
        .id("req-1")
        .parameter("s", "text")
        .parameter("b", true)
        .parameter("l", -5L)
        .parameter("i", 42)
        .parameter("d", 0.25)
        .requestOutputs("probs", "labels")
        .build();
    ModelInferRequest req = V2GrpcRequestEncoder.encode(r);

    assertEquals("resnet", req.getModelName());
    assertEquals("7", req.getModelVersion());
    assertEquals("req-1", req.getId());
    Map<String, InferParameter> p = req.getParametersMap();
    assertEquals(InferParameter.newBuilder().setStringParam("text").build(), p.get("s"));
    assertEquals(InferParameter.newBuilder().setBoolParam(true).build(), p.get("b"));
    assertEquals(InferParameter.newBuilder().setInt64Param(-5).build(), p.get("l"));
    assertEquals(InferParameter.newBuilder().setInt64Param(42).build(), p.get("i"));
    assertEquals(InferParameter.newBuilder().setDoubleParam(0.25).build(), p.get("d"));
    assertEquals(5, p.size());
    assertEquals(2, req.getOutputsCount());
    assertEquals("probs", req.getOutputs(0).getName());
    assertEquals("labels", req.getOutputs(1).getName());

    InferenceResponse resp = V2GrpcResponseDecoder.decode(V2GrpcEcho.echo(req));
    assertEquals("resnet", resp.modelName());
    assertEquals("7", resp.modelVersion());
    assertEquals("req-1", resp.id());
    assertEquals(Map.of("s", "text", "b", true, "l", -5L, "i", 42L, "d", 0.25), resp.parameters());
  }

  @Test
  void latestVersionAndNoIdLeaveTheFieldsEmpty() {
    ModelInferRequest req = V2GrpcRequestEncoder.encode(
        InferenceRequest.builder("m").input(KitTensors.sample(DataType.INT32, "x")).build());
    assertEquals("", req.getModelVersion());
    assertEquals("", req.getId());
    assertEquals(0, req.getOutputsCount());
    assertEquals(0, req.getParametersCount());
    InferenceResponse resp = V2GrpcResponseDecoder.decode(V2GrpcEcho.echo(req));
    assertNull(resp.modelVersion());
    assertNull(resp.id());
  }

  @Test
  void uint64ParameterWithinLongRangeDecodesAsLong() {
    InferenceResponse r = V2GrpcResponseDecoder.decode(io.inferlink.protos.internal.inference.ModelInferResponse
        .newBuilder().putParameters("u", InferParameter.newBuilder().setUint64Param(Long.MAX_VALUE).build()).build());
    assertEquals(Long.MAX_VALUE, r.parameters().get("u"));
  }

  @Test
  void labelsAreRefused() {
    InferenceRequest r = InferenceRequest.builder(ModelRef.withLabel("m", "stable"))
        .input(KitTensors.sample(DataType.FP32, "x")).build();
    UnsupportedFeatureException e = assertThrows(UnsupportedFeatureException.class,
        () -> V2GrpcRequestEncoder.encode(r));
    assertTrue(e.getMessage().contains("stable"), e.getMessage());
    assertThrows(UnsupportedFeatureException.class, () -> V2GrpcRequestEncoder.encode(r, V2GrpcContentMode.TYPED));
  }

  @Test
  void signatureNamesAreRefused() {
    InferenceRequest r = InferenceRequest.builder("m").signatureName("serving_default")
        .input(KitTensors.sample(DataType.FP32, "x")).build();
    assertThrows(UnsupportedFeatureException.class, () -> V2GrpcRequestEncoder.encode(r));
  }
}
