package io.inferlink.emulator.tfserving;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.inferlink.DataType;
import io.inferlink.ModelMetadata;
import io.inferlink.Tensor;
import io.inferlink.TensorSpec;
import io.inferlink.emulator.Emulator;
import io.inferlink.emulator.ModelCall;
import io.inferlink.emulator.ModelScript;
import io.inferlink.emulator.ScriptedModel;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Status and metadata documents (PROTOCOLS.md §1.6), compared with trees written by hand from the digest. */
class TfsDocumentsTest {
  private static Emulator emulator;
  private static TfsClient tfs;

  /** Versions 1 and 2, where 2 is still loading: TF serves 1 as "latest" and reports 2 as LOADING. */
  static final class HalfLoaded implements ScriptedModel {
    @Override public String name() {
      return "half_loaded";
    }

    @Override public List<String> versions() {
      return List.of("1", "2");
    }

    @Override public boolean isReady(String version) {
      return version.equals("1");
    }

    @Override public ModelMetadata metadata(String version) {
      TensorSpec spec = new TensorSpec("s", DataType.FP64, new long[0]);
      return new ModelMetadata(name(), versions(), "", List.of(spec), List.of(spec));
    }

    @Override public List<Tensor> infer(ModelCall call) {
      return List.copyOf(call.inputs().values());
    }
  }

  @BeforeAll
  static void start() {
    emulator = Emulator.builder().script(ModelScript.builder().addBuiltins().add(new HalfLoaded()).build())
        .frontend(new TfServingRestFrontend()).build().start();
    tfs = new TfsClient("http://127.0.0.1:" + emulator.port(TfServingRestFrontend.PROTOCOL));
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  @Test
  void statusListsEveryVersionHighestFirst() {
    assertEquals(TfsClient.expected("{'model_version_status': ["
        + "{'version': '2', 'state': 'AVAILABLE', 'status': {'error_code': 'OK', 'error_message': ''}},"
        + "{'version': '1', 'state': 'AVAILABLE', 'status': {'error_code': 'OK', 'error_message': ''}}]}"),
        tfs.get("/v1/models/versioned").json());
  }

  @Test
  void statusOfOneVersionAndOfALoadingVersion() {
    assertEquals(TfsClient.expected("{'model_version_status': ["
        + "{'version': '1', 'state': 'AVAILABLE', 'status': {'error_code': 'OK', 'error_message': ''}}]}"),
        tfs.get("/v1/models/versioned/versions/1").json());
    assertEquals("LOADING", tfs.get("/v1/models/half_loaded/versions/2").json().at("/model_version_status/0/state").textValue());
  }

  @Test
  void statusOfUnknownModelsAndVersionsIs404() {
    TfsClient.Reply model = tfs.get("/v1/models/nope");
    assertEquals(404, model.status());
    assertEquals("Could not find any versions of model nope", model.error());
    TfsClient.Reply version = tfs.get("/v1/models/versioned/versions/7");
    assertEquals(404, version.status());
    assertEquals("Could not find version 7 of model versioned", version.error());
  }

  @Test
  void metadataOfAddOneIsTheDoubledSignatureDef() {
    String dims = "{'dim': [{'size': '-1', 'name': ''}, {'size': '-1', 'name': ''}], 'unknown_rank': false}";
    JsonNode expected = TfsClient.expected("{'model_spec': {'name': 'add_one', 'signature_name': '', 'version': '1'},"
        + " 'metadata': {'signature_def': {'signature_def': {'serving_default': {"
        + "  'inputs': {'x': {'dtype': 'DT_FLOAT', 'tensor_shape': " + dims + ", 'name': 'x:0'}},"
        + "  'outputs': {'y': {'dtype': 'DT_FLOAT', 'tensor_shape': " + dims + ", 'name': 'y:0'}},"
        + "  'method_name': 'tensorflow/serving/predict', 'defaults': {}}}}}}");
    assertEquals(expected, tfs.get("/v1/models/add_one/metadata").json());
  }

  @Test
  void metadataOfClassifierNamesStringOutputsAndFixedDims() {
    JsonNode expected = TfsClient.expected("{"
        + "'label': {'dtype': 'DT_STRING', 'tensor_shape': {'dim': [{'size': '-1', 'name': ''}], 'unknown_rank': false},"
        + " 'name': 'label:0'},"
        + "'scores': {'dtype': 'DT_FLOAT', 'tensor_shape': {'dim': [{'size': '-1', 'name': ''}, {'size': '3', 'name': ''}],"
        + " 'unknown_rank': false}, 'name': 'scores:0'}}");
    assertEquals(expected, tfs.get("/v1/models/classifier/metadata").json()
        .at("/metadata/signature_def/signature_def/serving_default/outputs"));
  }

  @Test
  void identityDeclaresEveryKitTensorWithItsTfType() {
    JsonNode inputs = tfs.get("/v1/models/identity/metadata").json().at("/metadata/signature_def/signature_def/serving_default/inputs");
    assertEquals("DT_HALF", inputs.at("/x_fp16/dtype").textValue());
    assertEquals("DT_BFLOAT16", inputs.at("/x_bf16/dtype").textValue());
    assertEquals("DT_UINT16", inputs.at("/x_uint16/dtype").textValue());
    assertEquals("DT_STRING", inputs.at("/x_bytes/dtype").textValue());
    assertEquals("DT_BOOL", inputs.at("/x_bool/dtype").textValue());
    assertEquals("DT_INT64", inputs.at("/b/dtype").textValue());
  }

  @Test
  void aScalarSpecHasNoDims() {
    assertEquals(TfsClient.expected("{'dim': [], 'unknown_rank': false}"), tfs.get("/v1/models/half_loaded/metadata").json()
        .at("/metadata/signature_def/signature_def/serving_default/inputs/s/tensor_shape"));
  }

  @Test
  void latestSkipsAVersionThatIsStillLoading() {
    assertEquals("1", tfs.get("/v1/models/half_loaded/metadata").json().at("/model_spec/version").textValue());
    TfsClient.Reply loading = tfs.get("/v1/models/half_loaded/versions/2/metadata");
    assertEquals(404, loading.status());
    assertEquals("Servable not found for request: Specific(half_loaded, 2)", loading.error());
  }

  @Test
  void metadataOfUnknownModelVersionOrLabelUsesTfsMessages() {
    TfsClient.Reply model = tfs.get("/v1/models/nope/metadata");
    assertEquals(404, model.status());
    assertEquals("Servable not found for request: Latest(nope)", model.error());
    TfsClient.Reply version = tfs.get("/v1/models/versioned/versions/7/metadata");
    assertEquals(404, version.status());
    assertEquals("Servable not found for request: Specific(versioned, 7)", version.error());
    TfsClient.Reply label = tfs.get("/v1/models/versioned/labels/beta/metadata");
    assertEquals(400, label.status());
    assertEquals("Unrecognized servable version label: beta", label.error());
  }
}
