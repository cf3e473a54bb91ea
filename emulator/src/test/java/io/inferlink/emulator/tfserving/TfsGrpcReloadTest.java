package io.inferlink.emulator.tfserving;

import static io.inferlink.emulator.tfserving.TfsGrpcClient.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Any;
import io.grpc.Status;
import io.inferlink.emulator.Emulator;
import io.inferlink.protos.internal.tensorflow.serving.FileSystemStoragePathSourceConfig.ServableVersionPolicy;
import io.inferlink.protos.internal.tensorflow.serving.ModelConfig;
import io.inferlink.protos.internal.tensorflow.serving.ModelConfigList;
import io.inferlink.protos.internal.tensorflow.serving.ModelServerConfig;
import io.inferlink.protos.internal.tensorflow.serving.ReloadConfigRequest;
import io.inferlink.protos.internal.tensorflow.serving.ReloadConfigResponse;
import org.junit.jupiter.api.Test;

/** HandleReloadConfigRequest: recorded as received, OK for scripted models, TF's status otherwise. */
class TfsGrpcReloadTest {

  @Test
  void anAcceptedConfigIsRecordedAndAnsweredOk() throws Exception {
    TfServingGrpcFrontend frontend = new TfServingGrpcFrontend();
    assertTrue(frontend.lastReloadConfig().isEmpty());
    ModelServerConfig config = config(ModelConfig.newBuilder().setName("versioned").setBasePath("/models/versioned")
        .setModelPlatform("tensorflow").putVersionLabels("stable", 1)
        .setModelVersionPolicy(ServableVersionPolicy.newBuilder()
            .setSpecific(ServableVersionPolicy.Specific.newBuilder().addVersions(1).addVersions(2)))
        .build());
    try (Emulator emulator = start(frontend); TfsGrpcClient client = client(emulator)) {
      ReloadConfigResponse r = client.models.handleReloadConfigRequest(ReloadConfigRequest.newBuilder().setConfig(config).build());
      assertTrue(r.hasStatus());
      assertEquals(0, r.getStatus().getErrorCodeValue());
      assertEquals("", r.getStatus().getErrorMessage());
    }
    assertEquals(config, frontend.lastReloadConfig().orElseThrow());
  }

  @Test
  void anUnknownModelIsRefusedWithTfsStatusAndStillRecorded() throws Exception {
    TfServingGrpcFrontend frontend = new TfServingGrpcFrontend();
    ModelServerConfig config = config(ModelConfig.newBuilder().setName("add_one").setBasePath("/m/add_one").build(),
        ModelConfig.newBuilder().setName("ghost").setBasePath("/m/ghost").build());
    try (Emulator emulator = start(frontend); TfsGrpcClient client = client(emulator)) {
      assertStatus(Status.Code.NOT_FOUND, "Could not find base path /m/ghost for servable ghost",
          () -> client.models.handleReloadConfigRequest(ReloadConfigRequest.newBuilder().setConfig(config).build()));
      assertStatus(Status.Code.INVALID_ARGUMENT, "ServerModelConfig type not supported by HandleReloadConfigRequest."
          + " Only ModelConfigList is currently supported",
          () -> client.models.handleReloadConfigRequest(ReloadConfigRequest.newBuilder()
              .setConfig(ModelServerConfig.newBuilder().setCustomModelConfig(Any.getDefaultInstance())).build()));
    }
    assertTrue(frontend.lastReloadConfig().orElseThrow().hasCustomModelConfig(), "the last config is the custom one");
  }

  @Test
  void inBodyModeARefusalIsAnOkCallCarryingTheStatus() throws Exception {
    TfServingGrpcFrontend frontend = TfServingGrpcFrontend.builder().reloadFailuresInResponseBody().build();
    ModelServerConfig config = config(ModelConfig.newBuilder().setName("ghost").setBasePath("/m/ghost").build());
    try (Emulator emulator = start(frontend); TfsGrpcClient client = client(emulator)) {
      ReloadConfigResponse r = client.models.handleReloadConfigRequest(ReloadConfigRequest.newBuilder().setConfig(config).build());
      assertEquals(5, r.getStatus().getErrorCodeValue());
      assertEquals("Could not find base path /m/ghost for servable ghost", r.getStatus().getErrorMessage());
      ReloadConfigResponse ok = client.models.handleReloadConfigRequest(ReloadConfigRequest.newBuilder()
          .setConfig(config(ModelConfig.newBuilder().setName("add_one").build())).build());
      assertEquals(0, ok.getStatus().getErrorCodeValue());
    }
    assertEquals("add_one", frontend.lastReloadConfig().orElseThrow().getModelConfigList().getConfig(0).getName());
  }

  private static ModelServerConfig config(ModelConfig... models) {
    return ModelServerConfig.newBuilder()
        .setModelConfigList(ModelConfigList.newBuilder().addAllConfig(java.util.List.of(models))).build();
  }

  private static Emulator start(TfServingGrpcFrontend frontend) {
    return Emulator.builder().frontend(frontend).build().start();
  }

  private static TfsGrpcClient client(Emulator emulator) {
    return new TfsGrpcClient(emulator.port(TfServingGrpcFrontend.PROTOCOL));
  }
}
