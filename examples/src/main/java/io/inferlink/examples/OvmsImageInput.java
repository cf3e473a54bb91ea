package io.inferlink.examples;

import io.inferlink.InferenceClient;
import io.inferlink.InferenceRequest;
import io.inferlink.Tensor;
import io.inferlink.emulator.ModelScript;
import io.inferlink.emulator.ovms.OvmsFrontends;
import io.inferlink.emulator.ovms.OvmsImageModel;
import io.inferlink.emulator.ovms.OvmsRelease;
import io.inferlink.ovms.OvmsImages;
import io.inferlink.spi.Endpoint;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * OpenVINO Model Server image input: encoded JPEG and PNG files go to an image model as they are,
 * one BYTES element per picture ({@link OvmsImages}), and OVMS decodes and resizes them itself. The
 * client carries them the way each API wants: binary data on the KServe REST API (the default),
 * raw contents over gRPC, {@code {"b64": ...}} on the TF Serving REST API ({@code ?api=tfs}).
 *
 * <p>Arguments, all optional: the model name ({@value #DEFAULT_MODEL}), its input name
 * ({@value #DEFAULT_INPUT}), and picture files (two small generated pictures by default). Without
 * configuration the server is the emulated OVMS, whose image model answers each picture's height,
 * width and channels; with {@code INFERLINK_ENDPOINT=ovms+grpc://host:9000} it is yours, and the
 * example prints whatever your model answers.
 *
 * <p>Stateless: every run creates its own clients (and emulator) and closes them before returning.
 */
public final class OvmsImageInput {
  static final String DEFAULT_MODEL = "resnet";
  static final String DEFAULT_INPUT = "image";

  private OvmsImageInput() {}

  /** {@code [model [input [picture files...]]]}, against the environment's configuration. */
  public static void main(String[] args) throws IOException {
    String model = args.length > 0 ? args[0] : DEFAULT_MODEL;
    String input = args.length > 1 ? args[1] : DEFAULT_INPUT;
    List<Path> files = Arrays.stream(args).skip(2).map(Path::of).toList();
    Tensor pictures = files.isEmpty() ? OvmsImages.fromBytes(input, samplePictures()) : OvmsImages.fromFiles(input, files);
    run(System.getenv(), System.out, model, pictures);
  }

  /** Sends the pictures on every API form (or the configured endpoint); returns the outputs by endpoint. */
  public static Map<String, Map<String, Tensor>> run(Map<String, String> environment, PrintStream out, String model,
      Tensor pictures) {
    Map<String, Map<String, Tensor>> answers = new LinkedHashMap<>();
    OvmsFrontends ovms = OvmsFrontends.of(OvmsRelease.V2026_2);
    try (ExampleServer server = ExampleServer.fromEnvironment(environment, emulator -> emulator
        .script(ModelScript.builder().addBuiltins().add(new OvmsImageModel(model)).build())
        .frontend(ovms.rest()).frontend(ovms.grpc()))) {
      List<String> endpoints = server.endpoints("ovms+http", "ovms+grpc");
      if (server.isEmulated()) {
        endpoints = new ArrayList<>(endpoints);
        endpoints.add(server.endpoint("ovms+http") + "?api=tfs");
      }
      for (String endpoint : endpoints) {
        try (InferenceClient client = InferenceClient.create(endpoint, server.options())) {
          Map<String, Tensor> outputs = client.infer(InferenceRequest.builder(model).input(pictures).build()).outputs();
          answers.put(endpoint, outputs);
          outputs.values().forEach(t -> out.printf("%-44s %s %s %s%n", Endpoint.parse(endpoint), t.name(),
              Arrays.toString(t.shape()), preview(t)));
        }
      }
    }
    return answers;
  }

  /** Two small pictures, a 7x3 PNG and a 2x5 JPEG (width x height), made in memory. */
  static List<byte[]> samplePictures() {
    return List.of(encode("png", 7, 3), encode("jpg", 2, 5));
  }

  private static byte[] encode(String format, int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    for (int x = 0; x < width; x++) {
      for (int y = 0; y < height; y++) {
        image.setRGB(x, y, (x * 40) << 16 | (y * 50) << 8 | 128);
      }
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, format, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("encoding in memory cannot fail", e);
    }
    return bytes.toByteArray();
  }

  private static String preview(Tensor t) {
    if (t.dtype() == io.inferlink.DataType.BYTES) {
      return t.toBytesList().size() + " byte strings";
    }
    double[] values = t.toDoubleArray();
    return Arrays.toString(Arrays.copyOf(values, Math.min(values.length, 12))) + (values.length > 12 ? "..." : "");
  }
}
