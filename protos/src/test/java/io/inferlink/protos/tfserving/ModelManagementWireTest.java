package io.inferlink.protos.tfserving;

import io.inferlink.protos.wire.Wire;

import static io.inferlink.protos.wire.Wire.assertBytes;
import static io.inferlink.protos.wire.Wire.boolField;
import static io.inferlink.protos.wire.Wire.bytes;
import static io.inferlink.protos.wire.Wire.cat;
import static io.inferlink.protos.wire.Wire.doubleField;
import static io.inferlink.protos.wire.Wire.lenField;
import static io.inferlink.protos.wire.Wire.mapEntry;
import static io.inferlink.protos.wire.Wire.packedVarints;
import static io.inferlink.protos.wire.Wire.stringField;
import static io.inferlink.protos.wire.Wire.varintField;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Any;
import io.inferlink.protos.internal.tensorflow.error.Code;
import io.inferlink.protos.internal.tensorflow.serving.FileSystemStoragePathSourceConfig;
import io.inferlink.protos.internal.tensorflow.serving.FileSystemStoragePathSourceConfig.ServableVersionPolicy;
import io.inferlink.protos.internal.tensorflow.serving.LogCollectorConfig;
import io.inferlink.protos.internal.tensorflow.serving.LoggingConfig;
import io.inferlink.protos.internal.tensorflow.serving.Metric;
import io.inferlink.protos.internal.tensorflow.serving.ModelConfig;
import io.inferlink.protos.internal.tensorflow.serving.ModelConfigList;
import io.inferlink.protos.internal.tensorflow.serving.ModelServerConfig;
import io.inferlink.protos.internal.tensorflow.serving.ModelType;
import io.inferlink.protos.internal.tensorflow.serving.ReloadConfigRequest;
import io.inferlink.protos.internal.tensorflow.serving.ReloadConfigResponse;
import io.inferlink.protos.internal.tensorflow.serving.SamplingConfig;
import io.inferlink.protos.internal.tensorflow.serving.StatusProto;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * ReloadConfigRequest (config 1, metric_names 2) → ModelServerConfig (model_config_list 1,
 * custom_model_config 2) → ModelConfigList (config 1) → ModelConfig (name 1, base_path 2, model_type 3,
 * model_platform 4, logging_config 6, model_version_policy 7, version_labels 8) → ServableVersionPolicy
 * (latest 100, all 101, specific 102); ReloadConfigResponse (status 1, metric 2) → Metric (name 1,
 * int64_value_increase 2); LoggingConfig, SamplingConfig, LogCollectorConfig; FileSystemStoragePathSourceConfig.
 */
class ModelManagementWireTest {

  @Test
  @SuppressWarnings("deprecation")
  void reloadConfigRequestWithEveryModelConfigField() throws Exception {
    // Model "a": specific versions [1, 2] (field 102: tag B2 06) and labels {"stable": 2}.
    byte[] a = cat(
        stringField(1, "a"),
        stringField(2, "/models/a"),
        stringField(4, "tensorflow"),
        lenField(7, bytes(0xB2, 0x06), Wire.varint(4), packedVarints(1, 1, 2)),
        mapEntry(8, stringField(1, "stable"), varintField(2, 2)));
    // Model "b": deprecated model_type TENSORFLOW, logging, latest 3 versions (field 100: tag A2 06).
    byte[] b = cat(
        stringField(1, "b"),
        stringField(2, "/models/b"),
        varintField(3, 1),
        stringField(4, "tensorflow"),
        lenField(6,
            lenField(1, stringField(1, "file"), stringField(2, "/logs/b")),
            lenField(2, doubleField(1, 0.25), varintField(2, 3))),
        lenField(7, bytes(0xA2, 0x06), Wire.varint(2), varintField(1, 3)));
    // Model "c": all versions (field 101, empty: AA 06 00).
    byte[] c = cat(stringField(1, "c"), stringField(2, "/models/c"), lenField(7, bytes(0xAA, 0x06, 0x00)));
    byte[] wire = cat(
        lenField(1, lenField(1, lenField(1, a), lenField(1, b), lenField(1, c))),
        stringField(2, ":tensorflow:serving:model_load_count"));

    ReloadConfigRequest parsed = ReloadConfigRequest.parseFrom(wire);
    assertEquals(ModelServerConfig.ConfigCase.MODEL_CONFIG_LIST, parsed.getConfig().getConfigCase());
    List<ModelConfig> configs = parsed.getConfig().getModelConfigList().getConfigList();
    assertEquals(3, configs.size());

    ModelConfig pa = configs.get(0);
    assertEquals("a", pa.getName());
    assertEquals("/models/a", pa.getBasePath());
    assertEquals("tensorflow", pa.getModelPlatform());
    assertEquals(ServableVersionPolicy.PolicyChoiceCase.SPECIFIC, pa.getModelVersionPolicy().getPolicyChoiceCase());
    assertEquals(List.of(1L, 2L), pa.getModelVersionPolicy().getSpecific().getVersionsList());
    assertEquals(Map.of("stable", 2L), pa.getVersionLabelsMap());

    ModelConfig pb = configs.get(1);
    assertEquals("b", pb.getName());
    assertEquals(ModelType.TENSORFLOW, pb.getModelType());
    assertEquals("file", pb.getLoggingConfig().getLogCollectorConfig().getType());
    assertEquals("/logs/b", pb.getLoggingConfig().getLogCollectorConfig().getFilenamePrefix());
    assertEquals(0.25, pb.getLoggingConfig().getSamplingConfig().getSamplingRate());
    assertEquals(3, pb.getLoggingConfig().getSamplingConfig().getAttributes());
    assertEquals(ServableVersionPolicy.PolicyChoiceCase.LATEST, pb.getModelVersionPolicy().getPolicyChoiceCase());
    assertEquals(3, pb.getModelVersionPolicy().getLatest().getNumVersions());

    ModelConfig pc = configs.get(2);
    assertEquals(ServableVersionPolicy.PolicyChoiceCase.ALL, pc.getModelVersionPolicy().getPolicyChoiceCase());
    assertEquals(List.of(":tensorflow:serving:model_load_count"), parsed.getMetricNamesList());

    ReloadConfigRequest built = ReloadConfigRequest.newBuilder()
        .setConfig(ModelServerConfig.newBuilder().setModelConfigList(ModelConfigList.newBuilder()
            .addConfig(ModelConfig.newBuilder().setName("a").setBasePath("/models/a").setModelPlatform("tensorflow")
                .setModelVersionPolicy(ServableVersionPolicy.newBuilder()
                    .setSpecific(ServableVersionPolicy.Specific.newBuilder().addVersions(1).addVersions(2)))
                .putVersionLabels("stable", 2))
            .addConfig(ModelConfig.newBuilder().setName("b").setBasePath("/models/b")
                .setModelType(ModelType.TENSORFLOW).setModelPlatform("tensorflow")
                .setLoggingConfig(LoggingConfig.newBuilder()
                    .setLogCollectorConfig(LogCollectorConfig.newBuilder().setType("file").setFilenamePrefix("/logs/b"))
                    .setSamplingConfig(SamplingConfig.newBuilder().setSamplingRate(0.25).setAttributes(
                        SamplingConfig.Attributes.ATTR_REQUEST_ORIGIN_VALUE
                            | SamplingConfig.Attributes.ATTR_REQUEST_CRITICALITY_VALUE)))
                .setModelVersionPolicy(ServableVersionPolicy.newBuilder()
                    .setLatest(ServableVersionPolicy.Latest.newBuilder().setNumVersions(3))))
            .addConfig(ModelConfig.newBuilder().setName("c").setBasePath("/models/c")
                .setModelVersionPolicy(ServableVersionPolicy.newBuilder()
                    .setAll(ServableVersionPolicy.All.getDefaultInstance())))))
        .addMetricNames(":tensorflow:serving:model_load_count")
        .build();
    assertBytes(wire, built.toByteArray());
  }

  @Test
  void customModelConfigIsAnAnyInField2() throws Exception {
    byte[] any = cat(stringField(1, "type.googleapis.com/x.Custom"), lenField(2, bytes(0x08, 0x01)));
    byte[] wire = lenField(2, any);
    ModelServerConfig parsed = ModelServerConfig.parseFrom(wire);
    assertEquals(ModelServerConfig.ConfigCase.CUSTOM_MODEL_CONFIG, parsed.getConfigCase());
    assertEquals("type.googleapis.com/x.Custom", parsed.getCustomModelConfig().getTypeUrl());
    assertBytes(wire, ModelServerConfig.newBuilder().setCustomModelConfig(Any.newBuilder()
        .setTypeUrl("type.googleapis.com/x.Custom")
        .setValue(com.google.protobuf.ByteString.copyFrom(bytes(0x08, 0x01)))).build().toByteArray());
  }

  @Test
  void reloadConfigResponseStatusAndMetrics() throws Exception {
    byte[] wire = cat(
        lenField(1, varintField(1, 3), stringField(2, "bad config")),
        lenField(2, stringField(1, ":tensorflow:serving:model_load_count"), varintField(2, 2)),
        lenField(2, stringField(1, "other"), varintField(2, -1)));
    ReloadConfigResponse parsed = ReloadConfigResponse.parseFrom(wire);
    assertEquals(Code.INVALID_ARGUMENT, parsed.getStatus().getErrorCode());
    assertEquals("bad config", parsed.getStatus().getErrorMessage());
    assertEquals(2, parsed.getMetricCount());
    assertEquals(":tensorflow:serving:model_load_count", parsed.getMetric(0).getName());
    assertEquals(Metric.ValueIncreaseCase.INT64_VALUE_INCREASE, parsed.getMetric(0).getValueIncreaseCase());
    assertEquals(2L, parsed.getMetric(0).getInt64ValueIncrease());
    assertEquals(-1L, parsed.getMetric(1).getInt64ValueIncrease());

    assertBytes(wire, ReloadConfigResponse.newBuilder()
        .setStatus(StatusProto.newBuilder().setErrorCode(Code.INVALID_ARGUMENT).setErrorMessage("bad config"))
        .addMetric(Metric.newBuilder().setName(":tensorflow:serving:model_load_count").setInt64ValueIncrease(2))
        .addMetric(Metric.newBuilder().setName("other").setInt64ValueIncrease(-1))
        .build().toByteArray());

    // Success: an empty status message (0A 00).
    ReloadConfigResponse ok = ReloadConfigResponse.parseFrom(bytes(0x0A, 0x00));
    assertTrue(ok.hasStatus());
    assertEquals(Code.OK, ok.getStatus().getErrorCode());
  }

  @Test
  @SuppressWarnings("deprecation")
  void fileSystemStoragePathSourceConfigFields() throws Exception {
    byte[] servable = cat(stringField(1, "m"), stringField(2, "/models/m"),
        lenField(4, bytes(0xAA, 0x06, 0x00)));
    byte[] wire = cat(varintField(3, 30), boolField(4, true), lenField(5, servable), boolField(6, true));
    FileSystemStoragePathSourceConfig parsed = FileSystemStoragePathSourceConfig.parseFrom(wire);
    assertEquals(30L, parsed.getFileSystemPollWaitSeconds());
    assertTrue(parsed.getFailIfZeroVersionsAtStartup());
    assertTrue(parsed.getServableVersionsAlwaysPresent());
    assertEquals("m", parsed.getServables(0).getServableName());
    assertEquals("/models/m", parsed.getServables(0).getBasePath());
    assertTrue(parsed.getServables(0).getServableVersionPolicy().hasAll());
    assertBytes(wire, FileSystemStoragePathSourceConfig.newBuilder()
        .setFileSystemPollWaitSeconds(30).setFailIfZeroVersionsAtStartup(true)
        .addServables(FileSystemStoragePathSourceConfig.ServableToMonitor.newBuilder()
            .setServableName("m").setBasePath("/models/m")
            .setServableVersionPolicy(ServableVersionPolicy.newBuilder()
                .setAll(ServableVersionPolicy.All.getDefaultInstance())))
        .setServableVersionsAlwaysPresent(true)
        .build().toByteArray());
  }
}
