package io.inferlink.kserve.internal;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.inferlink.DataType;
import io.inferlink.InferenceRequest;
import io.inferlink.Tensor;
import io.inferlink.fuzz.RandomTensors;
import io.inferlink.protos.internal.inference.GRPCInferenceServiceGrpc;
import io.inferlink.protos.internal.inference.ModelMetadataRequest;
import io.inferlink.testkit.KitModels;
import io.inferlink.testkit.emulator.Emulator;
import io.inferlink.testkit.emulator.kservev1.KServeV1RestFrontend;
import io.inferlink.testkit.emulator.oip.OipGrpcFrontend;
import io.inferlink.testkit.emulator.oip.OipRestFrontend;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Real KServe V1 and Open Inference Protocol answers for the decoder properties to mutate: what the
 * emulator answers (REST JSON and binary, gRPC raw and typed) to requests written by our own writers,
 * for random tensors of every type, plus its metadata, server metadata, model lists and repository
 * index. Collected once, then the emulator is closed; plain JDK HTTP and a bare gRPC stub, so the
 * clients under test are not involved in making them.
 */
final class KServeSeeds {
  /** A V2 REST infer answer: the JSON header and the binary outputs after it (empty for pure JSON). */
  record V2Answer(byte[] json, byte[] binary) {}

  final List<byte[]> v1Predict = new ArrayList<>();
  final List<byte[]> v1Docs = new ArrayList<>();
  final List<V2Answer> v2Infer = new ArrayList<>();
  final List<byte[]> v2Docs = new ArrayList<>();
  final List<byte[]> grpcInfer = new ArrayList<>();
  final List<byte[]> grpcMetadata = new ArrayList<>();

  private static KServeSeeds instance;

  static synchronized KServeSeeds get() {
    if (instance == null) {
      instance = new KServeSeeds();
    }
    return instance;
  }

  private KServeSeeds() {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    try (Emulator emulator = Emulator.builder().frontend(new KServeV1RestFrontend()).frontend(new OipRestFrontend())
        .frontend(new OipGrpcFrontend()).build().start()) {
      String v1 = "http://127.0.0.1:" + emulator.port(KServeV1RestFrontend.PROTOCOL);
      String v2 = "http://127.0.0.1:" + emulator.port(OipRestFrontend.PROTOCOL);
      ManagedChannel channel = ManagedChannelBuilder.forAddress("127.0.0.1", emulator.port(OipGrpcFrontend.PROTOCOL))
          .usePlaintext().build();
      try {
        GRPCInferenceServiceGrpc.GRPCInferenceServiceBlockingStub grpc = GRPCInferenceServiceGrpc.newBlockingStub(channel)
            .withDeadlineAfter(60, TimeUnit.SECONDS);
        Random r = new Random(11);
        V2RestBinaryPolicy[] policies = {V2RestBinaryPolicy.NEVER, V2RestBinaryPolicy.AUTO, V2RestBinaryPolicy.ALWAYS};
        for (int i = 0; i < 60; i++) {
          InferenceRequest request = request(r, i % 4 == 3 ? 2 : 1, i % 3 == 0);
          try {
            byte[] body = V2RestTestSupport.bytes(V1InstancesWriter.write(request));
            HttpResponse<byte[]> a = post(http, v1 + "/v1/models/" + KitModels.IDENTITY + ":predict", body, null);
            if (a.statusCode() == 200) {
              v1Predict.add(a.body());
            }
          } catch (RuntimeException e) {
            // a request V1 cannot carry (FP16, rows without a shared first dimension)
          }
          try {
            V2RestEncodedRequest encoded = V2RestRequestWriter.write(request, policies[i % 3]);
            String length = encoded.inferenceHeaderContentLength().isPresent()
                ? Long.toString(encoded.inferenceHeaderContentLength().getAsLong()) : null;
            HttpResponse<byte[]> a = post(http, v2 + "/v2/models/" + KitModels.IDENTITY + "/infer",
                V2RestTestSupport.bytes(encoded.body()), length);
            if (a.statusCode() == 200) {
              int json = a.headers().firstValue(V2RestEncodedRequest.HEADER_LENGTH_HEADER).map(Integer::parseInt)
                  .orElse(a.body().length);
              v2Infer.add(new V2Answer(Arrays.copyOf(a.body(), json), Arrays.copyOfRange(a.body(), json, a.body().length)));
            }
          } catch (RuntimeException e) {
            // a request JSON cannot carry under NEVER
          }
          for (V2GrpcContentMode mode : V2GrpcContentMode.values()) {
            try {
              grpcInfer.add(grpc.modelInfer(V2GrpcRequestEncoder.encode(request, mode)).toByteArray());
            } catch (RuntimeException e) {
              // refused by the emulator: not a seed
            }
          }
        }
        // One small vector of every type as JSON, so each type's 'data' path has a seed to mutate.
        for (DataType dtype : DataType.values()) {
          Tensor t = RandomTensors.of(r, KitModels.identityTensorName(dtype), dtype, new long[] {3}, true);
          try {
            V2RestEncodedRequest encoded = V2RestRequestWriter.write(
                InferenceRequest.builder(KitModels.IDENTITY).input(t).build(), V2RestBinaryPolicy.NEVER);
            HttpResponse<byte[]> a = post(http, v2 + "/v2/models/" + KitModels.IDENTITY + "/infer",
                V2RestTestSupport.bytes(encoded.body()), null);
            if (a.statusCode() == 200) {
              v2Infer.add(new V2Answer(a.body(), new byte[0]));
            }
          } catch (RuntimeException e) {
            // FP16 and BF16 have no JSON form
          }
        }
        for (String model : List.of(KitModels.IDENTITY, KitModels.ADD_ONE, KitModels.CLASSIFIER, "versioned")) {
          addIfOk(v2Docs, get(http, v2 + "/v2/models/" + model));
          addIfOk(v1Docs, get(http, v1 + "/v1/models/" + model));
          grpcMetadata.add(grpc.modelMetadata(ModelMetadataRequest.newBuilder().setName(model).build()).toByteArray());
        }
        addIfOk(v2Docs, get(http, v2 + "/v2"));
        addIfOk(v2Docs, get(http, v2 + "/v2/models"));
        addIfOk(v2Docs, post(http, v2 + "/v2/repository/index", "{}".getBytes(StandardCharsets.UTF_8), null));
        addIfOk(v1Docs, get(http, v1 + "/v1/models"));
      } finally {
        channel.shutdownNow();
      }
    }
    if (v1Predict.size() < 10 || v2Infer.size() < 20 || grpcInfer.size() < 20 || v2Docs.size() < 5 || v1Docs.size() < 2) {
      throw new IllegalStateException("the emulator gave too few seed answers: " + v1Predict.size() + " V1, "
          + v2Infer.size() + " V2 REST, " + grpcInfer.size() + " V2 gRPC, " + v2Docs.size() + " V2 documents, "
          + v1Docs.size() + " V1 documents");
    }
  }

  /** One or two random inputs to the identity model, sometimes sharing a first dimension. */
  private static InferenceRequest request(Random r, int inputs, boolean finite) {
    InferenceRequest.Builder b = InferenceRequest.builder(KitModels.IDENTITY);
    List<String> names = new ArrayList<>();
    for (int k = 0; k < inputs; k++) {
      DataType dtype = DataType.values()[r.nextInt(DataType.values().length)];
      String name = KitModels.identityTensorName(dtype);
      if (!names.contains(name)) {
        names.add(name);
        b.input(RandomTensors.of(r, name, dtype, finite));
      }
    }
    return b.build();
  }

  private static void addIfOk(List<byte[]> to, HttpResponse<byte[]> answer) {
    if (answer.statusCode() == 200) {
      to.add(answer.body());
    }
  }

  private static HttpResponse<byte[]> post(HttpClient http, String url, byte[] body, String headerLength) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .header("Content-Type", headerLength == null ? "application/json" : "application/octet-stream");
    if (headerLength != null) {
      b.header(V2RestEncodedRequest.HEADER_LENGTH_HEADER, headerLength);
    }
    return send(http, b);
  }

  private static HttpResponse<byte[]> get(HttpClient http, String url) {
    return send(http, HttpRequest.newBuilder(URI.create(url)).GET());
  }

  private static HttpResponse<byte[]> send(HttpClient http, HttpRequest.Builder request) {
    try {
      return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
