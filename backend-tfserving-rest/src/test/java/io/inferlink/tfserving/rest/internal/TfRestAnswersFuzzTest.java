package io.inferlink.tfserving.rest.internal;

import io.inferlink.DataType;
import io.inferlink.TensorSpec;
import io.inferlink.fuzz.DecoderEscapes;
import io.inferlink.fuzz.Mutations;
import io.inferlink.transport.http.internal.ByteChunks;
import io.inferlink.transport.http.internal.HttpExchange;
import io.inferlink.transport.http.internal.HttpResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Every TF Serving REST reader on mutated and random answers, through {@link HttpExchange#decode}, the
 * edge the client reads through: only an {@link io.inferlink.InferenceException} may come out. Seeds are the
 * emulator's answers ({@link TfRestSeeds}); bodies arrive in one chunk or several, as the transport
 * delivers them; predict answers are typed by no signature or by a random one.
 */
class TfRestAnswersFuzzTest {
  private static final List<String> VOCABULARY = List.of("outputs", "predictions", "b64", "signature_def",
      "metadata", "model_spec", "name", "version", "inputs", "dtype", "tensor_shape", "dim", "size", "unknown_rank",
      "model_version_status", "state", "status", "error_code", "error_message", "results", "x", "y", "x_fp32");

  @Provide
  Arbitrary<byte[]> predictAnswers() {
    return Mutations.json(TfRestSeeds.get().predict, VOCABULARY);
  }

  @Provide
  Arbitrary<byte[]> metadataAnswers() {
    return Mutations.json(TfRestSeeds.get().metadata, VOCABULARY);
  }

  @Provide
  Arbitrary<byte[]> statusAnswers() {
    return Mutations.json(TfRestSeeds.get().status, VOCABULARY);
  }

  @Provide
  Arbitrary<byte[]> classifyRegressAnswers() {
    return Mutations.json(TfRestSeeds.get().classifyRegress, VOCABULARY);
  }

  @Provide
  Arbitrary<OutputTypes> signatures() {
    return Arbitraries.randomValue(r -> {
      if (r.nextInt(3) == 0) {
        return OutputTypes.UNKNOWN;
      }
      List<String> names = List.of("outputs", "x", "y", "a", "x_fp32", "x_int64", "x_bytes", "scores", "label");
      List<TensorSpec> specs = new ArrayList<>();
      for (int i = 0, n = 1 + r.nextInt(3); i < n; i++) {
        String name = names.get(r.nextInt(names.size()));
        if (specs.stream().noneMatch(s -> s.name().equals(name))) {
          specs.add(new TensorSpec(name, DataType.values()[r.nextInt(DataType.values().length)], new long[] {-1}));
        }
      }
      return OutputTypes.of(specs);
    });
  }

  @Property
  void predict(@ForAll("predictAnswers") byte[] body, @ForAll("signatures") OutputTypes types, @ForAll long split) {
    DecoderEscapes.onlyInferenceExceptions("TF REST predict reader", body,
        () -> edge(answer(body, split), h -> TfAnswers.outputs(h, types)));
  }

  @Property
  void metadata(@ForAll("metadataAnswers") byte[] body, @ForAll long split) {
    HttpResult http = answer(body, split);
    DecoderEscapes.onlyInferenceExceptions("TF REST metadata reader", body, () -> edge(http, h -> TfAnswers.metadata(h, "m")));
    DecoderEscapes.onlyInferenceExceptions("TF REST signature reader", body, () -> edge(http, h -> TfAnswers.signatures(h, "m")));
  }

  @Property
  void status(@ForAll("statusAnswers") byte[] body, @ForAll long split) {
    DecoderEscapes.onlyInferenceExceptions("TF REST status reader", body, () -> edge(answer(body, split), TfAnswers::status));
  }

  @Property
  void classifyAndRegress(@ForAll("classifyRegressAnswers") byte[] body, @ForAll long split) {
    HttpResult http = answer(body, split);
    DecoderEscapes.onlyInferenceExceptions("TF REST classify reader", body,
        () -> edge(http, h -> ExamplesJson.classifications(h.body())));
    DecoderEscapes.onlyInferenceExceptions("TF REST regress reader", body,
        () -> edge(http, h -> ExamplesJson.regressions(h.body())));
  }

  /** The reader as the exchange runs it on a 2xx answer. */
  private static <T> T edge(HttpResult http, java.util.function.Function<HttpResult, T> read) {
    return HttpExchange.decode(http, read, "fuzz", TfAnswers.PROTOCOL);
  }

  private static HttpResult answer(byte[] body, long split) {
    return HttpResult.of(200, Map.of("content-type", List.of("application/json")),
        ByteChunks.of(Mutations.chunks(body, new Random(split))));
  }
}
