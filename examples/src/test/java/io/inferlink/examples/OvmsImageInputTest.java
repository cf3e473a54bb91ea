package io.inferlink.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.inferlink.Tensor;
import io.inferlink.emulator.ovms.OvmsImageModel;
import io.inferlink.ovms.OvmsImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every picture reaches the image model whole and in order, on each of OVMS's API forms. */
class OvmsImageInputTest {

  @Test
  void picturesFromFilesArriveWholeOnKserveRestGrpcAndTfsRest(@TempDir Path dir) throws Exception {
    List<byte[]> samples = OvmsImageInput.samplePictures();
    Path png = Files.write(dir.resolve("wide.png"), samples.get(0));
    Path jpeg = Files.write(dir.resolve("tall.jpg"), samples.get(1));
    Tensor pictures = OvmsImages.fromFiles(OvmsImageModel.INPUT, png, jpeg);
    Printed printed = new Printed();
    Map<String, Map<String, Tensor>> answers = OvmsImageInput.run(Map.of(), printed.out, "resnet", pictures);
    assertEquals(3, answers.size(), printed.text());
    answers.forEach((endpoint, outputs) -> {
      Tensor dims = outputs.get(OvmsImageModel.OUTPUT);
      assertArrayEquals(new long[] {2, 3}, dims.shape(), endpoint);
      assertArrayEquals(new long[] {3, 7, 3, 5, 2, 3}, dims.toLongArray(), endpoint + ": height, width, channels");
    });
    assertEquals(3, printed.text().lines().filter(l -> l.contains("[3.0, 7.0, 3.0, 5.0, 2.0, 3.0]")).count(), printed.text());
  }
}
