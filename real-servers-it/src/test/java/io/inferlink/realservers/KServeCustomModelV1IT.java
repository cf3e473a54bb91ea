package io.inferlink.realservers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.inferlink.DataType;
import io.inferlink.InferenceClient;
import io.inferlink.InferenceRequest;
import io.inferlink.InferenceResponse;
import io.inferlink.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * KServe V1 ({@code kserve-v1+http}) against custom models written as KServe's quick-start writes them
 * ({@code realservers/kserve_realistic.py}: unversioned {@code kserve.Model} subclasses whose
 * {@code predict} returns {@code {"predictions": ...}} as a list of dicts, a raw numpy array that
 * KServe's ORJSONResponse serialises itself, or {@code ndarray.tolist()}; numpy values inside the dicts too). Each instance is a row of
 * three logits (cat, dog, bird); the expected answers are the softmax of those rows, computed here.
 */
class KServeCustomModelV1IT {
  private static final float[][] LOGITS = {{1f, 2f, 0.5f}, {3f, 0.1f, 0.2f}, {0f, -1f, 4.25f}, {2f, 2f, 1f}};
  private static final List<String> ANIMALS = List.of("cat", "dog", "bird");

  @Test
  void aListOfDictsGivesOneOutputPerKeyWithTheLabelsAndScores() {
    try (InferenceClient client = client("")) {
      InferenceResponse r = client.infer(request("animal-labels"));
      Tensor labels = r.output("label");
      Tensor scores = r.output("score");
      assertEquals(DataType.BYTES, labels.dtype());
      assertArrayEquals(new long[] {4}, labels.shape());
      assertEquals(DataType.FP32, scores.dtype());
      assertArrayEquals(new long[] {4}, scores.shape());
      float[] score = scores.toFloatArray();
      for (int row = 0; row < LOGITS.length; row++) {
        int best = argmax(LOGITS[row]);
        assertEquals(ANIMALS.get(best), labels.toStringList().get(row), "label of row " + row);
        assertEquals(softmax(LOGITS[row])[best], score[row], 1e-6, "score of row " + row);
      }
    }
  }

  @Test
  void numpyValuesInsideTheDictsAreReadLikePlainOnes() {
    try (InferenceClient client = client("")) {
      InferenceResponse r = client.infer(request("animal-details"));
      assertEquals(List.of("label", "score", "probabilities"), List.copyOf(r.outputs().keySet()));
      Tensor probabilities = r.output("probabilities");
      assertEquals(DataType.FP32, probabilities.dtype());
      assertArrayEquals(new long[] {4, 3}, probabilities.shape());
      assertRowsAreSoftmax(probabilities.toDoubleArray(), 1e-6);
      float[] score = r.output("score").toFloatArray();
      float[] p = probabilities.toFloatArray();
      for (int row = 0; row < LOGITS.length; row++) {
        assertEquals(ANIMALS.get(argmax(LOGITS[row])), r.output("label").toStringList().get(row), "label of row " + row);
        assertEquals(p[row * 3 + argmax(LOGITS[row])], score[row], "the score is the row's largest probability");
      }
    }
  }

  @Test
  void scoresOfAListOfDictsKeepDoublePrecisionWithV1FloatFp64() {
    try (InferenceClient client = client("?v1-float=fp64")) {
      Tensor scores = client.infer(fp64Request("animal-labels")).output("score");
      assertEquals(DataType.FP64, scores.dtype());
      double[] score = scores.toDoubleArray();
      for (int row = 0; row < LOGITS.length; row++) {
        assertEquals(softmax(LOGITS[row])[argmax(LOGITS[row])], score[row], 1e-12, "score of row " + row);
      }
    }
  }

  @Test
  void aRawNumpyArrayOfPredictionsIsReadAsRows() {
    try (InferenceClient client = client("")) {
      Tensor p = client.infer(request("softmax-ndarray")).output("predictions");
      assertEquals(DataType.FP32, p.dtype());
      assertArrayEquals(new long[] {4, 3}, p.shape());
      assertRowsAreSoftmax(p.toDoubleArray(), 1e-6);
    }
  }

  @Test
  void predictionsFromNdarrayTolistAreReadAsRowsInDoublePrecision() {
    try (InferenceClient client = client("?v1-float=fp64")) {
      Tensor p = client.infer(fp64Request("softmax-tolist")).output("predictions");
      assertEquals(DataType.FP64, p.dtype());
      assertArrayEquals(new long[] {4, 3}, p.shape());
      assertRowsAreSoftmax(p.toDoubleArray(), 1e-12);
    }
  }

  @Test
  void aRawIntegerNumpyArrayIsInt64() {
    try (InferenceClient client = client("")) {
      Tensor p = client.infer(request("argmax-ndarray")).output("predictions");
      assertEquals(DataType.INT64, p.dtype());
      long[] expected = new long[LOGITS.length];
      for (int row = 0; row < LOGITS.length; row++) {
        expected[row] = argmax(LOGITS[row]);
      }
      assertArrayEquals(expected, p.toLongArray());
    }
  }

  private static InferenceClient client(String query) {
    return InferenceClient.create(RealPeers.get().endpoint("kserve-realistic", "kserve-v1+http") + query);
  }

  private static InferenceRequest request(String model) {
    float[] flat = new float[LOGITS.length * 3];
    for (int row = 0; row < LOGITS.length; row++) {
      System.arraycopy(LOGITS[row], 0, flat, row * 3, 3);
    }
    return InferenceRequest.builder(model).input(Tensor.ofFloats("logits", flat, LOGITS.length, 3)).build();
  }

  /** With {@code v1-float=fp64} the client sends FP64 (its one floating-point type) instead of FP32. */
  private static InferenceRequest fp64Request(String model) {
    double[] flat = request(model).inputs().get("logits").toDoubleArray();
    return InferenceRequest.builder(model).input(Tensor.ofDoubles("logits", flat, LOGITS.length, 3)).build();
  }

  private static void assertRowsAreSoftmax(double[] values, double tolerance) {
    for (int row = 0; row < LOGITS.length; row++) {
      double[] expected = softmax(LOGITS[row]);
      for (int k = 0; k < 3; k++) {
        assertEquals(expected[k], values[row * 3 + k], tolerance, "row " + row + ", class " + k);
      }
    }
  }

  static double[] softmax(float[] logits) {
    double max = Double.NEGATIVE_INFINITY;
    for (float l : logits) {
      max = Math.max(max, l);
    }
    double[] e = new double[logits.length];
    double sum = 0;
    for (int i = 0; i < logits.length; i++) {
      e[i] = Math.exp(logits[i] - max);
      sum += e[i];
    }
    for (int i = 0; i < e.length; i++) {
      e[i] /= sum;
    }
    return e;
  }

  static int argmax(float[] values) {
    int best = 0;
    for (int i = 1; i < values.length; i++) {
      if (values[i] > values[best]) {
        best = i;
      }
    }
    return best;
  }
}
