package io.inferlink.cli;

import io.inferlink.ClientOptions;
import io.inferlink.InferenceClient;
import io.inferlink.InferenceRequest;
import io.inferlink.ModelRef;
import io.inferlink.parity.Parity;
import io.inferlink.parity.ParityReport;
import io.inferlink.parity.Tolerance;
import io.inferlink.spi.Endpoint;
import io.inferlink.spi.support.SecretScrubber;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code inferlink parity}: the same request on several servers, every output compared with the
 * first server's ({@link Parity}). Exit 0 when all match, 3 on a mismatch, 1 when a call failed.
 */
@Command(name = "parity", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Sends one request to several servers and compares their outputs.", "",
        "Every output is compared with the first server's: element type and shape equality, max absolute",
        "and relative difference; BYTES exactly.",
        "An element matches when |other - first| <= TOL + RTOL * |first| (NaN matches NaN).",
        "Exit code 0 when all match, 3 on a mismatch, 1 when a call failed."},
    footer = {"", "Example:", "  inferlink parity -e tfserving+grpc://host:8500 -e kserve-v2+grpc://host:8081 \\",
        "      --model add_one --input 'x=[[1,2]]:FP32' --tolerance 1e-6"})
final class ParityCommand extends BaseCommand {
  @Option(names = {"-e", "--endpoint"}, required = true, paramLabel = "ENDPOINT",
      description = "A server; give two or more. The first is the baseline.")
  List<String> endpoints = new ArrayList<>();

  @Mixin
  ConnectionOptions connection;

  @Option(names = {"-m", "--model"}, required = true, paramLabel = "NAME[:VERSION|@LABEL]", description = "The model.")
  String model;

  @Option(names = {"-i", "--input"}, paramLabel = "NAME=VALUE", description = "An input, as for 'infer'; repeatable.")
  List<String> inputs = new ArrayList<>();

  @Option(names = "--request-output", paramLabel = "NAME", description = "Asks for this output only; repeatable.")
  List<String> requestedOutputs = new ArrayList<>();

  @Option(names = "--tolerance", paramLabel = "TOL", defaultValue = "0",
      description = "Absolute tolerance (default: ${DEFAULT-VALUE}, exact).")
  double tolerance;

  @Option(names = "--rtol", paramLabel = "RTOL", defaultValue = "0",
      description = "Tolerance relative to the first server's value (default: ${DEFAULT-VALUE}).")
  double rtol;

  @Option(names = "--allow-dtype-change", description = "Counts equal values of different element types as a match.")
  boolean allowDtypeChange;

  @Option(names = {"-o", "--output"}, paramLabel = "table|json", defaultValue = "table", description = "table or json.")
  OutputFormat output;

  @Override
  public Integer call() {
    if (endpoints.size() < 2) {
      throw new UsageError("parity needs at least two --endpoint, got " + endpoints.size());
    }
    Tolerance tol;
    try {
      tol = new Tolerance(tolerance, rtol);
    } catch (IllegalArgumentException e) {
      throw new UsageError(e.getMessage(), e);
    }
    ModelRef ref = ClientCommand.model(model);
    InferenceRequest request = Requests.build(ref, inputs, requestedOutputs, null);
    ClientOptions options = connection.toClientOptions();
    List<InferenceClient> clients = new ArrayList<>();
    try {
      Parity.Builder parity = Parity.builder().tolerance(tol).requireSameDtype(!allowDtypeChange);
      List<String> labels = new ArrayList<>();
      for (String e : endpoints) {
        String label = ClientCommand.shown(e);
        if (labels.contains(label)) {
          label = label + " #" + (labels.size() + 1);
        }
        labels.add(label);
        clients.add(connect(e, options));
        parity.client(label, clients.get(clients.size() - 1));
      }
      ParityReport report = parity.build().run(request);
      out().println(output == OutputFormat.json ? ParityJson.toJson(report, secrets())
          : ErrorReport.mask(report.format(), secrets()));
      out().flush();
      return !report.allSucceeded() ? ExitCodes.FAILURE : report.matches() ? ExitCodes.OK : ExitCodes.MISMATCH;
    } finally {
      clients.forEach(InferenceClient::close);
    }
  }

  private static InferenceClient connect(String endpoint, ClientOptions options) {
    try {
      Endpoint.parseHosts(endpoint);
    } catch (IllegalArgumentException ex) {
      throw new UsageError(ex.getMessage(), ex);
    }
    try {
      return InferenceClient.create(endpoint, options);
    } catch (RuntimeException ex) {
      throw new CommandFailure("connecting", ClientCommand.shown(endpoint), ex);
    }
  }

  @Override
  SecretScrubber secrets() {
    return connection == null ? SecretScrubber.NONE : connection.secrets();
  }
}
