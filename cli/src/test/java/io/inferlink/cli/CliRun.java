package io.inferlink.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * Runs the command line in this JVM with captured output, as a user's shell would see it.
 *
 * @param code the exit code
 * @param out what went to standard output
 * @param err what went to standard error
 */
record CliRun(int code, String out, String err) {
  static final ObjectMapper JSON = new ObjectMapper();

  static CliRun run(String... args) {
    return run(false, args);
  }

  static CliRun run(boolean interactive, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true), () -> interactive);
    return new CliRun(code, out.toString(), err.toString());
  }

  /** Standard output parsed as one JSON document. */
  JsonNode json() {
    try {
      return JSON.readTree(out);
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + out + "\nerr: " + err, e);
    }
  }

  /** One line of JSON. */
  static JsonNode parse(String line) {
    try {
      return JSON.readTree(line);
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + line, e);
    }
  }

  @Override
  public String toString() {
    return "exit " + code + "\n--- out\n" + out + "--- err\n" + err;
  }
}
