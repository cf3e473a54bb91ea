package io.inferlink.testkit;

import io.inferlink.InferenceRequest;
import io.inferlink.ModelRef;
import io.inferlink.Tensor;

/** The requests the compatibility kit sends to the {@link KitModels} models; stateless. */
final class KitRequests {
  /** A model name no server under the kit hosts. */
  static final String UNKNOWN_MODEL = "inferlink-kit-no-such-model";

  private KitRequests() {}

  static InferenceRequest identity(Tensor... inputs) {
    return InferenceRequest.builder(KitModels.IDENTITY).inputs(inputs).build();
  }

  static InferenceRequest addOne(Tensor x) {
    return InferenceRequest.builder(KitModels.ADD_ONE).input(x).build();
  }

  static InferenceRequest sleep(long millis) {
    return InferenceRequest.builder(KitModels.SLEEP)
        .input(Tensor.ofLongs(KitModels.SLEEP_TENSOR, new long[] {millis}, 1)).build();
  }

  static InferenceRequest fail(int grpcCode) {
    return InferenceRequest.builder(KitModels.FAIL)
        .input(Tensor.ofInts(KitModels.FAIL_TENSOR, new int[] {grpcCode}, 1)).build();
  }

  static InferenceRequest versioned(ModelRef ref) {
    return InferenceRequest.builder(ref)
        .input(Tensor.ofFloats(KitModels.VERSIONED_INPUT, new float[] {1f}, 1)).build();
  }

  static InferenceRequest unknownModel() {
    return InferenceRequest.builder(UNKNOWN_MODEL)
        .input(Tensor.ofFloats("x", new float[] {1f}, 1)).build();
  }

  /** A small FP32 tensor, for calls whose content does not matter. */
  static Tensor small(String name) {
    return Tensor.ofFloats(name, new float[] {1.5f, -2f, 0f}, 3);
  }

  /**
   * The scores {@link KitModels#CLASSIFIER} promises for these rows, computed here independently of
   * any server: softmax of the weights times each row, in float64.
   */
  static double[][] expectedScores(float[][] rows) {
    double[][] w = KitModels.classifierWeights();
    double[][] out = new double[rows.length][w.length];
    for (int r = 0; r < rows.length; r++) {
      double[] logits = new double[w.length];
      double max = Double.NEGATIVE_INFINITY;
      for (int k = 0; k < w.length; k++) {
        for (int j = 0; j < rows[r].length; j++) {
          logits[k] += w[k][j] * rows[r][j];
        }
        max = Math.max(max, logits[k]);
      }
      double sum = 0;
      for (int k = 0; k < w.length; k++) {
        out[r][k] = Math.exp(logits[k] - max);
        sum += out[r][k];
      }
      for (int k = 0; k < w.length; k++) {
        out[r][k] /= sum;
      }
    }
    return out;
  }

  /** The class with the highest score; the first one on a tie. */
  static String bestClass(double[] scores) {
    int best = 0;
    for (int k = 1; k < scores.length; k++) {
      if (scores[k] > scores[best]) {
        best = k;
      }
    }
    return KitModels.CLASSES.get(best);
  }
}
