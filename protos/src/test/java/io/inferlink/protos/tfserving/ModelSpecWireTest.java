package io.inferlink.protos.tfserving;

import io.inferlink.protos.wire.Wire;

import static io.inferlink.protos.wire.Wire.assertBytes;
import static io.inferlink.protos.wire.Wire.bytes;
import static io.inferlink.protos.wire.Wire.cat;
import static io.inferlink.protos.wire.Wire.lenField;
import static io.inferlink.protos.wire.Wire.stringField;
import static io.inferlink.protos.wire.Wire.varintField;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Int64Value;
import io.inferlink.protos.internal.tensorflow.serving.ModelSpec;
import org.junit.jupiter.api.Test;

/** ModelSpec: name 1, oneof version_choice { Int64Value version 2; string version_label 4 }, signature_name 3. */
class ModelSpecWireTest {

  @Test
  void numericVersionIsAnInt64ValueWrapperInField2() throws Exception {
    // Written out literally: 0A = field 1 LEN, 12 = field 2 LEN (wrapper message whose field 1
    // varint 08 holds the number), 1A = field 3 LEN.
    byte[] wire = bytes(
        0x0A, 0x04, 'h', 'p', 't', 'w',
        0x12, 0x02, 0x08, 0x07,
        0x1A, 0x03, 's', 'i', 'g');

    ModelSpec parsed = ModelSpec.parseFrom(wire);
    assertEquals("hptw", parsed.getName());
    assertTrue(parsed.hasVersion());
    assertEquals(7L, parsed.getVersion().getValue());
    assertEquals(ModelSpec.VersionChoiceCase.VERSION, parsed.getVersionChoiceCase());
    assertEquals("", parsed.getVersionLabel());
    assertEquals("sig", parsed.getSignatureName());

    ModelSpec built = ModelSpec.newBuilder().setName("hptw")
        .setVersion(Int64Value.of(7)).setSignatureName("sig").build();
    assertBytes(wire, built.toByteArray());
  }

  @Test
  void largeAndZeroVersionsKeepTheWrapper() throws Exception {
    byte[] wire = cat(stringField(1, "m"), lenField(2, varintField(1, 1_700_000_000_123L)));
    ModelSpec parsed = ModelSpec.parseFrom(wire);
    assertEquals(1_700_000_000_123L, parsed.getVersion().getValue());
    assertBytes(wire, ModelSpec.newBuilder().setName("m")
        .setVersion(Int64Value.of(1_700_000_000_123L)).build().toByteArray());

    // Version 0 set explicitly is an empty wrapper, still present: 12 00.
    byte[] zero = cat(stringField(1, "m"), bytes(0x12, 0x00));
    ModelSpec parsedZero = ModelSpec.parseFrom(zero);
    assertTrue(parsedZero.hasVersion());
    assertEquals(0L, parsedZero.getVersion().getValue());
    assertBytes(zero, ModelSpec.newBuilder().setName("m").setVersion(Int64Value.of(0)).build().toByteArray());
  }

  @Test
  void versionLabelIsAStringInField4() throws Exception {
    byte[] wire = bytes(
        0x0A, 0x01, 'm',
        0x1A, 0x0F, 's', 'e', 'r', 'v', 'i', 'n', 'g', '_', 'd', 'e', 'f', 'a', 'u', 'l', 't',
        0x22, 0x06, 's', 't', 'a', 'b', 'l', 'e');

    ModelSpec parsed = ModelSpec.parseFrom(wire);
    assertEquals("m", parsed.getName());
    assertFalse(parsed.hasVersion());
    assertEquals(ModelSpec.VersionChoiceCase.VERSION_LABEL, parsed.getVersionChoiceCase());
    assertEquals("stable", parsed.getVersionLabel());
    assertEquals("serving_default", parsed.getSignatureName());

    ModelSpec built = ModelSpec.newBuilder().setName("m").setVersion(Int64Value.of(3))
        .setVersionLabel("stable").setSignatureName("serving_default").build();
    assertFalse(built.hasVersion(), "version and version_label share a oneof");
    assertBytes(wire, built.toByteArray());
  }
}
