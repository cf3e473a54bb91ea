package io.inferlink.examples;

import io.inferlink.ClientOptions;
import io.inferlink.DataType;
import io.inferlink.InferenceClient;
import io.inferlink.InferenceRequest;
import io.inferlink.InferenceResponse;
import io.inferlink.Tensor;
import io.inferlink.UnsupportedFeatureException;
import io.inferlink.emulator.oip.OipRestFrontend;
import io.inferlink.kserve.KServeOptions;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * The Open Inference Protocol's binary tensor data extension over REST: a BYTES tensor holding raw,
 * non-UTF-8 bytes (the start of a PNG file) and an FP16 tensor travel as raw bytes after the JSON
 * header, because JSON has no form for either; the {@code identity} model sends them back unchanged.
 * The same FP16 request on a client set to {@code binary=never} (plain JSON, for servers without the
 * extension, such as MLServer) is refused before anything is sent. Without configuration it runs on
 * the emulator; with {@code INFERLINK_ENDPOINT=kserve-v2+http://host:8000} against that server (Triton
 * or KServe), which must serve an {@code identity} model.
 *
 * <p>Stateless: every run creates its own clients (and emulator) and closes them before returning.
 */
public final class KServeBinaryTensors {
  /** The first bytes of every PNG file: not UTF-8, so only binary data can carry them. */
  static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  static final float[] HALVES = {0.5f, -2f, 65504f, 0x1p-14f};

  /** What came back, and why the JSON-only client refused. */
  public record Result(boolean bytesUnchanged, boolean fp16Unchanged, DataType fp16Type, String jsonOnlyRefusal) {}

  private KServeBinaryTensors() {}

  /** Runs against the environment's configuration. */
  public static void main(String[] args) {
    run(System.getenv(), System.out);
  }

  /** Sends the two tensors binary, then tries FP16 on a JSON-only client. */
  public static Result run(Map<String, String> environment, PrintStream out) {
    byte[] caption = "caption: a cat".getBytes(StandardCharsets.UTF_8);
    Tensor image = Tensor.ofBytes("image", new byte[][] {PNG_SIGNATURE, caption}, 2);
    Tensor halves = Tensor.ofFp16("halves", HALVES, 2, 2);
    InferenceRequest request = InferenceRequest.builder("identity").inputs(image, halves).build();
    try (ExampleServer server = ExampleServer.fromEnvironment(environment,
        emulator -> emulator.frontend(new OipRestFrontend()))) {
      String endpoint = server.endpoint("kserve-v2+http");
      // Options set in code win over the endpoint's query: every tensor goes binary, both ways.
      ClientOptions binary = server.options().toBuilder().option(KServeOptions.BINARY, KServeOptions.Binary.ALWAYS).build();
      InferenceResponse echoed;
      try (InferenceClient client = InferenceClient.create(endpoint, binary)) {
        echoed = client.infer(request);
      }
      Tensor backImage = echoed.output("image");
      Tensor backHalves = echoed.output("halves");
      out.printf("BYTES  %s: %d elements, first %s%n", Arrays.toString(backImage.shape()), backImage.toBytesList().size(),
          Arrays.toString(backImage.toBytesList().get(0)));
      out.printf("FP16   %s: %s%n", Arrays.toString(backHalves.shape()), Arrays.toString(backHalves.toFloatArray()));
      String refusal;
      ClientOptions jsonOnly = server.options().toBuilder().option(KServeOptions.BINARY, KServeOptions.Binary.NEVER).build();
      try (InferenceClient client = InferenceClient.create(endpoint, jsonOnly)) {
        client.infer(InferenceRequest.builder("identity").input(halves).build());
        refusal = "";
      } catch (UnsupportedFeatureException e) {
        refusal = e.getMessage();
      }
      out.println("binary=never: " + refusal);
      return new Result(backImage.equals(image), backHalves.equals(halves), backHalves.dtype(), refusal);
    }
  }
}
