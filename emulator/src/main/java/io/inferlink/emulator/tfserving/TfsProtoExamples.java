package io.inferlink.emulator.tfserving;

import com.google.protobuf.ByteString;
import io.inferlink.emulator.ClassScore;
import io.inferlink.emulator.Example;
import io.inferlink.emulator.Feature;
import io.inferlink.protos.internal.tensorflow.Features;
import io.inferlink.protos.internal.tensorflow.serving.ClassificationProtos.Class;
import io.inferlink.protos.internal.tensorflow.serving.ClassificationProtos.ClassificationResult;
import io.inferlink.protos.internal.tensorflow.serving.ClassificationProtos.Classifications;
import io.inferlink.protos.internal.tensorflow.serving.Input;
import io.inferlink.protos.internal.tensorflow.serving.Regression;
import io.inferlink.protos.internal.tensorflow.serving.RegressionResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code tensorflow.serving.Input} to neutral {@link Example}s (an {@code example_list}, or an
 * {@code example_list_with_context} whose context features are merged into every example, the
 * example's own winning as in TF), and the scripted results to {@code ClassificationResult} and
 * {@code RegressionResult}. Stateless.
 */
final class TfsProtoExamples {
  private TfsProtoExamples() {}

  /** The examples of an input; none when the input has no kind (TF then says the input is empty). */
  static List<Example> read(Input input) {
    List<io.inferlink.protos.internal.tensorflow.Example> examples;
    Map<String, Feature> context = Map.of();
    switch (input.getKindCase()) {
      case EXAMPLE_LIST:
        examples = input.getExampleList().getExamplesList();
        break;
      case EXAMPLE_LIST_WITH_CONTEXT:
        examples = input.getExampleListWithContext().getExamplesList();
        context = features(input.getExampleListWithContext().getContext().getFeatures());
        break;
      default:
        return List.of();
    }
    List<Example> result = new ArrayList<>();
    for (io.inferlink.protos.internal.tensorflow.Example e : examples) {
      Map<String, Feature> merged = new LinkedHashMap<>(context);
      merged.putAll(features(e.getFeatures()));
      result.add(new Example(merged));
    }
    return result;
  }

  static ClassificationResult classifications(List<List<ClassScore>> results) {
    ClassificationResult.Builder b = ClassificationResult.newBuilder();
    for (List<ClassScore> classes : results) {
      Classifications.Builder one = Classifications.newBuilder();
      for (ClassScore c : classes) {
        one.addClasses(Class.newBuilder().setLabel(c.label()).setScore(c.score()));
      }
      b.addClassifications(one);
    }
    return b.build();
  }

  static RegressionResult regressions(float[] values) {
    RegressionResult.Builder b = RegressionResult.newBuilder();
    for (float v : values) {
      b.addRegressions(Regression.newBuilder().setValue(v));
    }
    return b.build();
  }

  private static Map<String, Feature> features(Features features) {
    Map<String, Feature> out = new LinkedHashMap<>();
    features.getFeatureMap().forEach((name, f) -> out.put(name, feature(f)));
    return out;
  }

  private static Feature feature(io.inferlink.protos.internal.tensorflow.Feature f) {
    switch (f.getKindCase()) {
      case BYTES_LIST: {
        List<byte[]> values = new ArrayList<>();
        for (ByteString v : f.getBytesList().getValueList()) {
          values.add(v.toByteArray());
        }
        return new Feature.Bytes(values);
      }
      case INT64_LIST: {
        List<Long> values = f.getInt64List().getValueList();
        return new Feature.Int64s(values.stream().mapToLong(Long::longValue).toArray());
      }
      case FLOAT_LIST: {
        List<Float> values = f.getFloatList().getValueList();
        float[] floats = new float[values.size()];
        for (int i = 0; i < floats.length; i++) {
          floats[i] = values.get(i);
        }
        return new Feature.Floats(floats);
      }
      default:
        // A feature without a kind holds no values; the REST frontend reads an empty list the same way.
        return new Feature.Floats(new float[0]);
    }
  }
}
