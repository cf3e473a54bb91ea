package io.inferlink.ovms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.DataType;
import io.inferlink.InferenceClient;
import io.inferlink.InferenceRequest;
import io.inferlink.Tensor;
import io.inferlink.emulator.ovms.OvmsImageModel;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * §4.4, §4.5: encoded pictures as a BYTES {@code [N]} input. The emulated OVMS takes them only as
 * OVMS reads pictures ({@code b64} over TF Serving REST, binary data over KServe REST, one
 * {@code string_val} per picture or raw contents over gRPC) and decodes each one; the answer gives
 * each picture's height, width and channels, so every picture arrived whole and in order.
 */
class OvmsImagesTest {
  private static OvmsTestServer server;

  @BeforeAll
  static void start() {
    server = OvmsTestServer.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @ParameterizedTest
  @EnumSource(OvmsForm.class)
  void picturesReachTheModelWholeOnEveryForm(OvmsForm form, @TempDir Path dir) throws IOException {
    Path png = Files.write(dir.resolve("wide.png"), encode("png", 7, 3));
    Path jpeg = Files.write(dir.resolve("tall.jpg"), encode("jpg", 2, 5));
    Tensor pictures = OvmsImages.fromFiles(OvmsImageModel.INPUT, png, jpeg);
    assertEquals(DataType.BYTES, pictures.dtype());
    assertArrayEquals(new long[] {2}, pictures.shape());
    try (InferenceClient client = server.client(form)) {
      Tensor dims = client.infer(InferenceRequest.builder(OvmsTestServer.PICTURES).input(pictures).build())
          .output(OvmsImageModel.OUTPUT);
      assertArrayEquals(new long[] {2, 3}, dims.shape());
      assertArrayEquals(new long[] {3, 7, 3, 5, 2, 3}, dims.toLongArray(), "height, width, channels per picture");
    }
  }

  @Test
  void onlyJpegAndPngAreAccepted() throws IOException {
    byte[] png = encode("png", 1, 1);
    byte[] jpeg = encode("jpg", 1, 1);
    assertTrue(OvmsImages.isPicture(png));
    assertTrue(OvmsImages.isPicture(jpeg));
    assertEquals(List.of(png.length, jpeg.length),
        OvmsImages.fromBytes("image", png, jpeg).toBytesList().stream().map(b -> b.length).toList());
    byte[] text = "GIF89a not a picture OVMS decodes".getBytes(StandardCharsets.US_ASCII);
    assertFalse(OvmsImages.isPicture(text));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OvmsImages.fromBytes("image", png, text));
    assertTrue(e.getMessage().contains("picture 1"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> OvmsImages.fromBytes("image", List.of()));
    assertThrows(IllegalArgumentException.class, () -> OvmsImages.fromBytes("image", new byte[] {(byte) 0xFF, (byte) 0xD8}));
  }

  @Test
  void aFileThatIsNotAPictureIsNamed(@TempDir Path dir) throws IOException {
    Path notes = Files.writeString(dir.resolve("notes.txt"), "hello");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> OvmsImages.fromFiles("image", notes));
    assertTrue(e.getMessage().contains("notes.txt"), e.getMessage());
  }

  /** A width x height RGB picture in the given ImageIO format. */
  private static byte[] encode(String format, int width, int height) throws IOException {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    for (int x = 0; x < width; x++) {
      for (int y = 0; y < height; y++) {
        image.setRGB(x, y, (x * 40) << 16 | (y * 40) << 8 | 128);
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertTrue(ImageIO.write(image, format, out), "no ImageIO writer for " + format);
    return out.toByteArray();
  }
}
