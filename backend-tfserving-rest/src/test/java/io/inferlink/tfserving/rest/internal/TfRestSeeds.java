package io.inferlink.tfserving.rest.internal;

import io.inferlink.DataType;
import io.inferlink.InferenceRequest;
import io.inferlink.Tensor;
import io.inferlink.fuzz.RandomTensors;
import io.inferlink.testkit.KitModels;
import io.inferlink.testkit.emulator.Emulator;
import io.inferlink.testkit.emulator.tfserving.TfServingRestFrontend;
import io.inferlink.tfserving.Example;
import io.inferlink.tfserving.ExampleInput;
import io.inferlink.tfserving.rest.TfServingRestOptions.RequestFormat;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Real TF Serving REST answers for the decoder properties to mutate: what the emulator's TF Serving
 * frontend answers to requests written by our own writers (predict in both forms, every dtype,
 * scalars, empty and multi-output tensors; metadata; status; classify; regress). Collected once, then
 * the emulator is closed. Plain JDK HTTP, so the client under test is not involved in making them.
 */
final class TfRestSeeds {
  final List<byte[]> predict = new ArrayList<>();
  final List<byte[]> metadata = new ArrayList<>();
  final List<byte[]> status = new ArrayList<>();
  final List<byte[]> classifyRegress = new ArrayList<>();

  private static TfRestSeeds instance;

  /** The seeds, collected on first use. */
  static synchronized TfRestSeeds get() {
    if (instance == null) {
      instance = new TfRestSeeds();
    }
    return instance;
  }

  private TfRestSeeds() {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    try (Emulator emulator = Emulator.builder().frontend(new TfServingRestFrontend()).build().start()) {
      String base = "http://127.0.0.1:" + emulator.port(TfServingRestFrontend.PROTOCOL) + "/v1/models/";
      Random r = new Random(7);
      for (int i = 0; i < 60; i++) {
        List<Tensor> inputs = new ArrayList<>();
        int n = i % 5 == 4 ? 2 : 1;
        DataType[] types = DataType.values();
        for (int k = 0; k < n; k++) {
          DataType dtype = types[r.nextInt(types.length)];
          inputs.add(RandomTensors.of(r, KitModels.identityTensorName(dtype), dtype, false));
        }
        if (n == 2 && inputs.get(0).name().equals(inputs.get(1).name())) {
          continue;
        }
        RequestFormat format = i % 2 == 0 ? RequestFormat.COLUMNAR : RequestFormat.ROW;
        byte[] body;
        try {
          InferenceRequest request = InferenceRequest.builder(KitModels.IDENTITY).inputs(inputs.toArray(new Tensor[0])).build();
          ByteArrayOutputStream out = new ByteArrayOutputStream();
          PredictRequestWriter.write(request, request.inputs().values(), format, true, out);
          body = out.toByteArray();
        } catch (RuntimeException e) {
          continue; // a request the writer refuses (rows without a shared first dimension, FP16 in JSON)
        }
        add(predict, post(http, base + KitModels.IDENTITY + ":predict", body));
      }
      for (String model : List.of(KitModels.IDENTITY, KitModels.ADD_ONE, KitModels.CLASSIFIER, "versioned")) {
        add(metadata, get(http, base + model + "/metadata"));
        add(status, get(http, base + model));
      }
      add(classifyRegress, post(http, base + KitModels.CLASSIFIER + ":classify", examples(
          Example.builder().floats("x", 5.1f, 3.5f, 1.4f, 0.2f).build(),
          Example.builder().floats("x", 6.7f, 3.1f, 4.4f, 1.4f).build())));
      add(classifyRegress, post(http, base + KitModels.ADD_ONE + ":regress", examples(
          Example.builder().floats("x", 1f).build(), Example.builder().floats("x", -2.5f).build())));
    }
    if (predict.size() < 20 || metadata.size() < 4 || status.size() < 4 || classifyRegress.size() < 2) {
      throw new IllegalStateException("the emulator gave too few seed answers: " + predict.size() + " predict, "
          + metadata.size() + " metadata, " + status.size() + " status, " + classifyRegress.size() + " classify/regress");
    }
  }

  private static byte[] examples(Example... examples) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ExamplesJson.request(null, ExampleInput.of(examples), out);
    return out.toByteArray();
  }

  private static void add(List<byte[]> to, HttpResponse<byte[]> answer) {
    if (answer.statusCode() == 200) {
      to.add(answer.body());
    }
  }

  private static HttpResponse<byte[]> post(HttpClient http, String url, byte[] body) {
    return send(http, HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  private static HttpResponse<byte[]> get(HttpClient http, String url) {
    return send(http, HttpRequest.newBuilder(URI.create(url)).GET());
  }

  private static HttpResponse<byte[]> send(HttpClient http, HttpRequest.Builder request) {
    try {
      return http.send(request.timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json").build(),
          HttpResponse.BodyHandlers.ofByteArray());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
