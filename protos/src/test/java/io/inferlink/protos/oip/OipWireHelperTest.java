package io.inferlink.protos.oip;

import io.inferlink.protos.wire.Wire;

import static io.inferlink.protos.wire.Wire.assertBytes;
import static io.inferlink.protos.wire.Wire.bytes;

import org.junit.jupiter.api.Test;

/** Pins this package's copy of the hand encoder against literal bytes from the protobuf encoding spec. */
class OipWireHelperTest {

  @Test
  void varintsAndTags() {
    assertBytes(bytes(0x00), Wire.varint(0));
    assertBytes(bytes(0x96, 0x01), Wire.varint(150));
    assertBytes(bytes(0xFF, 0xFF, 0xFF, 0xFF, 0x0F), Wire.varint(0xFFFFFFFFL));
    assertBytes(bytes(0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01), Wire.varint(-1));
    assertBytes(bytes(0x08), Wire.tag(1, Wire.VARINT));
    assertBytes(bytes(0x21), Wire.tag(4, Wire.I64));
    assertBytes(bytes(0x3A), Wire.tag(7, Wire.LEN));
  }

  @Test
  void fieldsAreTagLengthPayload() {
    assertBytes(bytes(0x0A, 0x03, 'a', 'b', 'c'), Wire.stringField(1, "abc"));
    assertBytes(bytes(0x21, 0, 0, 0, 0, 0, 0, 0xE0, 0x3F), Wire.doubleField(4, 0.5));
    assertBytes(bytes(0x1A, 0x03, 0x01, 0x96, 0x01), Wire.packedVarints(3, 1, 150));
    assertBytes(bytes(0x32, 0x04, 0x00, 0x00, 0x80, 0x3F), Wire.packedFloats(6, 1f));
    assertBytes(bytes(0x3A, 0x08, 0, 0, 0, 0, 0, 0, 0xF0, 0x3F), Wire.packedDoubles(7, 1.0));
    assertBytes(bytes(0x22, 0x07, 0x0A, 0x01, 'k', 0x12, 0x02, 0x08, 0x01),
        Wire.mapEntry(4, Wire.stringField(1, "k"), Wire.lenField(2, Wire.boolField(1, true))));
  }
}
