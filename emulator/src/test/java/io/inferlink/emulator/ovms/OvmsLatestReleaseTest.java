package io.inferlink.emulator.ovms;

import static io.inferlink.emulator.ovms.OvmsHttp.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.inferlink.emulator.Emulator;
import io.inferlink.protos.internal.inference.GRPCInferenceServiceGrpc;
import io.inferlink.protos.internal.inference.ServerMetadataRequest;
import io.inferlink.protos.internal.tensorflow.serving.ModelSpec;
import io.inferlink.protos.internal.tensorflow.serving.PredictRequest;
import io.inferlink.protos.internal.tensorflow.serving.PredictionServiceGrpc;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** An emulated OVMS 2026.3: no TF Serving API any more; OpenAI-style answers on /v1/models. */
class OvmsLatestReleaseTest {
  private static Emulator emulator;

  @BeforeAll
  static void start() {
    OvmsFrontends ovms = OvmsFrontends.of(OvmsRelease.V2026_3);
    emulator = Emulator.builder().frontend(ovms.rest()).frontend(ovms.grpc()).build().start();
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  @Test
  void v1ModelsPathsAnswerOpenAiStyleJson() throws Exception {
    OvmsHttp http = new OvmsHttp(emulator.port(OvmsFrontends.REST_PROTOCOL));
    HttpResponse<byte[]> list = http.get("/v1/models");
    assertEquals(200, list.statusCode());
    assertEquals("list", json(list).path("object").asText());
    assertEquals("identity", json(list).path("data").get(0).path("id").asText());
    HttpResponse<byte[]> model = http.get("/v1/models/add_one");
    assertEquals("model", json(model).path("object").asText());
    assertEquals(406, http.post("/v1/models/add_one:predict", "{\"inputs\": {\"x\": [[1.0]]}}").statusCode());
    assertEquals(400, http.get("/v1/models/add_one/metadata").statusCode());
    assertEquals(404, http.get("/v1/models/nope").statusCode());
    assertEquals(200, http.post("/v2/models/add_one/infer",
        "{\"inputs\": [{\"name\": \"x\", \"shape\": [1, 1], \"datatype\": \"FP32\", \"data\": [1.0]}]}").statusCode());
    assertEquals("2026.3.0", json(http.get("/v2")).path("version").asText());
  }

  @Test
  void tfServingGrpcServicesAreGone() throws Exception {
    ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", emulator.port(OvmsFrontends.GRPC_PROTOCOL))
        .usePlaintext().build();
    try {
      StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> PredictionServiceGrpc
          .newBlockingStub(channel).predict(PredictRequest.newBuilder().setModelSpec(ModelSpec.newBuilder().setName("add_one")).build()));
      assertEquals(Status.Code.UNIMPLEMENTED, e.getStatus().getCode());
      assertEquals("OpenVINO Model Server",
          GRPCInferenceServiceGrpc.newBlockingStub(channel).serverMetadata(ServerMetadataRequest.getDefaultInstance()).getName());
    } finally {
      channel.shutdownNow();
    }
  }
}
