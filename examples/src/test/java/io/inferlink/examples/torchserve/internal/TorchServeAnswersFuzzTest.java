package io.inferlink.examples.torchserve.internal;

import io.inferlink.DataType;
import io.inferlink.Tensor;
import io.inferlink.fuzz.DecoderEscapes;
import io.inferlink.fuzz.Mutations;
import io.inferlink.fuzz.RandomTensors;
import io.inferlink.spi.support.MalformedAnswerException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The template's answer readers on mutated and random answers, through the client's edge
 * ({@link TorchServeClient#response}) and {@link TorchServeJson}: only an
 * {@link io.inferlink.InferenceException} may come out of the predictions reader, and the documents'
 * readers answer or refuse with their own malformed-answer exception, which the client maps. Seeds
 * are bodies of the convention written by {@link TorchServeJson} for random tensors, a bare list and
 * a bare value, and TorchServe's ping, model description and error documents.
 */
class TorchServeAnswersFuzzTest {
  private static final List<String> VOCABULARY = List.of("y", "output", "scores", "status", "workers", "code",
      "type", "message");

  @Provide
  Arbitrary<byte[]> answers() {
    Random r = new Random(4);
    List<byte[]> seeds = new ArrayList<>();
    DataType[] types = {DataType.FP32, DataType.INT64, DataType.BOOL, DataType.BYTES};
    for (int i = 0; i < 40; i++) {
      List<Tensor> outputs = new ArrayList<>();
      outputs.add(RandomTensors.of(r, "y", types[r.nextInt(types.length)], false));
      if (i % 3 == 0) {
        outputs.add(RandomTensors.of(r, "scores", types[r.nextInt(types.length)], false));
      }
      try {
        seeds.add(TorchServeJson.write(outputs));
      } catch (RuntimeException e) {
        // a BYTES element that is not UTF-8: not a body of the convention
      }
    }
    seeds.add(utf8("[[0.1, 0.9], [0.8, 0.2]]"));
    seeds.add(utf8("42"));
    seeds.add(utf8("{\"status\": \"Healthy\"}"));
    seeds.add(utf8("[{\"modelName\": \"m\", \"workers\": [{\"id\": \"9000\", \"status\": \"READY\"}]}]"));
    seeds.add(utf8("{\"code\": 404, \"type\": \"ModelNotFoundException\", \"message\": \"Model not found: m\"}"));
    return Mutations.json(seeds, VOCABULARY);
  }

  @Property
  void predictions(@ForAll("answers") byte[] body) {
    DecoderEscapes.onlyInferenceExceptions("TorchServe template predictions reader", body,
        () -> TorchServeClient.response(new TorchServeClient.Answer(200, body, java.net.URI.create("http://127.0.0.1/predictions/m"), io.inferlink.spi.support.SecretScrubber.NONE), "fuzz"));
  }

  @Property
  void documents(@ForAll("answers") byte[] body) {
    DecoderEscapes.onlyExactly(MalformedAnswerException.class, "TorchServe template model description reader", body,
        () -> TorchServeJson.hasReadyWorker(body));
    DecoderEscapes.onlyExactly(MalformedAnswerException.class, "TorchServe template ping reader", body,
        () -> TorchServeJson.pingStatus(body));
    DecoderEscapes.onlyExactly(MalformedAnswerException.class, "TorchServe template error reader", body,
        () -> TorchServeJson.errorMessage(body));
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
