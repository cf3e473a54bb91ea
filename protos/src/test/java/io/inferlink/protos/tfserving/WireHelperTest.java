package io.inferlink.protos.tfserving;

import io.inferlink.protos.wire.Wire;

import static io.inferlink.protos.wire.Wire.assertBytes;
import static io.inferlink.protos.wire.Wire.bytes;

import org.junit.jupiter.api.Test;

/** Pins the hand encoder of the wire tests against literal bytes from the protobuf encoding spec. */
class WireHelperTest {

  @Test
  void varintsMatchTheEncodingSpec() {
    assertBytes(bytes(0x00), Wire.varint(0));
    assertBytes(bytes(0x01), Wire.varint(1));
    assertBytes(bytes(0x7F), Wire.varint(127));
    assertBytes(bytes(0x96, 0x01), Wire.varint(150));
    assertBytes(bytes(0xFF, 0xFF, 0xFF, 0xFF, 0x0F), Wire.varint(0xFFFFFFFFL));
    assertBytes(bytes(0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01), Wire.varint(-1));
  }

  @Test
  void tagsCombineFieldNumberAndWireType() {
    assertBytes(bytes(0x08), Wire.tag(1, Wire.VARINT));
    assertBytes(bytes(0x12), Wire.tag(2, Wire.LEN));
    assertBytes(bytes(0x2D), Wire.tag(5, Wire.I32));
    assertBytes(bytes(0x31), Wire.tag(6, Wire.I64));
    assertBytes(bytes(0x82, 0x01), Wire.tag(16, Wire.LEN));
    assertBytes(bytes(0xB2, 0x06), Wire.tag(102, Wire.LEN));
  }

  @Test
  void fieldsAreTagLengthPayload() {
    assertBytes(bytes(0x0A, 0x03, 'a', 'b', 'c'), Wire.stringField(1, "abc"));
    assertBytes(bytes(0x2D, 0x00, 0x00, 0xC0, 0x3F), Wire.floatField(5, 1.5f));
    assertBytes(bytes(0x31, 0, 0, 0, 0, 0, 0, 0xF8, 0x3F), Wire.doubleField(6, 1.5));
    assertBytes(bytes(0x3A, 0x03, 0x01, 0x96, 0x01), Wire.packedVarints(7, 1, 150));
    assertBytes(bytes(0x2A, 0x04, 0x00, 0x00, 0x80, 0x3F), Wire.packedFloats(5, 1f));
    assertBytes(bytes(0x12, 0x05, 0x0A, 0x01, 'k', 0x10, 0x07),
        Wire.mapEntry(2, Wire.stringField(1, "k"), Wire.varintField(2, 7)));
  }
}
