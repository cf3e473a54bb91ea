package io.inferlink.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.inferlink.emulator.kservev1.KServeV1RestFrontend;
import io.inferlink.emulator.oip.OipGrpcFrontend;
import io.inferlink.emulator.oip.OipRestFrontend;
import io.inferlink.emulator.ovms.OvmsFrontends;
import io.inferlink.emulator.ovms.OvmsRelease;
import io.inferlink.emulator.tfserving.TfServingGrpcFrontend;
import io.inferlink.emulator.tfserving.TfServingRestFrontend;
import io.inferlink.protos.internal.inference.GRPCInferenceServiceGrpc;
import io.inferlink.protos.internal.inference.ServerReadyRequest;
import io.inferlink.protos.internal.tensorflow.serving.GetModelStatusRequest;
import io.inferlink.protos.internal.tensorflow.serving.ModelServiceGrpc;
import io.inferlink.protos.internal.tensorflow.serving.ModelSpec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The overload switch on every protocol frontend: refused with the protocol's 503 or UNAVAILABLE and
 * when to come back while on, served again once off.
 */
class OverloadTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static final Metadata.Key<String> PUSHBACK =
      Metadata.Key.of("grpc-retry-pushback-ms", Metadata.ASCII_STRING_MARSHALLER);

  static Stream<Arguments> restFrontends() {
    return Stream.of(
        Arguments.of("kserve-v2-rest", (Supplier<ProtocolFrontend>) OipRestFrontend::new, "/v2/models/add_one/ready"),
        Arguments.of("kserve-v1-rest", (Supplier<ProtocolFrontend>) KServeV1RestFrontend::new, "/v1/models/add_one"),
        Arguments.of("tfserving-rest", (Supplier<ProtocolFrontend>) TfServingRestFrontend::new, "/v1/models/add_one"),
        Arguments.of("ovms-rest", (Supplier<ProtocolFrontend>) () -> OvmsFrontends.of(OvmsRelease.V2026_2).rest(),
            "/v1/models/add_one"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("restFrontends")
  void restAnswers503WithRetryAfterAndTheProtocolsErrorBody(String name, Supplier<ProtocolFrontend> frontend, String path)
      throws Exception {
    ProtocolFrontend f = frontend.get();
    try (Emulator emulator = Emulator.builder().frontend(f).build().start()) {
      URI uri = URI.create("http://127.0.0.1:" + emulator.port(f.protocol()) + path);
      assertEquals(200, get(uri).statusCode(), "served before the overload");

      emulator.overload(Duration.ofMillis(1_500));
      HttpResponse<String> refused = get(uri);
      assertEquals(503, refused.statusCode(), refused.body());
      assertEquals("2", refused.headers().firstValue("retry-after").orElse(null), "delta-seconds, rounded up");
      assertEquals("application/json", refused.headers().firstValue("content-type").orElse(null));
      JsonNode error = JSON.readTree(refused.body());
      assertEquals(1, error.size(), "only the protocol's {\"error\": msg}: " + refused.body());
      assertTrue(error.path("error").asText().contains("overloaded"), refused.body());

      emulator.endOverload();
      assertEquals(200, get(uri).statusCode(), "served again after the overload");
      assertEquals(1, emulator.overloadRefusals());
    }
  }

  static Stream<Arguments> grpcFrontends() {
    Consumer<ManagedChannel> oipReady = c -> GRPCInferenceServiceGrpc.newBlockingStub(c)
        .withDeadlineAfter(10, TimeUnit.SECONDS).serverReady(ServerReadyRequest.getDefaultInstance());
    Consumer<ManagedChannel> tfsStatus = c -> ModelServiceGrpc.newBlockingStub(c).withDeadlineAfter(10, TimeUnit.SECONDS)
        .getModelStatus(GetModelStatusRequest.newBuilder().setModelSpec(ModelSpec.newBuilder().setName("add_one")).build());
    return Stream.of(
        Arguments.of("kserve-v2-grpc", (Supplier<ProtocolFrontend>) OipGrpcFrontend::new, oipReady),
        Arguments.of("tfserving-grpc", (Supplier<ProtocolFrontend>) TfServingGrpcFrontend::new, tfsStatus),
        Arguments.of("ovms-grpc (KServe API)", (Supplier<ProtocolFrontend>) () -> OvmsFrontends.of(OvmsRelease.V2026_2).grpc(),
            oipReady),
        Arguments.of("ovms-grpc (TF Serving API)",
            (Supplier<ProtocolFrontend>) () -> OvmsFrontends.of(OvmsRelease.V2026_2).grpc(), tfsStatus));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("grpcFrontends")
  void grpcClosesWithUnavailableAndPushback(String name, Supplier<ProtocolFrontend> frontend, Consumer<ManagedChannel> call)
      throws Exception {
    ProtocolFrontend f = frontend.get();
    try (Emulator emulator = Emulator.builder().frontend(f).build().start()) {
      ManagedChannel channel = Grpc.newChannelBuilderForAddress("127.0.0.1", emulator.port(f.protocol()),
          InsecureChannelCredentials.create()).build();
      try {
        call.accept(channel); // served before the overload

        emulator.overload(Duration.ofMillis(1_500));
        StatusRuntimeException refused = assertThrows(StatusRuntimeException.class, () -> call.accept(channel));
        assertEquals(Status.Code.UNAVAILABLE, refused.getStatus().getCode());
        assertTrue(refused.getStatus().getDescription().contains("overloaded"), refused.getStatus().toString());
        assertEquals("1500", refused.getTrailers().get(PUSHBACK), "milliseconds, as asked");

        emulator.endOverload();
        call.accept(channel); // served again
        assertEquals(1, emulator.overloadRefusals());
      } finally {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      }
    }
  }

  private static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
