package io.inferlink.cli;

import io.inferlink.ClientOptions;
import io.inferlink.InferenceClient;
import io.inferlink.ModelRef;
import io.inferlink.spi.Endpoint;
import io.inferlink.spi.support.SecretScrubber;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * A subcommand that talks to one server: {@code --endpoint} (or {@code INFERLINK_ENDPOINT}) and the
 * connection options. Not thread-safe (one run per instance).
 */
abstract class ClientCommand extends BaseCommand {
  @Option(names = {"-e", "--endpoint"}, paramLabel = "ENDPOINT",
      description = "The server, e.g. kserve-v2+grpc://localhost:8081 or tfserving+http://host:8501"
          + " (default: $INFERLINK_ENDPOINT).")
  String endpoint;

  @Mixin
  ConnectionOptions connection;

  /** The endpoint string given, or {@code INFERLINK_ENDPOINT}. */
  String endpointText() {
    String e = endpoint != null ? endpoint : System.getenv("INFERLINK_ENDPOINT");
    if (e == null || e.isBlank()) {
      throw new UsageError("no endpoint: give --endpoint (e.g. kserve-v2+http://localhost:8080) or set INFERLINK_ENDPOINT");
    }
    return e;
  }

  /** The endpoint as it may be printed: credentials and secret query values masked. */
  String shownEndpoint() {
    return shown(endpointText());
  }

  static String shown(String endpoint) {
    try {
      return Endpoint.parse(endpoint).toString();
    } catch (IllegalArgumentException e) {
      return io.inferlink.spi.support.Redaction.redactText(endpoint);
    }
  }

  /**
   * Connects; a malformed endpoint is a usage error, an unknown scheme a failure naming the
   * artifacts.
   */
  InferenceClient connect() {
    ClientOptions options = connection.toClientOptions();
    String e = endpointText();
    try {
      Endpoint.parseHosts(e); // one host, or several: a group of replicas
    } catch (IllegalArgumentException ex) {
      throw new UsageError(ex.getMessage(), ex);
    }
    try {
      return InferenceClient.create(e, options);
    } catch (RuntimeException ex) {
      throw new CommandFailure("connecting", shown(e), ex);
    }
  }

  /**
   * The usage error for a server-level question (readiness, metadata) the protocol only answers per
   * model (TF Serving): it names the command to run instead. Nothing was sent.
   */
  UsageError perModelOnly(String what, String command, RuntimeException refusal) {
    return new UsageError("the protocol has no server-level " + what + " (" + refusal.getMessage()
        + "); ask about a model instead: 'inferlink " + command + " -e " + shownEndpoint() + " -m MODEL'", refusal);
  }

  /** Parses {@code NAME}, {@code NAME:VERSION} or {@code NAME@LABEL}. */
  static ModelRef model(String text) {
    try {
      return ModelRef.parse(text);
    } catch (IllegalArgumentException e) {
      throw new UsageError("--model '" + text + "': " + e.getMessage(), e);
    }
  }

  @Override
  SecretScrubber secrets() {
    return connection == null ? SecretScrubber.NONE : connection.secrets();
  }
}
