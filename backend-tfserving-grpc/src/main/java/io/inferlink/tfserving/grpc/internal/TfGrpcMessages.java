package io.inferlink.tfserving.grpc.internal;

import com.google.protobuf.ByteString;
import com.google.protobuf.Int64Value;
import io.inferlink.ModelRef;
import io.inferlink.protos.internal.tensorflow.BytesList;
import io.inferlink.protos.internal.tensorflow.Features;
import io.inferlink.protos.internal.tensorflow.FloatList;
import io.inferlink.protos.internal.tensorflow.Int64List;
import io.inferlink.protos.internal.tensorflow.serving.ClassificationProtos;
import io.inferlink.protos.internal.tensorflow.serving.ExampleList;
import io.inferlink.protos.internal.tensorflow.serving.ExampleListWithContext;
import io.inferlink.protos.internal.tensorflow.serving.Input;
import io.inferlink.protos.internal.tensorflow.serving.ModelSpec;
import io.inferlink.protos.internal.tensorflow.serving.RegressionResult;
import io.inferlink.tfserving.Classification;
import io.inferlink.tfserving.Example;
import io.inferlink.tfserving.ExampleInput;
import io.inferlink.tfserving.Feature;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Between Inferlink's values and TF Serving's messages: model specs, examples, results. */
final class TfGrpcMessages {
  private TfGrpcMessages() {}

  /** A ModelSpec: name, version ({@code Int64Value}) or label, and signature when given. */
  static ModelSpec modelSpec(ModelRef ref, String signatureName) {
    ModelSpec.Builder spec = ModelSpec.newBuilder().setName(ref.name());
    if (ref.hasVersion()) {
      spec.setVersion(Int64Value.of(ref.numericVersion().getAsLong()));
    } else if (ref.hasLabel()) {
      spec.setVersionLabel(ref.label());
    }
    if (signatureName != null) {
      spec.setSignatureName(signatureName);
    }
    return spec.build();
  }

  /** The version a response's ModelSpec names, or {@code null}. */
  static String version(ModelSpec spec) {
    return spec.hasVersion() ? Long.toString(spec.getVersion().getValue()) : null;
  }

  static Input input(ExampleInput in) {
    if (in.context() == null) {
      ExampleList.Builder list = ExampleList.newBuilder();
      in.examples().forEach(e -> list.addExamples(example(e)));
      return Input.newBuilder().setExampleList(list).build();
    }
    ExampleListWithContext.Builder list = ExampleListWithContext.newBuilder().setContext(example(in.context()));
    in.examples().forEach(e -> list.addExamples(example(e)));
    return Input.newBuilder().setExampleListWithContext(list).build();
  }

  private static io.inferlink.protos.internal.tensorflow.Example example(Example e) {
    Features.Builder features = Features.newBuilder();
    for (Map.Entry<String, Feature> f : e.features().entrySet()) {
      features.putFeature(f.getKey(), feature(f.getValue()));
    }
    return io.inferlink.protos.internal.tensorflow.Example.newBuilder().setFeatures(features).build();
  }

  private static io.inferlink.protos.internal.tensorflow.Feature feature(Feature f) {
    io.inferlink.protos.internal.tensorflow.Feature.Builder b = io.inferlink.protos.internal.tensorflow.Feature.newBuilder();
    switch (f.kind()) {
      case BYTES: {
        BytesList.Builder list = BytesList.newBuilder();
        f.bytesValues().forEach(v -> list.addValue(ByteString.copyFrom(v)));
        return b.setBytesList(list).build();
      }
      case FLOAT: {
        FloatList.Builder list = FloatList.newBuilder();
        for (float v : f.floatValues()) {
          list.addValue(v);
        }
        return b.setFloatList(list).build();
      }
      default: {
        Int64List.Builder list = Int64List.newBuilder();
        for (long v : f.int64Values()) {
          list.addValue(v);
        }
        return b.setInt64List(list).build();
      }
    }
  }

  static List<List<Classification>> classifications(ClassificationProtos.ClassificationResult result) {
    List<List<Classification>> out = new ArrayList<>();
    for (ClassificationProtos.Classifications perExample : result.getClassificationsList()) {
      List<Classification> classes = new ArrayList<>();
      for (ClassificationProtos.Class c : perExample.getClassesList()) {
        classes.add(new Classification(c.getLabel(), c.getScore()));
      }
      out.add(List.copyOf(classes));
    }
    return List.copyOf(out);
  }

  static List<Float> regressions(RegressionResult result) {
    List<Float> out = new ArrayList<>();
    result.getRegressionsList().forEach(r -> out.add(r.getValue()));
    return List.copyOf(out);
  }
}
