package io.inferlink.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.inferlink.DataType;
import io.inferlink.NpyFiles;
import io.inferlink.Tensor;
import io.inferlink.spi.JsonLimits;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The grammar of {@code --input NAME=VALUE}. Stateless and thread-safe.
 *
 * <pre>
 * NAME=@FILE.npy            a NumPy .npy file: its dtype and shape (any dtype but BF16; C order)
 * NAME=@FILE:BYTES          any file's raw bytes as one BYTES element, shape [1]
 * NAME=JSON[:DTYPE]         a JSON literal: nested arrays give the shape ([[1,2],[3,4]] is [2, 2]),
 *                           a lone number or true/false is a scalar (shape []); without DTYPE,
 *                           integers are INT64, other numbers FP32, true/false BOOL, strings BYTES
 * NAME="text"  NAME=text    a string: one UTF-8 BYTES element, shape [1] (quote JSON-looking text)
 * NAME={"dtype":"FP32","shape":[2],"data":[1,2]}   the JSON output's own tensor form
 * </pre>
 *
 * <p>DTYPE is an Open Inference Protocol type name (BOOL, UINT8..UINT64, INT8..INT64, FP16, BF16,
 * FP32, FP64, BYTES), case-insensitive; float types also read "NaN", "Infinity" and "-Infinity".
 */
final class InputSpec {
  /** The CLI's one JSON reader: inputs, JSONL batches and model descriptions. */
  static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(JsonLimits.MAX_NESTING_DEPTH).build())
      .build());

  private InputSpec() {}

  /**
   * Parses one {@code --input} value into a tensor.
   *
   * @throws UsageError saying what is wrong with it
   */
  static Tensor parse(String spec, Path baseDir) {
    int eq = spec.indexOf('=');
    if (eq <= 0) {
      throw new UsageError("--input '" + spec + "' is not NAME=VALUE");
    }
    String name = spec.substring(0, eq);
    String value = spec.substring(eq + 1);
    try {
      return value.startsWith("@") ? file(name, value.substring(1), baseDir) : literal(name, value);
    } catch (IllegalArgumentException e) {
      throw new UsageError("--input " + name + ": " + e.getMessage(), e);
    }
  }

  private static Tensor file(String name, String rest, Path baseDir) {
    DataType dtype = null;
    String path = rest;
    int colon = rest.lastIndexOf(':');
    if (colon > 0 && isDtype(rest.substring(colon + 1))) {
      dtype = DataType.fromWireName(rest.substring(colon + 1));
      path = rest.substring(0, colon);
    }
    Path file = baseDir.resolve(path);
    if (dtype == DataType.BYTES) {
      try {
        return Tensor.ofBytes(name, new byte[][] {Files.readAllBytes(file)}, 1);
      } catch (IOException e) {
        throw new IllegalArgumentException("cannot read " + file + ": " + e);
      }
    }
    if (dtype != null) {
      throw new IllegalArgumentException("a .npy file carries its own dtype; after @FILE only :BYTES (send the raw"
          + " bytes) is allowed, got :" + dtype.wireName());
    }
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("no such file: " + file);
    }
    if (!startsWithNpyMagic(file)) {
      throw new IllegalArgumentException(file + " is not a .npy file; write @" + path + ":BYTES to send its raw bytes");
    }
    try {
      return NpyFiles.read(file, name);
    } catch (UncheckedIOException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  private static boolean startsWithNpyMagic(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return Arrays.equals(in.readNBytes(6), new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'});
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + file + ": " + e, e);
    }
  }

  /** A JSON literal or a plain string, with an optional {@code :DTYPE} suffix. */
  static Tensor literal(String name, String value) {
    DataType dtype = null;
    String body = value;
    int colon = value.lastIndexOf(':');
    if (colon > 0 && isDtype(value.substring(colon + 1))) {
      dtype = DataType.fromWireName(value.substring(colon + 1));
      body = value.substring(0, colon);
    }
    JsonNode node = json(body);
    if (node == null) {
      String t = body.trim();
      if (t.startsWith("[") || t.startsWith("{")) {
        throw new IllegalArgumentException("'" + abbreviate(body) + "' is not valid JSON");
      }
      if (dtype != null && dtype.isFloatingPoint() && (t.equals("NaN") || t.equals("Infinity") || t.equals("-Infinity"))) {
        return JsonTensors.fromJson(name, JSON.getNodeFactory().textNode(t), dtype);
      }
      if (dtype != null && dtype != DataType.BYTES) {
        throw new IllegalArgumentException("'" + abbreviate(body) + "' is text, not a " + dtype.wireName() + " value");
      }
      return Tensor.ofBytes(name, new byte[][] {body.getBytes(StandardCharsets.UTF_8)}, 1);
    }
    if (node.isTextual() || node.isObject() && node.has("b64")) {
      return JsonTensors.fromJson(name, JSON.createArrayNode().add(node), dtype == null ? DataType.BYTES : dtype);
    }
    return JsonTensors.fromJson(name, node, dtype);
  }

  private static JsonNode json(String text) {
    try {
      JsonNode node = JSON.readTree(text);
      return node == null || node.isMissingNode() ? null : node;
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  static boolean isDtype(String s) {
    if (!s.matches("[A-Za-z0-9]+")) {
      return false;
    }
    try {
      DataType.fromWireName(s);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "...";
  }
}
