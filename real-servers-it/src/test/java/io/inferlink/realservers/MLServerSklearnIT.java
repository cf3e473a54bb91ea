package io.inferlink.realservers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.inferlink.DataType;
import io.inferlink.ErrorCode;
import io.inferlink.InferenceClient;
import io.inferlink.InferenceRequest;
import io.inferlink.InferenceResponse;
import io.inferlink.InvalidRequestException;
import io.inferlink.ModelMetadata;
import io.inferlink.ModelRef;
import io.inferlink.ServerException;
import io.inferlink.Tensor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A real scikit-learn model served by MLServer's scikit-learn runtime ({@code mlserver-sklearn}):
 * {@code realservers/sklearn_iris.py} trains a LogisticRegression on the iris data at server start,
 * saves it with joblib next to a {@code model-settings.json} (as MLServer's docs do), and writes the
 * labels and probabilities sklearn itself gives for the 150 iris rows to {@code iris-expected.json},
 * which the answers here must match. Requests are what MLServer's docs send: the features as one
 * input, FP64 (or FP32, as in its example), asking for {@code predict} (the default) and
 * {@code predict_proba}. REST with {@code binary=never}, as MLServer has no binary extension.
 */
class MLServerSklearnIT {
  private static final ModelRef IRIS = ModelRef.of("iris");
  private static Expected expected;

  @BeforeAll
  static void readWhatSklearnPredicts() {
    expected = Expected.read();
  }

  static Stream<String> endpoints() {
    RealPeers peers = RealPeers.get();
    String grpc = peers.endpoint("mlserver-sklearn", "kserve-v2+grpc");
    return Stream.of(peers.endpoint("mlserver-sklearn", "kserve-v2+http") + "?binary=never", grpc, grpc + "?contents=typed");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("endpoints")
  void predictGivesTheLabelsSklearnGives(String endpoint) {
    try (InferenceClient client = InferenceClient.create(endpoint)) {
      InferenceResponse r = client.infer(InferenceRequest.builder(IRIS).input(expected.fp64Features()).build());
      assertEquals("iris", r.modelName());
      assertEquals("v0.1.0", r.modelVersion());
      Tensor predict = r.output("predict");
      assertEquals(DataType.INT64, predict.dtype());
      // MLServer's numpy codec answers a 1-D array as a column, [N, 1]
      assertArrayEquals(new long[] {expected.rows(), 1}, predict.shape());
      assertArrayEquals(expected.predict, predict.toLongArray());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("endpoints")
  void predictProbaGivesTheProbabilitiesSklearnGives(String endpoint) {
    try (InferenceClient client = InferenceClient.create(endpoint)) {
      InferenceResponse r = client.infer(InferenceRequest.builder(IRIS).input(expected.fp64Features())
          .requestOutputs("predict", "predict_proba").build());
      assertArrayEquals(expected.predict, r.output("predict").toLongArray());
      Tensor proba = r.output("predict_proba");
      assertEquals(DataType.FP64, proba.dtype());
      assertArrayEquals(new long[] {expected.rows(), 3}, proba.shape());
      assertArrayEquals(expected.predictProba, proba.toDoubleArray(), 1e-12);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("endpoints")
  void fp32FeaturesAsInMLServersExampleGiveSklearnsLabelsForFp32(String endpoint) {
    try (InferenceClient client = InferenceClient.create(endpoint)) {
      InferenceResponse r = client.infer(InferenceRequest.builder(IRIS).input(expected.fp32Features()).build());
      assertArrayEquals(expected.predictFp32, r.output("predict").toLongArray());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("endpoints")
  void aModelTrainedOnSpeciesNamesAnswersStrings(String endpoint) {
    try (InferenceClient client = InferenceClient.create(endpoint)) {
      Tensor predict = client.infer(InferenceRequest.builder("iris-names").input(expected.fp64Features()).build())
          .output("predict");
      assertEquals(DataType.BYTES, predict.dtype());
      assertEquals(expected.predictNames, predict.toStringList());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("endpoints")
  void theModelAnswersAtItsVersionsPathAndDescribesItself(String endpoint) {
    try (InferenceClient client = InferenceClient.create(endpoint)) {
      ModelRef versioned = ModelRef.of("iris", "v0.1.0");
      assertTrue(client.modelReady(versioned));
      InferenceResponse r = client.infer(InferenceRequest.builder(versioned).input(expected.fp64Features()).build());
      assertArrayEquals(expected.predict, r.output("predict").toLongArray());
      ModelMetadata m = client.modelMetadata(IRIS);
      assertEquals("iris", m.name());
    }
  }

  /**
   * sklearn's own ValueError reaches the caller: over gRPC as MLServer's status message, over REST as
   * the last line of the Python traceback MLServer answers with (debug, its default) — which used to
   * be cut off, as only the first 2048 characters of the 5 KB text were kept.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("endpoints")
  void aModelErrorCarriesSklearnsOwnWords(String endpoint) {
    try (InferenceClient client = InferenceClient.create(endpoint)) {
      InferenceRequest threeFeatures = InferenceRequest.builder(IRIS)
          .input(Tensor.ofDoubles("predict", new double[] {5.1, 3.5, 1.4}, 1, 3)).build();
      ServerException e = assertThrows(ServerException.class, () -> client.infer(threeFeatures));
      assertEquals(ErrorCode.INTERNAL, e.code());
      assertTrue(e.serverMessage().contains("X has 3 features, but LogisticRegression is expecting 4 features as input"),
          "sklearn's message: " + e.serverMessage());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("endpoints")
  void anOutputTheRuntimeDoesNotKnowIsAnInvalidRequestWithItsMessage(String endpoint) {
    try (InferenceClient client = InferenceClient.create(endpoint)) {
      InferenceRequest request = InferenceRequest.builder(IRIS).input(expected.fp64Features())
          .requestOutputs("decision_function").build();
      InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> client.infer(request));
      assertTrue(e.serverMessage().contains("decision_function was received"), e.serverMessage());
    }
  }

  @Test
  void fp16FeaturesOverGrpcGiveSklearnsLabelsForFp16() {
    try (InferenceClient client = InferenceClient.create(RealPeers.get().endpoint("mlserver-sklearn", "kserve-v2+grpc"))) {
      InferenceResponse r = client.infer(InferenceRequest.builder(IRIS).input(expected.fp16Features()).build());
      assertArrayEquals(expected.predictFp16, r.output("predict").toLongArray());
    }
  }

  /**
   * MLServer takes FP16 as JSON numbers, but the client refuses FP16 over plain JSON unless told to
   * send it with the {@code half-as-json} option.
   */
  @Test
  void fp16FeaturesOverJsonWithTheOptInGiveSklearnsLabelsForFp16() {
    String endpoint = RealPeers.get().endpoint("mlserver-sklearn", "kserve-v2+http") + "?binary=never&half-as-json=true";
    try (InferenceClient client = InferenceClient.create(endpoint)) {
      InferenceResponse r = client.infer(InferenceRequest.builder(IRIS).input(expected.fp16Features()).build());
      assertArrayEquals(expected.predictFp16, r.output("predict").toLongArray());
    }
  }

  /** {@code iris-expected.json}, written by sklearn_iris.py when the server started. */
  private static final class Expected {
    final double[][] features;
    final long[] predict;
    final double[] predictProba;
    final List<String> predictNames;
    final long[] predictFp32;
    final long[] predictFp16;

    private Expected(JsonNode json) {
      JsonNode rows = json.get("features");
      features = new double[rows.size()][];
      for (int i = 0; i < features.length; i++) {
        features[i] = doubles(rows.get(i));
      }
      predict = longs(json.get("predict"));
      List<Double> proba = new ArrayList<>();
      json.get("predict_proba").forEach(row -> row.forEach(p -> proba.add(p.doubleValue())));
      predictProba = proba.stream().mapToDouble(Double::doubleValue).toArray();
      List<String> names = new ArrayList<>();
      json.get("predict_names").forEach(n -> names.add(n.textValue()));
      predictNames = List.copyOf(names);
      predictFp32 = longs(json.get("predict_fp32"));
      predictFp16 = longs(json.get("predict_fp16"));
    }

    static Expected read() {
      Path file = RealPeers.get().folder("mlserver-sklearn", "models").resolve("iris-expected.json");
      try {
        return new Expected(new ObjectMapper().readTree(file.toFile()));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file + " (written by realservers/sklearn_iris.py)", e);
      }
    }

    int rows() {
      return features.length;
    }

    Tensor fp64Features() {
      return Tensor.ofDoubles("predict", flat(), rows(), 4);
    }

    Tensor fp32Features() {
      double[] d = flat();
      float[] f = new float[d.length];
      for (int i = 0; i < d.length; i++) {
        f[i] = (float) d[i];
      }
      return Tensor.ofFloats("predict", f, rows(), 4);
    }

    Tensor fp16Features() {
      return Tensor.ofFp16("predict", fp32Features().toFloatArray(), rows(), 4);
    }

    private double[] flat() {
      return Stream.of(features).flatMapToDouble(Arrays::stream).toArray();
    }

    private static double[] doubles(JsonNode array) {
      double[] out = new double[array.size()];
      for (int i = 0; i < out.length; i++) {
        out[i] = array.get(i).doubleValue();
      }
      return out;
    }

    private static long[] longs(JsonNode array) {
      long[] out = new long[array.size()];
      for (int i = 0; i < out.length; i++) {
        out[i] = array.get(i).longValue();
      }
      return out;
    }
  }
}
