package io.inferlink.kserve.internal;

import io.inferlink.DataType;
import io.inferlink.fuzz.DecoderEscapes;
import io.inferlink.fuzz.Mutations;
import io.inferlink.fuzz.RandomJson;
import io.inferlink.transport.http.internal.ByteChunks;
import io.inferlink.transport.http.internal.HttpExchange;
import io.inferlink.transport.http.internal.HttpResult;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The KServe V1 and Open Inference Protocol REST readers on mutated and random answers, through
 * {@link HttpExchange#decode}, the edge the clients read through: only an
 * {@link io.inferlink.InferenceException} may come out. V2 infer answers are mutated in their JSON
 * header, their binary part or both, and carry a right, wrong or missing
 * {@code Inference-Header-Content-Length}. Seeds: {@link KServeSeeds}.
 */
class KServeRestAnswersFuzzTest {
  private static final String V1 = "a KServe V1 response";
  private static final String V2 = "an Open Inference Protocol response";
  private static final List<String> VOCABULARY = List.of("predictions", "instances", "models", "name", "ready",
      "explanations", "model_name", "model_version", "id", "parameters", "outputs", "datatype", "shape", "data",
      "binary_data_size", "versions", "platform", "inputs", "extensions", "version", "state", "reason", "load",
      "unload");

  /** A V2 infer answer: its body and the header-length header, if any. */
  record V2Body(byte[] body, String headerLength) {
    @Override
    public String toString() {
      return "Inference-Header-Content-Length " + headerLength + ", " + DecoderEscapes.describe(body);
    }
  }

  @Provide
  Arbitrary<byte[]> v1Answers() {
    return Mutations.json(KServeSeeds.get().v1Predict, VOCABULARY);
  }

  @Provide
  Arbitrary<byte[]> v1Documents() {
    return Mutations.json(KServeSeeds.get().v1Docs, VOCABULARY);
  }

  @Provide
  Arbitrary<byte[]> v2Documents() {
    return Mutations.json(KServeSeeds.get().v2Docs, VOCABULARY);
  }

  @Provide
  Arbitrary<V2Body> v2Answers() {
    List<KServeSeeds.V2Answer> seeds = KServeSeeds.get().v2Infer;
    List<byte[]> headers = seeds.stream().map(KServeSeeds.V2Answer::json).toList();
    return Arbitraries.randomValue(r -> {
      KServeSeeds.V2Answer seed = seeds.get(r.nextInt(seeds.size()));
      byte[] json = seed.json();
      byte[] binary = seed.binary();
      switch (r.nextInt(6)) {
        case 0: json = RandomJson.document(r, VOCABULARY); break;
        case 1: binary = binary.length == 0 ? Mutations.randomBytes(r) : Mutations.mutateBinary(binary, r); break;
        case 2: json = Mutations.mutateJson(headers, r); binary = Mutations.mutateBinary(binary, r); break;
        default: json = Mutations.mutateJson(headers, r);
      }
      byte[] body = new byte[json.length + binary.length];
      System.arraycopy(json, 0, body, 0, json.length);
      System.arraycopy(binary, 0, body, json.length, binary.length);
      String[] odd = {null, "0", "-1", Integer.toString(json.length + 1), Integer.toString(json.length - 1),
          Integer.toString(body.length), Integer.toString(body.length + 1), "9223372036854775807", "2147483648", "x", ""};
      String length = r.nextInt(4) > 0 ? (binary.length > 0 || r.nextBoolean() ? Integer.toString(json.length) : null)
          : odd[r.nextInt(odd.length)];
      return new V2Body(body, length);
    });
  }

  @Property
  void v1Predictions(@ForAll("v1Answers") byte[] body, @ForAll boolean fp64, @ForAll long split) {
    DataType floatType = fp64 ? DataType.FP64 : DataType.FP32;
    DecoderEscapes.onlyInferenceExceptions("KServe V1 predictions reader", body,
        () -> HttpExchange.decode(answer(body, null, split), h -> V1RestClient.response(h, "m", floatType), "fuzz", V1));
  }

  @Property
  void v1Documents(@ForAll("v1Documents") byte[] body, @ForAll long split) {
    HttpResult http = answer(body, null, split);
    DecoderEscapes.onlyInferenceExceptions("KServe V1 model list reader", body,
        () -> HttpExchange.decode(http, h -> V1Docs.models(h.body()), "fuzz", V1));
    DecoderEscapes.onlyInferenceExceptions("KServe V1 readiness reader", body,
        () -> HttpExchange.decode(http, h -> V1Docs.ready(h.body()), "fuzz", V1));
    DecoderEscapes.onlyInferenceExceptions("KServe V1 explanation reader", body,
        () -> HttpExchange.decode(http, h -> V1Docs.explanation(h.body(), DataType.FP32), "fuzz", V1));
  }

  @Property
  void v2Infer(@ForAll("v2Answers") V2Body answer, @ForAll long split) {
    DecoderEscapes.onlyInferenceExceptions("V2 REST response reader", answer, () -> HttpExchange.decode(
        answer(answer.body(), answer.headerLength(), split), h -> V2RestResponseReader.read(h).response(), "fuzz", V2));
  }

  @Property
  void v2Documents(@ForAll("v2Documents") byte[] body, @ForAll long split) {
    HttpResult http = answer(body, null, split);
    DecoderEscapes.onlyInferenceExceptions("V2 model metadata reader", body,
        () -> HttpExchange.decode(http, h -> V2RestDocs.model(h.body()), "fuzz", V2));
    DecoderEscapes.onlyInferenceExceptions("V2 server metadata reader", body,
        () -> HttpExchange.decode(http, h -> V2RestDocs.server(h.body()), "fuzz", V2));
    DecoderEscapes.onlyInferenceExceptions("V2 repository index reader", body,
        () -> HttpExchange.decode(http, h -> V2RestRepositoryDocs.tritonIndex(h.body()), "fuzz", V2));
    DecoderEscapes.onlyInferenceExceptions("V2 model list reader", body,
        () -> HttpExchange.decode(http, h -> V2RestRepositoryDocs.kserveModels(h.body()), "fuzz", V2));
    DecoderEscapes.onlyInferenceExceptions("V2 load answer reader", body,
        () -> HttpExchange.decode(http, h -> V2RestRepositoryDocs.refuses(h.body(), "load"), "fuzz", V2));
  }

  private static HttpResult answer(byte[] body, String headerLength, long split) {
    Map<String, List<String>> headers = headerLength == null
        ? Map.of("content-type", List.of("application/json"))
        : Map.of("content-type", List.of("application/octet-stream"),
            V2RestEncodedRequest.HEADER_LENGTH_HEADER.toLowerCase(java.util.Locale.ROOT), List.of(headerLength));
    return HttpResult.of(200, headers, ByteChunks.of(Mutations.chunks(body, new Random(split))));
  }
}
