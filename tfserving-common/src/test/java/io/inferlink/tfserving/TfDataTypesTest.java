package io.inferlink.tfserving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.DataType;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The DT_* table against TensorFlow's enum numbers and names as PROTOCOLS.md §2.2 lists them. */
class TfDataTypesTest {
  private static final Map<DataType, Integer> NUMBERS = Map.ofEntries(
      Map.entry(DataType.FP32, 1), Map.entry(DataType.FP64, 2), Map.entry(DataType.INT32, 3),
      Map.entry(DataType.UINT8, 4), Map.entry(DataType.INT16, 5), Map.entry(DataType.INT8, 6),
      Map.entry(DataType.BYTES, 7), Map.entry(DataType.INT64, 9), Map.entry(DataType.BOOL, 10),
      Map.entry(DataType.BF16, 14), Map.entry(DataType.UINT16, 17), Map.entry(DataType.FP16, 19),
      Map.entry(DataType.UINT32, 22), Map.entry(DataType.UINT64, 23));

  @Test
  void everyTypeHasTensorFlowsNumberAndBothDirectionsAgree() {
    assertEquals(DataType.values().length, NUMBERS.size());
    NUMBERS.forEach((type, number) -> {
      assertEquals(number, TfDataTypes.number(type), type.name());
      assertEquals(Optional.of(type), TfDataTypes.fromNumber(number));
      assertEquals(Optional.of(type), TfDataTypes.fromNumber(number + 100), "the _REF form of " + type);
      assertEquals(Optional.of(type), TfDataTypes.fromName(TfDataTypes.name(type)));
      assertEquals(Optional.of(type), TfDataTypes.fromName(TfDataTypes.name(type) + "_REF"));
    });
    assertEquals("DT_FLOAT", TfDataTypes.name(DataType.FP32));
    assertEquals("DT_HALF", TfDataTypes.name(DataType.FP16));
    assertEquals("DT_STRING", TfDataTypes.name(DataType.BYTES));
  }

  @Test
  void typesWithoutACounterpartAreEmptyNotErrors() {
    for (int n : new int[] {0, 8, 11, 12, 13, 15, 16, 18, 20, 21, 24, 25, 26, 27, 28, 29, 30, 31, 32, 99, -1}) {
      assertTrue(TfDataTypes.fromNumber(n).isEmpty(), "DT number " + n);
    }
    assertTrue(TfDataTypes.fromName("DT_COMPLEX64").isEmpty());
    assertTrue(TfDataTypes.fromName("DT_RESOURCE").isEmpty());
    assertTrue(TfDataTypes.fromName(null).isEmpty());
  }
}
