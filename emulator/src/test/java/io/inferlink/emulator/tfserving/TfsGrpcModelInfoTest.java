package io.inferlink.emulator.tfserving;

import static io.inferlink.emulator.tfserving.TfsGrpcClient.assertStatus;
import static io.inferlink.emulator.tfserving.TfsGrpcClient.shape;
import static io.inferlink.emulator.tfserving.TfsGrpcClient.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import io.grpc.Status;
import io.inferlink.emulator.Emulator;
import io.inferlink.protos.internal.tensorflow.SignatureDef;
import io.inferlink.protos.internal.tensorflow.TensorInfo;
import io.inferlink.protos.internal.tensorflow.serving.GetModelMetadataRequest;
import io.inferlink.protos.internal.tensorflow.serving.GetModelMetadataResponse;
import io.inferlink.protos.internal.tensorflow.serving.GetModelStatusRequest;
import io.inferlink.protos.internal.tensorflow.serving.GetModelStatusResponse;
import io.inferlink.protos.internal.tensorflow.serving.ModelSpec;
import io.inferlink.protos.internal.tensorflow.serving.ModelVersionStatus;
import io.inferlink.protos.internal.tensorflow.serving.SignatureDefMap;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** GetModelMetadata (SignatureDefMap in an Any) and GetModelStatus, with their errors. */
class TfsGrpcModelInfoTest {
  private static Emulator emulator;
  private static TfsGrpcClient client;

  @BeforeAll
  static void start() {
    emulator = Emulator.builder().frontend(new TfServingGrpcFrontend()).build().start();
    client = new TfsGrpcClient(emulator.port(TfServingGrpcFrontend.PROTOCOL));
  }

  @AfterAll
  static void stop() throws InterruptedException {
    client.close();
    emulator.close();
  }

  @Test
  void metadataIsTheServingDefaultSignatureInAnAny() throws InvalidProtocolBufferException {
    GetModelMetadataResponse r = client.predict.getModelMetadata(metadata(spec("classifier"), "signature_def"));
    assertEquals(ModelSpec.newBuilder().setName("classifier").setVersion(com.google.protobuf.Int64Value.of(1)).build(),
        r.getModelSpec());
    Any any = r.getMetadataOrThrow("signature_def");
    assertEquals("type.googleapis.com/tensorflow.serving.SignatureDefMap", any.getTypeUrl());
    SignatureDefMap map = any.unpack(SignatureDefMap.class);
    assertEquals(Set.of("serving_default"), map.getSignatureDefMap().keySet());
    SignatureDef signature = map.getSignatureDefOrThrow("serving_default");
    assertEquals("tensorflow/serving/predict", signature.getMethodName());
    assertEquals(TensorInfo.newBuilder().setName("x:0").setDtypeValue(1).setTensorShape(shape(-1, 4)).build(),
        signature.getInputsOrThrow("x"));
    assertEquals(TensorInfo.newBuilder().setName("label:0").setDtypeValue(7).setTensorShape(shape(-1)).build(),
        signature.getOutputsOrThrow("label"));
    assertEquals(TensorInfo.newBuilder().setName("scores:0").setDtypeValue(1).setTensorShape(shape(-1, 3)).build(),
        signature.getOutputsOrThrow("scores"));
    assertEquals(Set.of("label", "scores"), signature.getOutputsMap().keySet());
  }

  @Test
  void metadataResolvesVersionsAndLabels() {
    assertEquals(2, client.predict.getModelMetadata(metadata(spec("versioned"), "signature_def"))
        .getModelSpec().getVersion().getValue());
    assertEquals(1, client.predict.getModelMetadata(metadata(TfsGrpcClient.labelled("versioned", "stable"), "signature_def"))
        .getModelSpec().getVersion().getValue());
    assertStatus(Status.Code.NOT_FOUND, "Servable not found for request: Specific(versioned, 3)",
        () -> client.predict.getModelMetadata(metadata(spec("versioned", 3), "signature_def")));
  }

  @Test
  void metadataFieldsOtherThanSignatureDefAreRefused() {
    assertStatus(Status.Code.INVALID_ARGUMENT, "Metadata field graph is not supported",
        () -> client.predict.getModelMetadata(metadata(spec("add_one"), "signature_def", "graph")));
    assertStatus(Status.Code.INVALID_ARGUMENT, "GetModelMetadataRequest must specify at least one metadata_field",
        () -> client.predict.getModelMetadata(metadata(spec("add_one"))));
    assertStatus(Status.Code.INVALID_ARGUMENT, "Missing ModelSpec",
        () -> client.predict.getModelMetadata(GetModelMetadataRequest.newBuilder().addMetadataField("signature_def").build()));
    assertStatus(Status.Code.NOT_FOUND, "Servable not found for request: Latest(nope)",
        () -> client.predict.getModelMetadata(metadata(spec("nope"), "signature_def")));
  }

  @Test
  void statusListsEveryVersionHighestFirst() {
    GetModelStatusResponse r = client.models.getModelStatus(status(spec("versioned")));
    assertEquals(List.of(available(2), available(1)), r.getModelVersionStatusList());
    assertEquals(30, r.getModelVersionStatus(0).getStateValue());
    assertEquals(0, r.getModelVersionStatus(0).getStatus().getErrorCodeValue());
    assertEquals(List.of(available(1)), client.models.getModelStatus(status(spec("versioned", 1))).getModelVersionStatusList());
  }

  @Test
  void statusIgnoresLabels() {
    assertEquals(2, client.models.getModelStatus(status(TfsGrpcClient.labelled("versioned", "stable"))).getModelVersionStatusCount());
  }

  @Test
  void statusOfUnknownModelsAndVersions() {
    assertStatus(Status.Code.NOT_FOUND, "Could not find any versions of model nope",
        () -> client.models.getModelStatus(status(spec("nope"))));
    assertStatus(Status.Code.NOT_FOUND, "Could not find version 7 of model versioned",
        () -> client.models.getModelStatus(status(spec("versioned", 7))));
    assertStatus(Status.Code.NOT_FOUND, "Could not find version 1 of model nope",
        () -> client.models.getModelStatus(status(spec("nope", 1))));
    assertStatus(Status.Code.INVALID_ARGUMENT, "Missing ModelSpec",
        () -> client.models.getModelStatus(GetModelStatusRequest.getDefaultInstance()));
    assertFalse(client.models.getModelStatus(status(spec("add_one"))).getModelVersionStatusList().isEmpty());
  }

  private static ModelVersionStatus available(long version) {
    return ModelVersionStatus.newBuilder().setVersion(version).setState(ModelVersionStatus.State.AVAILABLE)
        .setStatus(io.inferlink.protos.internal.tensorflow.serving.StatusProto.getDefaultInstance()).build();
  }

  private static GetModelMetadataRequest metadata(ModelSpec spec, String... fields) {
    return GetModelMetadataRequest.newBuilder().setModelSpec(spec).addAllMetadataField(List.of(fields)).build();
  }

  private static GetModelStatusRequest status(ModelSpec spec) {
    return GetModelStatusRequest.newBuilder().setModelSpec(spec).build();
  }
}
