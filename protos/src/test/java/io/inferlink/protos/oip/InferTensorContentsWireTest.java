package io.inferlink.protos.oip;

import io.inferlink.protos.wire.Wire;

import static io.inferlink.protos.wire.Wire.assertBytes;
import static io.inferlink.protos.wire.Wire.bytes;
import static io.inferlink.protos.wire.Wire.cat;
import static io.inferlink.protos.wire.Wire.lenField;
import static io.inferlink.protos.wire.Wire.packedDoubles;
import static io.inferlink.protos.wire.Wire.packedFloats;
import static io.inferlink.protos.wire.Wire.packedVarints;
import static io.inferlink.protos.wire.Wire.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.protobuf.ByteString;
import io.inferlink.protos.internal.inference.InferTensorContents;
import java.util.List;
import org.junit.jupiter.api.Test;

/** InferTensorContents 1-8: the numeric fields are packed (proto3 default), bytes_contents is one LEN field per element. */
class InferTensorContentsWireTest {

  /** Every field once; the values exercise sign extension, unsigned maxima and an empty BYTES element. */
  static final byte[] ALL = cat(
      packedVarints(1, 1, 0, 1),                                   // bool_contents
      packedVarints(2, -2, 7, Integer.MAX_VALUE),                  // int_contents: -2 sign-extends to 10 bytes
      packedVarints(3, Long.MIN_VALUE, 300),                       // int64_contents
      packedVarints(4, 0xFFFFFFFFL, 255),                          // uint_contents: uint32 max is 5 bytes, not 10
      packedVarints(5, -1L, 1),                                    // uint64_contents: 2^64-1
      packedFloats(6, 1.5f, -0.25f),                               // fp32_contents (fixed32 LE)
      packedDoubles(7, 2.5, -1e300),                               // fp64_contents (fixed64 LE)
      lenField(8, utf8("cat")), lenField(8), lenField(8, bytes(0x00, 0xFF)));  // bytes_contents

  static InferTensorContents all() {
    return InferTensorContents.newBuilder()
        .addAllBoolContents(List.of(true, false, true))
        .addAllIntContents(List.of(-2, 7, Integer.MAX_VALUE))
        .addAllInt64Contents(List.of(Long.MIN_VALUE, 300L))
        .addAllUintContents(List.of(0xFFFFFFFF, 255))
        .addAllUint64Contents(List.of(-1L, 1L))
        .addAllFp32Contents(List.of(1.5f, -0.25f))
        .addAllFp64Contents(List.of(2.5, -1e300))
        .addBytesContents(ByteString.copyFromUtf8("cat"))
        .addBytesContents(ByteString.EMPTY)
        .addBytesContents(ByteString.copyFrom(bytes(0x00, 0xFF)))
        .build();
  }

  @Test
  void everyFieldParsesFromHandBytesAndEncodesToThem() throws Exception {
    InferTensorContents parsed = InferTensorContents.parseFrom(ALL);
    assertEquals(List.of(true, false, true), parsed.getBoolContentsList());
    assertEquals(List.of(-2, 7, Integer.MAX_VALUE), parsed.getIntContentsList());
    assertEquals(List.of(Long.MIN_VALUE, 300L), parsed.getInt64ContentsList());
    assertEquals(List.of(0xFFFFFFFF, 255), parsed.getUintContentsList());
    assertEquals(4294967295L, Integer.toUnsignedLong(parsed.getUintContents(0)));
    assertEquals(List.of(-1L, 1L), parsed.getUint64ContentsList());
    assertEquals("18446744073709551615", Long.toUnsignedString(parsed.getUint64Contents(0)));
    assertEquals(List.of(1.5f, -0.25f), parsed.getFp32ContentsList());
    assertEquals(List.of(2.5, -1e300), parsed.getFp64ContentsList());
    assertEquals(List.of(ByteString.copyFromUtf8("cat"), ByteString.EMPTY, ByteString.copyFrom(bytes(0x00, 0xFF))),
        parsed.getBytesContentsList());
    assertEquals(0, parsed.getUnknownFields().asMap().size());

    assertBytes(ALL, all().toByteArray());
  }

  @Test
  void unpackedNumericsAreAlsoAccepted() throws Exception {
    // Parsers must accept the non-packed form of packable fields; a sender may use it.
    byte[] unpacked = cat(Wire.boolField(1, true), Wire.varintField(2, -3), Wire.varintField(2, 4),
        Wire.floatField(6, 3f), Wire.doubleField(7, 4.0));
    InferTensorContents parsed = InferTensorContents.parseFrom(unpacked);
    assertEquals(List.of(true), parsed.getBoolContentsList());
    assertEquals(List.of(-3, 4), parsed.getIntContentsList());
    assertEquals(List.of(3f), parsed.getFp32ContentsList());
    assertEquals(List.of(4.0), parsed.getFp64ContentsList());
    // ...but we always send packed.
    assertBytes(cat(packedVarints(1, 1), packedVarints(2, -3, 4), packedFloats(6, 3f), packedDoubles(7, 4.0)),
        parsed.toByteArray());
  }
}
