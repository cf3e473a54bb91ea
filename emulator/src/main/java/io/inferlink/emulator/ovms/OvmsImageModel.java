package io.inferlink.emulator.ovms;

import io.inferlink.DataType;
import io.inferlink.ModelMetadata;
import io.inferlink.Tensor;
import io.inferlink.TensorSpec;
import io.inferlink.emulator.ModelCall;
import io.inferlink.emulator.ScriptedFailure;
import io.inferlink.emulator.ScriptedModel;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import javax.imageio.ImageIO;

/**
 * An image model as OVMS serves it: OVMS decodes a BYTES input of shape {@code [N]} bound for a 4-D
 * model input as N encoded JPEG or PNG pictures (PROTOCOLS.md §4.4, §4.5). This model decodes them
 * (with ImageIO, where OVMS uses OpenCV) and answers, per picture, its height, width and number of
 * channels as output {@value #OUTPUT}, INT64 {@code [N, 3]}: enough for a test to know every
 * picture arrived whole and in order. A rank other than 1, or bytes that are not a picture, fail
 * with INVALID_ARGUMENT. Metadata: input {@value #INPUT} BYTES [-1], output {@value #OUTPUT} INT64
 * [-1, 3]; one version, "1". The OVMS frontends also demand that its input arrive as OVMS reads
 * pictures: {@code b64} objects over TF Serving REST, binary data over KServe REST. Thread-safe.
 */
public final class OvmsImageModel implements ScriptedModel {
  /** The input: the encoded pictures. */
  public static final String INPUT = "image";
  /** The output: height, width and channels of each picture. */
  public static final String OUTPUT = "dims";

  private final String name;

  /**
   * An image model called {@code name}.
   *
   * @param name the name clients address the model by
   */
  public OvmsImageModel(String name) {
    this.name = Objects.requireNonNull(name, "name");
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public ModelMetadata metadata(String version) {
    return new ModelMetadata(name, List.of("1"), "OpenVINO",
        List.of(new TensorSpec(INPUT, DataType.BYTES, new long[] {-1})),
        List.of(new TensorSpec(OUTPUT, DataType.INT64, new long[] {-1, 3})));
  }

  @Override
  public List<Tensor> infer(ModelCall call) {
    Tensor images = call.input(INPUT).orElseThrow(
        () -> ScriptedFailure.invalidArgument(name + ": missing input '" + INPUT + "'"));
    if (images.dtype() != DataType.BYTES || images.rank() != 1) {
      throw ScriptedFailure.invalidArgument(name + ": input '" + INPUT + "' must be BYTES of rank 1 (one encoded"
          + " picture per element), got " + images.dtype() + java.util.Arrays.toString(images.shape()));
    }
    List<byte[]> pictures = images.toBytesList();
    long[] dims = new long[pictures.size() * 3];
    for (int i = 0; i < pictures.size(); i++) {
      BufferedImage image = decode(pictures.get(i));
      if (image == null) {
        throw ScriptedFailure.invalidArgument(name + ": picture " + i + " is not a JPEG or PNG image");
      }
      dims[i * 3] = image.getHeight();
      dims[i * 3 + 1] = image.getWidth();
      dims[i * 3 + 2] = image.getRaster().getNumBands();
    }
    return List.of(Tensor.ofLongs(OUTPUT, dims, pictures.size(), 3));
  }

  private static BufferedImage decode(byte[] bytes) {
    try {
      return ImageIO.read(new ByteArrayInputStream(bytes));
    } catch (IOException e) {
      return null;
    }
  }
}
