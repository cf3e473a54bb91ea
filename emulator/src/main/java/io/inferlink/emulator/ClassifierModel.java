package io.inferlink.emulator;

import io.inferlink.DataType;
import io.inferlink.ModelMetadata;
import io.inferlink.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@link KitContract#CLASSIFIER}: softmax of a fixed linear function of four features, and the name of
 * the best class; also classifies examples whose float feature {@code x} has four values. Stateless
 * and thread-safe.
 */
final class ClassifierModel implements ScriptedModel {
  private static final int FEATURES = 4;
  private static final ModelMetadata METADATA = ModelInputs.metadata(KitContract.CLASSIFIER, List.of("1"),
      List.of(ModelInputs.spec(KitContract.CLASSIFIER_INPUT, DataType.FP32, -1, FEATURES)),
      List.of(ModelInputs.spec(KitContract.CLASSIFIER_LABEL, DataType.BYTES, -1),
          ModelInputs.spec(KitContract.CLASSIFIER_SCORES, DataType.FP32, -1, KitContract.CLASSES.size())));

  private final double[][] weights = KitContract.classifierWeights();

  @Override
  public String name() {
    return KitContract.CLASSIFIER;
  }

  @Override
  public ModelMetadata metadata(String version) {
    return METADATA;
  }

  @Override
  public List<Tensor> infer(ModelCall call) {
    Tensor x = ModelInputs.require(call, KitContract.CLASSIFIER_INPUT, DataType.FP32);
    ModelInputs.onlyThese(call, KitContract.CLASSIFIER_INPUT);
    long[] shape = x.shape();
    if (shape.length != 2 || shape[1] != FEATURES) {
      throw ScriptedFailure.invalidArgument(KitContract.CLASSIFIER + ": input '" + KitContract.CLASSIFIER_INPUT
          + "' must have shape [N, 4], got " + Arrays.toString(shape));
    }
    int rows = (int) shape[0];
    int classes = weights.length;
    float[] features = x.toFloatArray();
    String[] labels = new String[rows];
    float[] scores = new float[rows * classes];
    for (int r = 0; r < rows; r++) {
      labels[r] = KitContract.CLASSES.get(score(features, r * FEATURES, scores, r * classes));
    }
    return List.of(Tensor.ofStrings(KitContract.CLASSIFIER_LABEL, labels, rows),
        Tensor.ofFloats(KitContract.CLASSIFIER_SCORES, scores, rows, classes));
  }

  @Override
  public boolean classifies() {
    return true;
  }

  @Override
  public List<List<ClassScore>> classify(ModelCall call, List<Example> examples) {
    call.checkNotCancelled();
    List<List<ClassScore>> results = new ArrayList<>();
    float[] scores = new float[weights.length];
    for (Example e : examples) {
      score(e.floats(KitContract.CLASSIFIER, KitContract.CLASSIFIER_INPUT, FEATURES), 0, scores, 0);
      List<ClassScore> classes = new ArrayList<>();
      for (int k = 0; k < scores.length; k++) {
        classes.add(new ClassScore(KitContract.CLASSES.get(k), scores[k]));
      }
      results.add(List.copyOf(classes));
    }
    return List.copyOf(results);
  }

  /** Writes one row's softmax scores at {@code to} and returns the index of the best class. */
  private int score(float[] features, int from, float[] scores, int to) {
    int classes = weights.length;
    double[] logits = new double[classes];
    int best = 0;
    for (int k = 0; k < classes; k++) {
      for (int j = 0; j < FEATURES; j++) {
        logits[k] += weights[k][j] * features[from + j];
      }
      // Strictly greater: a tie keeps the earlier class, as the contract says.
      if (logits[k] > logits[best]) {
        best = k;
      }
    }
    double sum = 0;
    double[] exps = new double[classes];
    for (int k = 0; k < classes; k++) {
      exps[k] = Math.exp(logits[k] - logits[best]);
      sum += exps[k];
    }
    for (int k = 0; k < classes; k++) {
      scores[to + k] = (float) (exps[k] / sum);
    }
    return best;
  }
}
