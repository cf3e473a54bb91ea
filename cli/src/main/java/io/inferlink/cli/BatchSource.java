package io.inferlink.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.inferlink.npy.NpyFiles;
import io.inferlink.Tensor;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.stream.Stream;

/**
 * Where batch items come from, read lazily so a large file is never held in memory.
 *
 * <p>A JSONL file: one request per non-blank line, either {@code {"id": "...", "inputs": {NAME: VALUE}}}
 * or just {@code {NAME: VALUE}}, where VALUE is a JSON literal (typed as for {@code --input}) or the
 * output's tensor form {@code {"dtype": "FP32", "shape": [...], "data": [...]}}. A folder: one
 * request per {@code *.npy} file, in name order, its tensor sent as the one input. Not thread-safe.
 */
abstract class BatchSource implements Iterator<BatchItem>, AutoCloseable {

  /** The number of items, counted up front for the progress bar's ETA. */
  abstract long total();

  @Override
  public abstract void close();

  static BatchSource jsonl(Path file) {
    return new Jsonl(file);
  }

  static BatchSource npyFolder(Path dir, String inputName) {
    return new NpyFolder(dir, inputName);
  }

  private static final class Jsonl extends BatchSource {
    private final BufferedReader reader;
    private final long total;
    private long index;
    private long lineNumber;
    private String next;

    Jsonl(Path file) {
      try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
        total = lines.filter(l -> !l.isBlank()).count();
        reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
      } catch (IOException | UncheckedIOException e) {
        throw new UsageError("cannot read " + file + ": " + e.getMessage(), e);
      }
    }

    @Override
    long total() {
      return total;
    }

    @Override
    public boolean hasNext() {
      try {
        while (next == null) {
          String line = reader.readLine();
          if (line == null) {
            return false;
          }
          lineNumber++;
          if (!line.isBlank()) {
            next = line;
          }
        }
        return true;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public BatchItem next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      String line = next;
      next = null;
      long i = index++;
      String id = "line-" + lineNumber;
      try {
        JsonNode node = InputSpec.JSON.readTree(line);
        if (!node.isObject()) {
          return new BatchItem(i, id, null, "line " + lineNumber + " is not a JSON object");
        }
        if (node.hasNonNull("id") && node.path("inputs").isObject()) {
          id = node.get("id").asText();
        }
        JsonNode inputs = node.path("inputs").isObject() ? node.get("inputs") : node;
        List<Tensor> tensors = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = inputs.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          tensors.add(JsonTensors.fromJson(e.getKey(), e.getValue(), null));
        }
        if (tensors.isEmpty()) {
          return new BatchItem(i, id, null, "line " + lineNumber + " has no inputs");
        }
        return new BatchItem(i, id, tensors, null);
      } catch (IOException | IllegalArgumentException e) {
        return new BatchItem(i, id, null, "line " + lineNumber + ": " + e.getMessage().replace('\n', ' '));
      }
    }

    @Override
    public void close() {
      try {
        reader.close();
      } catch (IOException e) {
        // nothing more to read either way
      }
    }
  }

  private static final class NpyFolder extends BatchSource {
    private final List<Path> files;
    private final String inputName;
    private int index;

    NpyFolder(Path dir, String inputName) {
      this.inputName = inputName;
      try (Stream<Path> list = Files.list(dir)) {
        files = list.filter(p -> p.getFileName().toString().endsWith(".npy") && Files.isRegularFile(p)).sorted().toList();
      } catch (IOException | UncheckedIOException e) {
        throw new UsageError("cannot list " + dir + ": " + e.getMessage(), e);
      }
      if (files.isEmpty()) {
        throw new UsageError(dir + " holds no .npy files");
      }
    }

    @Override
    long total() {
      return files.size();
    }

    @Override
    public boolean hasNext() {
      return index < files.size();
    }

    @Override
    public BatchItem next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      int i = index++;
      Path file = files.get(i);
      String id = file.getFileName().toString();
      try {
        return new BatchItem(i, id, List.of(NpyFiles.read(file, inputName)), null);
      } catch (IllegalArgumentException | UncheckedIOException e) {
        return new BatchItem(i, id, null, e.getMessage());
      }
    }

    @Override
    public void close() {}
  }
}
