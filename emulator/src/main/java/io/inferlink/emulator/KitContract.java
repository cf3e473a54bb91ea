package io.inferlink.emulator;

import io.inferlink.DataType;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The names and numbers of the compatibility kit's models as the emulator's built-in models serve
 * them: model, tensor and header names, versions, labels and the classifier's weights. They copy
 * the constants of the kit's {@code io.inferlink.emulator.KitContract}, which documents each model's
 * contract in full: the emulator depends on the kit only optionally (for
 * {@link io.inferlink.emulator.kit.EmulatorObserver}), so that a program running the emulator
 * carries no JUnit. A test of this module checks that both agree, constant by constant. Constants
 * only; immutable and thread-safe.
 */
public final class KitContract {
  /** Header whose value tells calls apart on the server side; servers record every call's headers under it. */
  public static final String CALL_ID_HEADER = "x-inferlink-kit-call";
  /** The signature every model answers to on protocols with signatures (TF Serving's default key). */
  public static final String DEFAULT_SIGNATURE = "serving_default";

  /** {@code identity}: the outputs are the inputs, byte for byte. One version, "1". */
  public static final String IDENTITY = "identity";
  /** Name of the FP32 tensor most kit calls to {@link #IDENTITY} send. */
  public static final String IDENTITY_TENSOR = "x";
  /** Every tensor name the kit sends to {@link #IDENTITY}, with its element type (its metadata declares them). */
  public static final Map<String, DataType> IDENTITY_TENSORS = identityTensors();

  /** {@code add_one}: input {@code x}, FP32, gives {@code y = x + 1} in float32; regresses {@code x + 1}. */
  public static final String ADD_ONE = "add_one";
  /** Input of {@link #ADD_ONE}. */
  public static final String ADD_ONE_INPUT = "x";
  /** Output of {@link #ADD_ONE}. */
  public static final String ADD_ONE_OUTPUT = "y";

  /** {@code classifier}: input {@code x}, FP32 [N, 4], gives {@code label} BYTES [N] and {@code scores} FP32 [N, 3]. */
  public static final String CLASSIFIER = "classifier";
  /** Input of {@link #CLASSIFIER}. */
  public static final String CLASSIFIER_INPUT = "x";
  /** Label output of {@link #CLASSIFIER}. */
  public static final String CLASSIFIER_LABEL = "label";
  /** Score output of {@link #CLASSIFIER}. */
  public static final String CLASSIFIER_SCORES = "scores";
  /** The classes of {@link #CLASSIFIER}, in score order. */
  public static final List<String> CLASSES = List.of("setosa", "versicolor", "virginica");

  /** {@code fail}: input {@code code}, INT32, a gRPC code the call fails with ("scripted failure: NAME"). */
  public static final String FAIL = "fail";
  /** Header asking {@link #FAIL} to echo the request's headers in its failure message. */
  public static final String ECHO_HEADERS_HEADER = "x-inferlink-kit-echo-headers";
  /** Input and output of {@link #FAIL}. */
  public static final String FAIL_TENSOR = "code";
  /** How the message of every failure of {@link #FAIL} starts. */
  public static final String FAIL_MESSAGE_PREFIX = "scripted failure: ";

  /** {@code sleep}: input {@code millis}, INT64; waits that long unless cancelled first. */
  public static final String SLEEP = "sleep";
  /** Input and output of {@link #SLEEP}. */
  public static final String SLEEP_TENSOR = "millis";
  /** Longest wait {@link #SLEEP} accepts. */
  public static final long MAX_SLEEP_MILLIS = 60_000;

  /** {@code versioned}: versions "1" and "2", labels stable → "1" and canary → "2"; answers its version. */
  public static final String VERSIONED = "versioned";
  /** Input of {@link #VERSIONED}. */
  public static final String VERSIONED_INPUT = "x";
  /** Output of {@link #VERSIONED}. */
  public static final String VERSIONED_OUTPUT = "version";
  /** The versions of {@link #VERSIONED}, oldest first. */
  public static final List<String> VERSIONS = List.of("1", "2");
  /** Label of {@link #VERSIONED} that points at version "1". */
  public static final String LABEL_STABLE = "stable";
  /** Label of {@link #VERSIONED} that points at version "2". */
  public static final String LABEL_CANARY = "canary";

  private KitContract() {}

  /**
   * The name under which the kit sends its sample of {@code dtype} to {@link #IDENTITY}, e.g. {@code x_fp32}.
   *
   * @param dtype the element type of the sample
   * @return {@code x_} followed by the type's wire name in lower case
   */
  public static String identityTensorName(DataType dtype) {
    return "x_" + dtype.wireName().toLowerCase(Locale.ROOT);
  }

  /**
   * The weights of {@link #CLASSIFIER}: one row per class, one column per feature, no bias; a fresh copy.
   *
   * @return a new array the caller may change, indexed [class][feature]
   */
  public static double[][] classifierWeights() {
    return new double[][] {
      {1, 0, -1, 0},
      {0, 1, 0, 0},
      {0, -1, 1, 1},
    };
  }

  private static Map<String, DataType> identityTensors() {
    Map<String, DataType> m = new LinkedHashMap<>();
    m.put(IDENTITY_TENSOR, DataType.FP32);
    for (DataType t : DataType.values()) {
      m.put(identityTensorName(t), t);
    }
    m.put("a", DataType.FP32);
    m.put("b", DataType.INT64);
    m.put("c", DataType.BYTES);
    m.put("s", DataType.FP32);
    m.put("t", DataType.BYTES);
    m.put("z", DataType.FP32);
    m.put("e", DataType.INT64);
    m.put("r5", DataType.FP32);
    m.put("big", DataType.FP32);
    return Collections.unmodifiableMap(m);
  }
}
