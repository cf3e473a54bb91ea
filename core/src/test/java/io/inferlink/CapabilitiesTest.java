package io.inferlink;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@link Capabilities}: queries both ways, requirements and immutability. */
class CapabilitiesTest {
  private static final Set<Capability> SOME = EnumSet.of(Capability.SERVER_LIVE, Capability.MODEL_METADATA,
      Capability.REQUESTED_OUTPUTS);
  private static final Set<DataType> TYPES = EnumSet.of(DataType.FP32, DataType.INT64, DataType.BYTES);
  private final Capabilities caps = Capabilities.of(SOME, TYPES);

  @ParameterizedTest
  @EnumSource(Capability.class)
  void supportsFeatureExactlyWhenListed(Capability feature) {
    assertEquals(SOME.contains(feature), caps.supports(feature));
  }

  @ParameterizedTest
  @EnumSource(DataType.class)
  void supportsDataTypeExactlyWhenListed(DataType dtype) {
    assertEquals(TYPES.contains(dtype), caps.supports(dtype));
  }

  @ParameterizedTest
  @EnumSource(Capability.class)
  void requireFeaturePassesOrThrowsNamingProviderAndFeature(Capability feature) {
    if (SOME.contains(feature)) {
      assertDoesNotThrow(() -> caps.require(feature, "kserve-v2-rest"));
    } else {
      UnsupportedFeatureException e =
          assertThrows(UnsupportedFeatureException.class, () -> caps.require(feature, "kserve-v2-rest"));
      String readable = feature.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
      assertTrue(e.getMessage().startsWith("kserve-v2-rest does not support " + readable), e.getMessage());
      assertEquals(ErrorCode.UNIMPLEMENTED, e.code());
    }
  }

  @Test
  void requireMessageForAConcreteFeature() {
    UnsupportedFeatureException e =
        assertThrows(UnsupportedFeatureException.class, () -> caps.require(Capability.VERSION_LABELS, "tfserving-grpc"));
    assertTrue(e.getMessage().contains("tfserving-grpc"), e.getMessage());
    assertTrue(e.getMessage().contains("version labels"), e.getMessage());
  }

  @ParameterizedTest
  @EnumSource(DataType.class)
  void requireDataTypePassesOrThrowsNamingTensorTypeAndProvider(DataType dtype) {
    if (TYPES.contains(dtype)) {
      assertDoesNotThrow(() -> caps.require(dtype, "input_1", "tfserving-rest"));
    } else {
      UnsupportedFeatureException e =
          assertThrows(UnsupportedFeatureException.class, () -> caps.require(dtype, "input_1", "tfserving-rest"));
      assertTrue(e.getMessage().contains("tfserving-rest"), e.getMessage());
      assertTrue(e.getMessage().contains("'input_1'"), e.getMessage());
      assertTrue(e.getMessage().contains(dtype.toString()), e.getMessage());
      assertTrue(e.getMessage().contains("FP32"), "lists the supported types: " + e.getMessage());
    }
  }

  @Test
  void accessorsAreUnmodifiableCopies() {
    Set<Capability> features = new HashSet<>(SOME);
    Set<DataType> types = new HashSet<>(TYPES);
    Capabilities c = Capabilities.of(features, types);
    features.add(Capability.SERVER_READY);
    types.add(DataType.FP16);
    assertFalse(c.supports(Capability.SERVER_READY));
    assertFalse(c.supports(DataType.FP16));
    assertThrows(UnsupportedOperationException.class, () -> c.features().add(Capability.SERVER_READY));
    assertThrows(UnsupportedOperationException.class, () -> c.dataTypes().add(DataType.FP16));
    assertEquals(SOME, c.features());
    assertEquals(TYPES, c.dataTypes());
  }

  @Test
  void emptySetsMeanNothingIsSupported() {
    Capabilities none = Capabilities.of(Set.of(), Set.of());
    for (Capability f : Capability.values()) {
      assertFalse(none.supports(f));
      assertThrows(UnsupportedFeatureException.class, () -> none.require(f, "p"));
    }
    for (DataType t : DataType.values()) {
      assertFalse(none.supports(t));
    }
    assertThrows(UnsupportedOperationException.class, () -> none.features().add(Capability.SERVER_LIVE));
  }

  @Test
  void nullSetsAreRefused() {
    assertThrows(NullPointerException.class, () -> Capabilities.of(null, TYPES));
    assertThrows(NullPointerException.class, () -> Capabilities.of(SOME, null));
  }

  @Test
  void equalsAndHashCodeByContent() {
    Capabilities same = Capabilities.of(new HashSet<>(SOME), new HashSet<>(TYPES));
    assertEquals(caps, same);
    assertEquals(caps.hashCode(), same.hashCode());
    assertNotEquals(caps, Capabilities.of(SOME, EnumSet.of(DataType.FP32)));
    assertNotEquals(caps, Capabilities.of(EnumSet.of(Capability.SERVER_LIVE), TYPES));
    assertNotEquals(caps, null);
  }

  @Test
  void toStringListsFeaturesAndTypes() {
    String s = caps.toString();
    assertTrue(s.contains("MODEL_METADATA"), s);
    assertTrue(s.contains("INT64"), s);
  }
}
