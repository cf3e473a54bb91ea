package io.inferlink.examples.torchserve.internal;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.inferlink.Tensor;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an answer of the template's convention: a JSON object with one member per output, each a
 * value or nested lists, typed the way {@code torch.tensor()} types Python lists (see {@link
 * JsonLeaves}); a bare list or value is one output named {@value #UNNAMED_OUTPUT}. Streaming, so a
 * multi-MiB answer is never held as a tree. Stateless.
 */
final class TensorJsonReader {
  /** The name of the one output of a handler that answers a bare list or value. */
  static final String UNNAMED_OUTPUT = "output";

  private TensorJsonReader() {}

  /**
   * The outputs, in the order of the document.
   *
   * @throws MalformedAnswerException when the body is not JSON of the convention
   */
  static Map<String, Tensor> read(byte[] body) {
    Map<String, Tensor> outputs = new LinkedHashMap<>();
    try (JsonParser p = TorchServeJson.FACTORY.createParser(body)) {
      JsonToken first = p.nextToken();
      if (first == null) {
        throw new MalformedAnswerException("the body is empty");
      }
      if (first == JsonToken.START_OBJECT) {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          p.nextToken();
          if (outputs.put(name, readTensor(p, name)) != null) {
            throw new MalformedAnswerException("output '" + name + "' appears twice");
          }
        }
      } else {
        outputs.put(UNNAMED_OUTPUT, readTensor(p, UNNAMED_OUTPUT));
      }
      if (p.nextToken() != null) {
        throw new MalformedAnswerException("there is more after the JSON value");
      }
    } catch (JsonParseException e) {
      throw new MalformedAnswerException("the body is not JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new MalformedAnswerException("the body cannot be read: " + e.getMessage());
    }
    return outputs;
  }

  /** One output from the parser's current token (a value or the start of a list). */
  private static Tensor readTensor(JsonParser p, String name) throws IOException {
    JsonLeaves leaves = new JsonLeaves(name);
    List<Long> dims = new ArrayList<>();
    int[] rank = {-1};
    readLevel(p, name, 0, dims, rank, leaves);
    long[] shape = new long[rank[0] >= 0 ? rank[0] : dims.size()];
    for (int i = 0; i < shape.length; i++) {
      shape[i] = dims.get(i);
    }
    try {
      return leaves.toTensor(shape);
    } catch (IllegalArgumentException e) {
      // What a Tensor refuses, an empty member name say, is the server's mistake here.
      throw new MalformedAnswerException("output '" + name + "' cannot be a tensor: " + e.getMessage());
    }
  }

  /**
   * Reads a value at nesting depth {@code depth}. The first leaf fixes the rank; the first list to
   * end at each depth fixes that dimension ({@code dims} holds -1 until then), and every later list
   * at the same depth must repeat it, as {@code torch.tensor()} refuses ragged lists.
   */
  private static void readLevel(JsonParser p, String name, int depth, List<Long> dims, int[] rank,
      JsonLeaves leaves) throws IOException {
    JsonToken token = p.currentToken();
    if (token != JsonToken.START_ARRAY) {
      if (rank[0] < 0) {
        rank[0] = depth;
      }
      // A leaf must sit exactly at the rank, and no list may have been seen at its depth or deeper.
      if (depth != rank[0] || depth < dims.size()) {
        throw ragged(name);
      }
      leaves.add(p);
      return;
    }
    if (rank[0] >= 0 && depth >= rank[0]) {
      throw ragged(name);
    }
    long count = 0;
    while (p.nextToken() != JsonToken.END_ARRAY) {
      if (p.currentToken() == null) {
        throw new MalformedAnswerException("output '" + name + "' ends in the middle of a list");
      }
      readLevel(p, name, depth + 1, dims, rank, leaves);
      count++;
    }
    while (dims.size() <= depth) {
      dims.add(-1L);
    }
    if (dims.get(depth) < 0) {
      dims.set(depth, count);
    } else if (dims.get(depth) != count) {
      throw ragged(name);
    }
  }

  private static MalformedAnswerException ragged(String name) {
    return new MalformedAnswerException("output '" + name + "' is ragged: its lists do not all have the same"
        + " length at each depth, so it has no tensor shape");
  }
}
