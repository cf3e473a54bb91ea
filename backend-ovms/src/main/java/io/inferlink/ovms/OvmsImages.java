package io.inferlink.ovms;

import io.inferlink.Tensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Builds the input OVMS decodes into pictures: a BYTES tensor of shape {@code [N]} holding N encoded
 * JPEG or PNG files, for a model whose input is 4-D (NHWC). OVMS decodes and resizes them itself, so
 * the client sends the files as they are: {@code {"b64": ...}} values on the TF Serving REST API,
 * binary data on the KServe REST API, {@code string_val} (TF Serving) or raw contents (KServe) over
 * gRPC. Stateless and thread-safe.
 *
 * <pre>
 * Tensor pictures = OvmsImages.fromFiles("image", Path.of("cat.jpg"), Path.of("dog.png"));
 * InferenceResponse r = client.infer(InferenceRequest.builder("resnet").input(pictures).build());
 * </pre>
 *
 * <p>Only JPEG and PNG are accepted, by their signatures, because those are what OVMS decodes. Both
 * signatures start with a byte that UTF-8 never starts a character with, which is also what makes the
 * TF Serving REST client send every picture as {@code b64} rather than as a JSON string.
 */
public final class OvmsImages {
  private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

  private OvmsImages() {}

  /**
   * The pictures in these files, in order, as input {@code inputName}.
   *
   * @param inputName the model input that takes the pictures
   * @param files JPEG or PNG files, at least one
   * @return a BYTES tensor of shape {@code [files.length]} holding each file's bytes unchanged
   * @throws IOException when a file cannot be read
   * @throws IllegalArgumentException when there is no file, or a file is not a JPEG or PNG picture
   */
  public static Tensor fromFiles(String inputName, Path... files) throws IOException {
    return fromFiles(inputName, List.of(files));
  }

  /**
   * The pictures in these files, in order; see {@link #fromFiles(String, Path...)}.
   *
   * @param inputName the model input that takes the pictures
   * @param files JPEG or PNG files, at least one
   * @return a BYTES tensor of shape {@code [files.size()]} holding each file's bytes unchanged
   * @throws IOException when a file cannot be read
   */
  public static Tensor fromFiles(String inputName, List<Path> files) throws IOException {
    List<byte[]> pictures = new ArrayList<>();
    for (Path file : files) {
      byte[] bytes = Files.readAllBytes(file);
      if (!isPicture(bytes)) {
        throw new IllegalArgumentException("file " + file + " is not a JPEG or PNG picture");
      }
      pictures.add(bytes);
    }
    return fromBytes(inputName, pictures);
  }

  /**
   * These encoded pictures, in order, as input {@code inputName}; the arrays are copied.
   *
   * @param inputName the model input that takes the pictures
   * @param pictures encoded JPEG or PNG pictures, at least one
   * @return a BYTES tensor of shape {@code [pictures.length]}
   * @throws IllegalArgumentException when there is no picture, or one is not JPEG or PNG
   */
  public static Tensor fromBytes(String inputName, byte[]... pictures) {
    return fromBytes(inputName, List.of(pictures));
  }

  /**
   * These encoded pictures, in order; see {@link #fromBytes(String, byte[]...)}.
   *
   * @param inputName the model input that takes the pictures
   * @param pictures encoded JPEG or PNG pictures, at least one
   * @return a BYTES tensor of shape {@code [pictures.size()]}
   */
  public static Tensor fromBytes(String inputName, List<byte[]> pictures) {
    Objects.requireNonNull(inputName, "inputName");
    if (pictures.isEmpty()) {
      throw new IllegalArgumentException("no picture for input '" + inputName + "'");
    }
    for (int i = 0; i < pictures.size(); i++) {
      if (!isPicture(Objects.requireNonNull(pictures.get(i), "picture " + i))) {
        throw new IllegalArgumentException("picture " + i + " for input '" + inputName
            + "' is not a JPEG or PNG picture (OVMS decodes only those)");
      }
    }
    return Tensor.ofBytes(inputName, pictures.toArray(new byte[0][]), pictures.size());
  }

  /**
   * Whether these bytes look like a picture OVMS can decode.
   *
   * @param bytes a file's contents
   * @return true when the bytes start with the JPEG or the PNG signature
   */
  public static boolean isPicture(byte[] bytes) {
    return startsWith(bytes, JPEG) || startsWith(bytes, PNG);
  }

  private static boolean startsWith(byte[] bytes, byte[] prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (bytes[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
