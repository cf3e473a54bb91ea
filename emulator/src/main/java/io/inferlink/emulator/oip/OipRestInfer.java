package io.inferlink.emulator.oip;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.inferlink.Tensor;
import io.inferlink.emulator.CallRecorder;
import io.inferlink.emulator.FrontendContext;
import io.inferlink.emulator.HttpCall;
import io.inferlink.emulator.HttpReply;
import io.inferlink.emulator.ModelCall;
import io.inferlink.emulator.ModelScript;
import io.inferlink.emulator.ResolvedModel;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST .../infer}: resolve the model version, read the request, run the call (tracked,
 * cancelled when the client hangs up), and answer each output as JSON {@code data} or as a binary
 * blob: binary when asked for ({@code binary_data} on the output, else {@code binary_data_output})
 * or when the output has no JSON form in the frontend's {@link OipRestDialect} (FP16/BF16, NaN/Inf,
 * non-UTF-8 BYTES by default). Stateless.
 */
final class OipRestInfer {
  private final OipRestModels models;
  private final ModelScript script;
  private final CallRecorder recorder;
  private final OipRestDialect dialect;

  OipRestInfer(OipRestModels models, FrontendContext context, OipRestDialect dialect) {
    this.models = models;
    this.script = context.script();
    this.recorder = context.recorder();
    this.dialect = dialect;
  }

  HttpReply infer(HttpCall http, String model, String version) {
    ResolvedModel target = models.resolve(model, version);
    OipRestRequest request = OipRestRequest.read(http, dialect.halfAsJson());
    ModelCall call = ModelCall.builder(target).inputs(request.inputs()).requestedOutputs(request.outputs())
        .requestId(request.id() == null ? "" : request.id()).parameters(request.parameters())
        .headers(http.headers()).build();
    recorder.track(call);
    http.onClientGone(call::cancel);
    List<Tensor> outputs = script.infer(call);
    return answer(target, version.isEmpty(), request, outputs);
  }

  private HttpReply answer(ResolvedModel target, boolean unversioned, OipRestRequest request, List<Tensor> outputs) {
    boolean nulls = dialect.explicitNulls();
    ObjectNode doc = OipRestJson.object();
    doc.put("model_name", target.name());
    if (nulls && unversioned) {
      doc.putNull("model_version");
    } else {
      doc.put("model_version", target.version());
    }
    if (request.id() != null) {
      doc.put("id", request.id());
    } else if (nulls) {
      doc.putNull("id");
    }
    if (nulls) {
      doc.putNull("parameters");
    }
    ArrayNode list = doc.putArray("outputs");
    List<ByteBuffer> blobs = new ArrayList<>();
    for (Tensor t : outputs) {
      ObjectNode out = list.addObject();
      out.put("name", t.name());
      out.put("datatype", t.dtype().wireName());
      ArrayNode shape = out.putArray("shape");
      for (long d : t.shape()) {
        shape.add(d);
      }
      if (request.asksBinary(t.name()) || OipRestTensors.needsBinary(t, dialect)) {
        out.putObject("parameters").put("binary_data_size", t.byteSize());
        blobs.add(t.data());
      } else {
        if (nulls) {
          out.putNull("parameters");
        }
        out.set("data", OipRestTensors.toJson(t, dialect));
      }
    }
    byte[] header = OipRestJson.bytes(doc);
    if (blobs.isEmpty()) {
      return HttpReply.of(200, OipRestHandler.JSON, header);
    }
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(header);
    for (ByteBuffer b : blobs) {
      byte[] bytes = new byte[b.remaining()];
      b.get(bytes);
      body.writeBytes(bytes);
    }
    return HttpReply.of(200, "application/octet-stream", body.toByteArray())
        .withHeader("Inference-Header-Content-Length", String.valueOf(header.length));
  }
}
