package io.inferlink.testkit;

import java.util.List;

/**
 * Names and contracts of the scripted models that every server under the compatibility kit hosts.
 * The emulator implements them in Java; real servers (KServe, PyTriton, MLServer) implement the very
 * same contracts in Python, so each one is stated here precisely enough to write it from this page
 * alone. Constants only; immutable and thread-safe.
 *
 * <p>Failures are given as gRPC canonical codes; a REST server answers the HTTP status that
 * {@link io.inferlink.spi.support.HttpStatusTable#toHttpStatus} gives for the code, with the message as its
 * error text. Every model is ready in every version it has. Unknown models, versions and labels
 * fail with NOT_FOUND and messages of these shapes: {@code "model 'x' not found"},
 * {@code "model 'x' has no version 9"}, {@code "model 'x' has no label 'beta'"}. A frontend that
 * plays a real server answers these with that server's statuses and messages instead (the TF
 * Serving frontend: 404 {@code "Servable not found for request: Latest(x)"}, and 400 for an unknown
 * label, as TF Serving does).
 */
public final class KitModels {

  /**
   * Header whose value tells calls apart on the server side (see {@link ServerObserver}). The kit
   * sends a fresh value per call it wants to look up; servers record every call's headers under it.
   */
  public static final String CALL_ID_HEADER = "x-inferlink-kit-call";

  /**
   * The signature every model answers to on protocols with signatures (TF Serving's default key);
   * the kit sends it when the client has {@link io.inferlink.Capability#SIGNATURE_NAME}.
   */
  public static final String DEFAULT_SIGNATURE = "serving_default";

  /**
   * {@code identity}: any number of inputs, of any element types and shapes (scalars, zero-size
   * tensors and BYTES included). The outputs are the inputs, in the same order, with the same names,
   * types, shapes and identical bytes. Requested outputs select among them by name. One version, "1".
   *
   * <p>Its metadata declares every tensor name the kit sends, with the element type the kit sends
   * under that name ({@link #IDENTITY_TENSORS}), so that protocols whose JSON loses element types
   * (TF Serving REST) can type the answer from the metadata, as with a real model's signature. The
   * shapes in the metadata are {@code [-1]}: nominal, since identity takes any rank.
   */
  public static final String IDENTITY = "identity";
  /** Name of the FP32 tensor most kit calls to {@link #IDENTITY} send. */
  public static final String IDENTITY_TENSOR = "x";

  /**
   * Every tensor name the kit sends to {@link #IDENTITY}, with its element type: the per-type
   * samples are named {@code x_<type>} (see {@link #identityTensorName}), plus the names of the
   * multi-input, scalar, zero-size, rank-5 and large-tensor checks.
   */
  public static final java.util.Map<String, io.inferlink.DataType> IDENTITY_TENSORS = identityTensors();

  /**
   * The name under which the kit sends its sample of {@code dtype} to {@link #IDENTITY}, e.g. {@code x_fp32}.
   *
   * @param dtype the element type of the sample
   * @return {@code x_} followed by the type's wire name in lower case
   */
  public static String identityTensorName(io.inferlink.DataType dtype) {
    return "x_" + dtype.wireName().toLowerCase(java.util.Locale.ROOT);
  }

  private static java.util.Map<String, io.inferlink.DataType> identityTensors() {
    java.util.Map<String, io.inferlink.DataType> m = new java.util.LinkedHashMap<>();
    m.put(IDENTITY_TENSOR, io.inferlink.DataType.FP32);
    for (io.inferlink.DataType t : io.inferlink.DataType.values()) {
      m.put(identityTensorName(t), t);
    }
    m.put("a", io.inferlink.DataType.FP32);
    m.put("b", io.inferlink.DataType.INT64);
    m.put("c", io.inferlink.DataType.BYTES);
    m.put("s", io.inferlink.DataType.FP32);
    m.put("t", io.inferlink.DataType.BYTES);
    m.put("z", io.inferlink.DataType.FP32);
    m.put("e", io.inferlink.DataType.INT64);
    m.put("r5", io.inferlink.DataType.FP32);
    m.put("big", io.inferlink.DataType.FP32);
    return java.util.Collections.unmodifiableMap(m);
  }

  /**
   * {@code add_one}: input {@code x}, FP32, any shape, gives output {@code y}, FP32, same shape,
   * {@code y[i] = x[i] + 1} computed in float32. No input {@code x}, an {@code x} of another type, or
   * any other input fails with INVALID_ARGUMENT and a message naming the input and the problem
   * (e.g. {@code "add_one: input 'x' must be FP32, got INT64"}). Metadata: input {@code x} FP32
   * [-1, -1], output {@code y} FP32 [-1, -1]; one version, "1".
   *
   * <p>Regression (TF Serving's Regress API, where a protocol has it): each example must have a float
   * feature {@code x} with exactly one value (context features are merged into every example, the
   * example's own feature winning); the result for the example is {@code x + 1} in float32. Any
   * other feature kind or count fails with INVALID_ARGUMENT, e.g.
   * {@code "add_one: feature 'x' must hold 1 float value(s), got int64s with 1 value(s)"}. Other
   * models (but {@link #CLASSIFIER} for classification) do not classify or regress: TF Serving
   * answers 400 {@code "Expected regression signature method_name to be tensorflow/serving/regress.
   * Was: tensorflow/serving/predict"} (and {@code classification ... tensorflow/serving/classify} for
   * classify).
   */
  public static final String ADD_ONE = "add_one";
  /** Input of {@link #ADD_ONE}. */
  public static final String ADD_ONE_INPUT = "x";
  /** Output of {@link #ADD_ONE}. */
  public static final String ADD_ONE_OUTPUT = "y";

  /**
   * {@code classifier}: input {@code x}, FP32 [N, 4] (N may be 0), gives two outputs, in this order:
   * {@code label}, BYTES [N], the UTF-8 name of the best class of each row, and {@code scores}, FP32
   * [N, 3], the softmax of the row's logits. The logits are {@code W·x} with the weights of
   * {@link #classifierWeights()}: setosa = x0 - x2, versicolor = x1, virginica = x2 + x3 - x1. The
   * best class is the one with the highest logit; on a tie, the first in {@link #CLASSES}. The
   * softmax is computed in float64 (subtracting the row's largest logit first) and rounded to
   * float32; clients compare with a tolerance of 1e-5. Another type, rank or a second dimension
   * other than 4 fails with INVALID_ARGUMENT. Metadata: input {@code x} FP32 [-1, 4], outputs
   * {@code label} BYTES [-1] and {@code scores} FP32 [-1, 3]; one version, "1".
   *
   * <p>Classification (TF Serving's Classify API, where a protocol has it): each example must have a
   * float feature {@code x} with exactly four values (context features are merged into every
   * example, the example's own feature winning); the result for the example is the three classes of
   * {@link #CLASSES}, in that order, each with its score computed exactly as above. Any other
   * feature kind or count fails with INVALID_ARGUMENT naming the feature.
   */
  public static final String CLASSIFIER = "classifier";
  /** Input of {@link #CLASSIFIER}. */
  public static final String CLASSIFIER_INPUT = "x";
  /** Label output of {@link #CLASSIFIER}. */
  public static final String CLASSIFIER_LABEL = "label";
  /** Score output of {@link #CLASSIFIER}. */
  public static final String CLASSIFIER_SCORES = "scores";
  /** The classes of {@link #CLASSIFIER}, in score order. */
  public static final List<String> CLASSES = List.of("setosa", "versicolor", "virginica");

  /**
   * {@code fail}: input {@code code}, INT32 with exactly one element (any shape), holding a gRPC
   * canonical code number. Codes 1 to 16 fail the call with that code and the message
   * {@code "scripted failure: <CODE_NAME>"} (e.g. {@code "scripted failure: NOT_FOUND"}); numbers
   * gRPC does not define fail with UNKNOWN ({@code "scripted failure: UNKNOWN"}); 0 (OK) succeeds and
   * returns the input as output {@code code}. Another type or element count fails with
   * INVALID_ARGUMENT. Metadata: input {@code code} INT32 [1], output {@code code} INT32 [1].
   *
   * <p>When the call carries the header {@link #ECHO_HEADERS_HEADER}, the failure's message goes on
   * with {@code "; request headers: "} and every header of the request as {@code name: value},
   * separated by {@code ", "}, as servers and proxies that echo requests in their errors do. (The
   * emulator does; the kit checks with it that no credential comes back into an exception.)
   */
  public static final String FAIL = "fail";
  /** Header asking {@link #FAIL} to echo the request's headers in its failure message. */
  public static final String ECHO_HEADERS_HEADER = "x-inferlink-kit-echo-headers";
  /** Input and output of {@link #FAIL}. */
  public static final String FAIL_TENSOR = "code";
  /** How the message of every failure of {@link #FAIL} starts. */
  public static final String FAIL_MESSAGE_PREFIX = "scripted failure: ";

  /**
   * {@code sleep}: input {@code millis}, INT64 with exactly one element (any shape), 0 to
   * {@value #MAX_SLEEP_MILLIS}. Waits that long, then returns the input unchanged as output
   * {@code millis}. When the client cancels the call or its deadline passes first, the server stops
   * waiting at once, records the call as cancelled and fails it with CANCELLED. A value outside the
   * range, another type or element count fails with INVALID_ARGUMENT. Metadata: input and output
   * {@code millis} INT64 [1].
   */
  public static final String SLEEP = "sleep";
  /** Input and output of {@link #SLEEP}. */
  public static final String SLEEP_TENSOR = "millis";
  /** Longest wait {@link #SLEEP} accepts. */
  public static final long MAX_SLEEP_MILLIS = 60_000;

  /**
   * {@code versioned}: versions "1" and "2" (the latest, used when a call names neither version nor
   * label), labels {@code stable} → "1" and {@code canary} → "2". Input {@code x}, FP32, any shape,
   * gives output {@code version}, INT64 [1], holding the number of the version that answered; the
   * response names that version too. An unknown version or label fails with NOT_FOUND. Metadata of
   * either version: input {@code x} FP32 [-1], output {@code version} INT64 [1], versions ["1", "2"].
   */
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

  private KitModels() {}

  /**
   * The weights of {@link #CLASSIFIER}: one row per class of {@link #CLASSES}, one column per input
   * feature, no bias. A fresh copy on every call.
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
}
