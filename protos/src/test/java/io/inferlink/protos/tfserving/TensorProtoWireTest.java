package io.inferlink.protos.tfserving;

import io.inferlink.protos.wire.Wire;

import static io.inferlink.protos.wire.Wire.assertBytes;
import static io.inferlink.protos.wire.Wire.boolField;
import static io.inferlink.protos.wire.Wire.bytes;
import static io.inferlink.protos.wire.Wire.cat;
import static io.inferlink.protos.wire.Wire.floatField;
import static io.inferlink.protos.wire.Wire.lenField;
import static io.inferlink.protos.wire.Wire.le32;
import static io.inferlink.protos.wire.Wire.packedDoubles;
import static io.inferlink.protos.wire.Wire.packedFloats;
import static io.inferlink.protos.wire.Wire.packedVarints;
import static io.inferlink.protos.wire.Wire.stringField;
import static io.inferlink.protos.wire.Wire.varintField;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.inferlink.protos.internal.tensorflow.DataType;
import io.inferlink.protos.internal.tensorflow.ResourceHandleProto;
import io.inferlink.protos.internal.tensorflow.TensorProto;
import io.inferlink.protos.internal.tensorflow.TensorShapeProto;
import io.inferlink.protos.internal.tensorflow.VariantTensorDataProto;
import java.util.List;
import org.junit.jupiter.api.Test;

/** TensorProto, TensorShapeProto, ResourceHandleProto and VariantTensorDataProto against hand-made bytes. */
class TensorProtoWireTest {

  /** Shape [-1 "batch", 3]: dim is field 2 (LEN), Dim.size field 1 (varint, -1 = ten bytes), Dim.name field 2. */
  private static final byte[] SHAPE = cat(
      lenField(2, varintField(1, -1), stringField(2, "batch")),
      lenField(2, varintField(1, 3)));

  private static TensorShapeProto shape() {
    return TensorShapeProto.newBuilder()
        .addDim(TensorShapeProto.Dim.newBuilder().setSize(-1).setName("batch"))
        .addDim(TensorShapeProto.Dim.newBuilder().setSize(3))
        .build();
  }

  @Test
  void shapeDimsWithUnknownSizeAndName() throws Exception {
    // The -1 size must be a 10-byte varint (int64), not zigzag: 08 FF FF FF FF FF FF FF FF FF 01.
    assertBytes(bytes(0x12, 0x12, 0x08, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01,
            0x12, 0x05, 'b', 'a', 't', 'c', 'h',
            0x12, 0x02, 0x08, 0x03),
        SHAPE);
    TensorShapeProto parsed = TensorShapeProto.parseFrom(SHAPE);
    assertEquals(2, parsed.getDimCount());
    assertEquals(-1L, parsed.getDim(0).getSize());
    assertEquals("batch", parsed.getDim(0).getName());
    assertEquals(3L, parsed.getDim(1).getSize());
    assertEquals("", parsed.getDim(1).getName());
    assertFalse(parsed.getUnknownRank());
    assertBytes(SHAPE, shape().toByteArray());
  }

  @Test
  void unknownRankIsBoolField3() throws Exception {
    byte[] wire = bytes(0x18, 0x01);
    TensorShapeProto parsed = TensorShapeProto.parseFrom(wire);
    assertTrue(parsed.getUnknownRank());
    assertEquals(0, parsed.getDimCount());
    assertBytes(wire, TensorShapeProto.newBuilder().setUnknownRank(true).build().toByteArray());
  }

  @Test
  void scalarHasAnEmptyShape() throws Exception {
    // dtype DT_INT64 (9), tensor_shape present but empty, int64_val [42].
    byte[] wire = cat(varintField(1, 9), bytes(0x12, 0x00), packedVarints(10, 42));
    TensorProto parsed = TensorProto.parseFrom(wire);
    assertEquals(DataType.DT_INT64, parsed.getDtype());
    assertTrue(parsed.hasTensorShape());
    assertEquals(0, parsed.getTensorShape().getDimCount());
    assertEquals(List.of(42L), parsed.getInt64ValList());
    assertBytes(wire, TensorProto.newBuilder().setDtype(DataType.DT_INT64)
        .setTensorShape(TensorShapeProto.getDefaultInstance()).addInt64Val(42).build().toByteArray());
  }

  @Test
  void floatTensorAsRawTensorContent() throws Exception {
    // DT_FLOAT (1), shape [-1 "batch", 3], tensor_content = three little-endian floats.
    byte[] content = cat(le32(Float.floatToIntBits(1f)), le32(Float.floatToIntBits(2f)),
        le32(Float.floatToIntBits(-0.5f)));
    assertBytes(bytes(0x00, 0x00, 0x80, 0x3F, 0x00, 0x00, 0x00, 0x40, 0x00, 0x00, 0x00, 0xBF), content);
    byte[] wire = cat(varintField(1, 1), lenField(2, SHAPE), lenField(4, content));

    TensorProto parsed = TensorProto.parseFrom(wire);
    assertEquals(DataType.DT_FLOAT, parsed.getDtype());
    assertEquals(shape(), parsed.getTensorShape());
    assertEquals(ByteString.copyFrom(content), parsed.getTensorContent());
    assertEquals(0, parsed.getFloatValCount());

    assertBytes(wire, TensorProto.newBuilder().setDtype(DataType.DT_FLOAT).setTensorShape(shape())
        .setTensorContent(ByteString.copyFrom(content)).build().toByteArray());
  }

  /** Every TensorProto field 1-18 in one message (not a meaningful tensor, a wire check). */
  @Test
  void everyTensorProtoFieldHasItsNumberAndEncoding() throws Exception {
    byte[] resourceHandle = cat(
        stringField(1, "/job:localhost/cpu:0"),
        stringField(2, "box"),
        stringField(3, "table"),
        varintField(4, 0xFEDCBA9876543210L),
        stringField(5, "LookupTable"),
        lenField(6, varintField(1, 9), lenField(2, lenField(2, varintField(1, 4)))));
    byte[] variant = cat(
        stringField(1, "tensorflow::TensorList"),
        lenField(2, bytes(0x01, 0x02)),
        lenField(3, varintField(1, 3), packedVarints(7, 5)));
    byte[] wire = cat(
        varintField(1, 19),                                       // dtype DT_HALF
        lenField(2, SHAPE),                                       // tensor_shape
        varintField(3, 2),                                        // version_number
        lenField(4, bytes(0xAA, 0xBB)),                           // tensor_content
        packedFloats(5, 1.5f, -2f),                               // float_val
        packedDoubles(6, 0.25, 1e300),                            // double_val
        packedVarints(7, 1, -1, 300),                             // int_val: -1 as int32 is 10 bytes
        stringField(8, "a"), lenField(8, bytes(0x00, 0xFF)),      // string_val, one field each
        packedFloats(9, 1f, -1f),                                 // scomplex_val
        packedVarints(10, Long.MIN_VALUE, 7),                     // int64_val
        packedVarints(11, 1, 0, 1),                               // bool_val
        packedDoubles(12, 2.0, -3.0),                             // dcomplex_val
        packedVarints(13, 0x3C00, 0xC000),                        // half_val: fp16 1.0, -2.0
        lenField(14, resourceHandle),                             // resource_handle_val
        lenField(15, variant),                                    // variant_val
        packedVarints(16, 0xFFFFFFFFL, 1),                        // uint32_val: 5-byte varint
        packedVarints(17, -1L, 2),                                // uint64_val: max = 10 bytes
        lenField(18, bytes(0x38, 0xC0)));                         // float8_val

    TensorProto parsed = TensorProto.parseFrom(wire);
    assertEquals(DataType.DT_HALF, parsed.getDtype());
    assertEquals(shape(), parsed.getTensorShape());
    assertEquals(2, parsed.getVersionNumber());
    assertEquals(ByteString.copyFrom(bytes(0xAA, 0xBB)), parsed.getTensorContent());
    assertEquals(List.of(1.5f, -2f), parsed.getFloatValList());
    assertEquals(List.of(0.25, 1e300), parsed.getDoubleValList());
    assertEquals(List.of(1, -1, 300), parsed.getIntValList());
    assertEquals(List.of(ByteString.copyFromUtf8("a"), ByteString.copyFrom(bytes(0x00, 0xFF))),
        parsed.getStringValList());
    assertEquals(List.of(1f, -1f), parsed.getScomplexValList());
    assertEquals(List.of(Long.MIN_VALUE, 7L), parsed.getInt64ValList());
    assertEquals(List.of(true, false, true), parsed.getBoolValList());
    assertEquals(List.of(2.0, -3.0), parsed.getDcomplexValList());
    assertEquals(List.of(0x3C00, 0xC000), parsed.getHalfValList());
    assertEquals(List.of(-1, 1), parsed.getUint32ValList(), "uint32 0xFFFFFFFF is Java int -1");
    assertEquals(List.of(-1L, 2L), parsed.getUint64ValList(), "uint64 max is Java long -1");
    assertEquals(ByteString.copyFrom(bytes(0x38, 0xC0)), parsed.getFloat8Val());

    ResourceHandleProto handle = parsed.getResourceHandleVal(0);
    assertEquals("/job:localhost/cpu:0", handle.getDevice());
    assertEquals("box", handle.getContainer());
    assertEquals("table", handle.getName());
    assertEquals(0xFEDCBA9876543210L, handle.getHashCode());
    assertEquals("LookupTable", handle.getMaybeTypeName());
    assertEquals(DataType.DT_INT64, handle.getDtypesAndShapes(0).getDtype());
    assertEquals(4L, handle.getDtypesAndShapes(0).getShape().getDim(0).getSize());

    VariantTensorDataProto v = parsed.getVariantVal(0);
    assertEquals("tensorflow::TensorList", v.getTypeName());
    assertEquals(ByteString.copyFrom(bytes(0x01, 0x02)), v.getMetadata());
    assertEquals(DataType.DT_INT32, v.getTensors(0).getDtype());
    assertEquals(List.of(5), v.getTensors(0).getIntValList());

    TensorProto built = TensorProto.newBuilder()
        .setDtype(DataType.DT_HALF)
        .setTensorShape(shape())
        .setVersionNumber(2)
        .setTensorContent(ByteString.copyFrom(bytes(0xAA, 0xBB)))
        .addAllFloatVal(List.of(1.5f, -2f))
        .addAllDoubleVal(List.of(0.25, 1e300))
        .addAllIntVal(List.of(1, -1, 300))
        .addStringVal(ByteString.copyFromUtf8("a"))
        .addStringVal(ByteString.copyFrom(bytes(0x00, 0xFF)))
        .addAllScomplexVal(List.of(1f, -1f))
        .addAllInt64Val(List.of(Long.MIN_VALUE, 7L))
        .addAllBoolVal(List.of(true, false, true))
        .addAllDcomplexVal(List.of(2.0, -3.0))
        .addAllHalfVal(List.of(0x3C00, 0xC000))
        .addResourceHandleVal(ResourceHandleProto.newBuilder()
            .setDevice("/job:localhost/cpu:0").setContainer("box").setName("table")
            .setHashCode(0xFEDCBA9876543210L).setMaybeTypeName("LookupTable")
            .addDtypesAndShapes(ResourceHandleProto.DtypeAndShape.newBuilder()
                .setDtype(DataType.DT_INT64)
                .setShape(TensorShapeProto.newBuilder()
                    .addDim(TensorShapeProto.Dim.newBuilder().setSize(4)))))
        .addVariantVal(VariantTensorDataProto.newBuilder()
            .setTypeName("tensorflow::TensorList")
            .setMetadata(ByteString.copyFrom(bytes(0x01, 0x02)))
            .addTensors(TensorProto.newBuilder().setDtype(DataType.DT_INT32).addIntVal(5)))
        .addAllUint32Val(List.of(-1, 1))
        .addAllUint64Val(List.of(-1L, 2L))
        .setFloat8Val(ByteString.copyFrom(bytes(0x38, 0xC0)))
        .build();
    assertBytes(wire, built.toByteArray());
  }

  @Test
  void stringTensorUsesRepeatedBytesField8() throws Exception {
    // DT_STRING (7), shape [2], string_val "hi", "" : each element its own field-8 record (42 ..).
    byte[] wire = bytes(0x08, 0x07, 0x12, 0x04, 0x12, 0x02, 0x08, 0x02,
        0x42, 0x02, 'h', 'i', 0x42, 0x00);
    TensorProto parsed = TensorProto.parseFrom(wire);
    assertEquals(DataType.DT_STRING, parsed.getDtype());
    assertEquals(2L, parsed.getTensorShape().getDim(0).getSize());
    assertEquals(List.of(ByteString.copyFromUtf8("hi"), ByteString.EMPTY), parsed.getStringValList());
    assertBytes(wire, TensorProto.newBuilder().setDtype(DataType.DT_STRING)
        .setTensorShape(TensorShapeProto.newBuilder().addDim(TensorShapeProto.Dim.newBuilder().setSize(2)))
        .addStringVal(ByteString.copyFromUtf8("hi")).addStringVal(ByteString.EMPTY).build().toByteArray());
  }

  @Test
  void unpackedRepeatedScalarsFromOlderSendersStillDecode() throws Exception {
    // float_val as two separate fixed32 records (tag 2D), int64_val as varint records (tag 50),
    // bool_val as varint records (tag 58): parsers must accept both encodings.
    byte[] wire = cat(varintField(1, 1), floatField(5, 1.5f), floatField(5, 2.5f),
        varintField(10, -3), varintField(10, 4), boolField(11, true));
    TensorProto parsed = TensorProto.parseFrom(wire);
    assertEquals(List.of(1.5f, 2.5f), parsed.getFloatValList());
    assertEquals(List.of(-3L, 4L), parsed.getInt64ValList());
    assertEquals(List.of(true), parsed.getBoolValList());
  }

  @Test
  void unknownDtypeNumbersFromNewerServersAreKept() throws Exception {
    byte[] wire = varintField(1, 33);
    TensorProto parsed = TensorProto.parseFrom(wire);
    assertEquals(DataType.UNRECOGNIZED, parsed.getDtype());
    assertEquals(33, parsed.getDtypeValue());
    assertBytes(wire, parsed.toByteArray());
  }
}
