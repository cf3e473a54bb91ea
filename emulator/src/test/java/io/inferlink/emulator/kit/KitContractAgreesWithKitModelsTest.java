package io.inferlink.emulator.kit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.inferlink.DataType;
import io.inferlink.emulator.KitContract;
import io.inferlink.testkit.KitModels;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The emulator keeps its own copy of the kit's names ({@link KitContract}) so that it runs without
 * the kit; this is where the copy is held to the original, constant by constant.
 */
class KitContractAgreesWithKitModelsTest {

  @Test
  void everyPublicConstantHasTheSameNameAndValueOnBothSides() throws IllegalAccessException {
    assertEquals(constants(KitModels.class), constants(KitContract.class));
  }

  @Test
  void derivedValuesAgreeToo() {
    for (DataType dtype : DataType.values()) {
      assertEquals(KitModels.identityTensorName(dtype), KitContract.identityTensorName(dtype), dtype.toString());
    }
    double[][] kit = KitModels.classifierWeights();
    double[][] emulator = KitContract.classifierWeights();
    assertEquals(kit.length, emulator.length);
    for (int row = 0; row < kit.length; row++) {
      assertArrayEquals(kit[row], emulator[row], "classifier weights, row " + row);
    }
  }

  private static Map<String, Object> constants(Class<?> type) throws IllegalAccessException {
    Map<String, Object> out = new TreeMap<>();
    for (Field f : type.getDeclaredFields()) {
      int m = f.getModifiers();
      if (Modifier.isPublic(m) && Modifier.isStatic(m) && Modifier.isFinal(m)) {
        out.put(f.getName(), f.get(null));
      }
    }
    return out;
  }
}
