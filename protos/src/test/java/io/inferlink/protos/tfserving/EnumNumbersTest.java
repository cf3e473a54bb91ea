package io.inferlink.protos.tfserving;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.protobuf.ProtocolMessageEnum;
import io.inferlink.protos.internal.tensorflow.DataType;
import io.inferlink.protos.internal.tensorflow.error.Code;
import io.inferlink.protos.internal.tensorflow.serving.ModelType;
import io.inferlink.protos.internal.tensorflow.serving.ModelVersionStatus;
import io.inferlink.protos.internal.tensorflow.serving.PredictRequest;
import io.inferlink.protos.internal.tensorflow.serving.PredictStreamedOptions;
import io.inferlink.protos.internal.tensorflow.serving.SamplingConfig;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every enum value's number, compared with the tables of PROTOCOLS.md §2.2 (written out here by hand). */
class EnumNumbersTest {

  /** The DataType table of §2.2 (0-32), in order. */
  private static final Map<String, Integer> DATA_TYPES = table(
      "DT_INVALID", 0, "DT_FLOAT", 1, "DT_DOUBLE", 2, "DT_INT32", 3, "DT_UINT8", 4, "DT_INT16", 5,
      "DT_INT8", 6, "DT_STRING", 7, "DT_COMPLEX64", 8, "DT_INT64", 9, "DT_BOOL", 10, "DT_QINT8", 11,
      "DT_QUINT8", 12, "DT_QINT32", 13, "DT_BFLOAT16", 14, "DT_QINT16", 15, "DT_QUINT16", 16,
      "DT_UINT16", 17, "DT_COMPLEX128", 18, "DT_HALF", 19, "DT_RESOURCE", 20, "DT_VARIANT", 21,
      "DT_UINT32", 22, "DT_UINT64", 23, "DT_FLOAT8_E5M2", 24, "DT_FLOAT8_E4M3FN", 25,
      "DT_FLOAT8_E4M3FNUZ", 26, "DT_FLOAT8_E4M3B11FNUZ", 27, "DT_FLOAT8_E5M2FNUZ", 28, "DT_INT4", 29,
      "DT_UINT4", 30, "DT_INT2", 31, "DT_UINT2", 32);

  @Test
  void dataTypeNumbersMatchTheTable() {
    Map<String, Integer> expected = new TreeMap<>();
    DATA_TYPES.forEach((name, number) -> {
      expected.put(name, number);
      if (number != 0) {
        expected.put(name + "_REF", number + 100);  // *_REF = base + 100
      }
    });
    assertEquals(65, expected.size());
    assertEquals(expected, numbers(DataType.values()));
    // Spot checks written out, independent of the loop above.
    assertEquals(1, DataType.DT_FLOAT.getNumber());
    assertEquals(7, DataType.DT_STRING.getNumber());
    assertEquals(19, DataType.DT_HALF.getNumber());
    assertEquals(101, DataType.DT_FLOAT_REF.getNumber());
    assertEquals(132, DataType.DT_UINT2_REF.getNumber());
    assertEquals("tensorflow.DataType", DataType.getDescriptor().getFullName());
  }

  @Test
  void errorCodesMatchTheTable() {
    Map<String, Integer> expected = new TreeMap<>(table(
        "OK", 0, "CANCELLED", 1, "UNKNOWN", 2, "INVALID_ARGUMENT", 3, "DEADLINE_EXCEEDED", 4,
        "NOT_FOUND", 5, "ALREADY_EXISTS", 6, "PERMISSION_DENIED", 7, "RESOURCE_EXHAUSTED", 8,
        "FAILED_PRECONDITION", 9, "ABORTED", 10, "OUT_OF_RANGE", 11, "UNIMPLEMENTED", 12,
        "INTERNAL", 13, "UNAVAILABLE", 14, "DATA_LOSS", 15, "UNAUTHENTICATED", 16,
        "DO_NOT_USE_RESERVED_FOR_FUTURE_EXPANSION_USE_DEFAULT_IN_SWITCH_INSTEAD_", 20));
    assertEquals(expected, numbers(Code.values()));
    assertEquals("tensorflow.error.Code", Code.getDescriptor().getFullName());
  }

  @Test
  void modelVersionStateNumbers() {
    assertEquals(new TreeMap<>(table("UNKNOWN", 0, "START", 10, "LOADING", 20, "AVAILABLE", 30,
        "UNLOADING", 40, "END", 50)), numbers(ModelVersionStatus.State.values()));
  }

  @Test
  void smallerEnumsNumbers() {
    assertEquals(new TreeMap<>(table("MODEL_TYPE_UNSPECIFIED", 0, "TENSORFLOW", 1, "OTHER", 2)),
        numbers(ModelType.values()));
    assertEquals(new TreeMap<>(table("NONE", 0, "SPLIT", 1, "END_SPLIT", 2, "CANCEL", 3)),
        numbers(PredictStreamedOptions.RequestState.values()));
    assertEquals(new TreeMap<>(table("DETERMINISTIC_MODE_UNSPECIFIED", 0, "FIXED_DECODER_SLOT", 1)),
        numbers(PredictRequest.RequestOptions.DeterministicMode.values()));
    assertEquals(new TreeMap<>(table("ATTR_DEFAULT", 0, "ATTR_REQUEST_ORIGIN", 1, "ATTR_REQUEST_CRITICALITY", 2)),
        numbers(SamplingConfig.Attributes.values()));
  }

  private static Map<String, Integer> table(Object... pairs) {
    Map<String, Integer> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], (Integer) pairs[i + 1]);
    }
    return map;
  }

  /** name -> number of the generated constants, without the Java-only UNRECOGNIZED. */
  private static <E extends Enum<E> & ProtocolMessageEnum> Map<String, Integer> numbers(E[] values) {
    return Arrays.stream(values)
        .filter(v -> !v.name().equals("UNRECOGNIZED"))
        .collect(Collectors.toMap(Enum::name, ProtocolMessageEnum::getNumber, (a, b) -> a, TreeMap::new));
  }
}
