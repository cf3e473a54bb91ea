package io.inferlink.cli;

import io.inferlink.InferenceClient;
import io.inferlink.InferenceRequest;
import io.inferlink.InferenceResponse;
import io.inferlink.ModelRef;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code inferlink infer}: one request, its answer as a table or as stable JSON. */
@Command(name = "infer", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Runs a model once and prints its outputs.", "",
        "--input NAME=VALUE forms:",
        "  x=@file.npy           a NumPy .npy file (dtype and shape from the file)",
        "  x=@file.bin:BYTES     a file's raw bytes as one BYTES element, shape [1]",
        "  x=[[1,2],[3,4]]:FP32  a JSON literal with an optional dtype (without one: integers INT64,",
        "                        other numbers FP32, true/false BOOL, strings BYTES); 3 is a scalar",
        "  x='\"text\"'  x=text    a string: one BYTES element, shape [1]"},
    footer = {"", "Example:", "  inferlink infer -e kserve-v2+http://localhost:8080 --model add_one --input 'x=[[1,2]]:FP32' --output json"})
final class InferCommand extends ClientCommand {
  @Option(names = {"-m", "--model"}, required = true, paramLabel = "NAME[:VERSION|@LABEL]", description = "The model.")
  String model;

  @Option(names = {"-i", "--input"}, paramLabel = "NAME=VALUE", description = "An input tensor; repeatable.")
  List<String> inputs = new ArrayList<>();

  @Option(names = "--request-output", paramLabel = "NAME", description = "Asks for this output only; repeatable.")
  List<String> requestedOutputs = new ArrayList<>();

  @Option(names = "--id", description = "A request id, for protocols that carry one.")
  String id;

  @Option(names = {"-o", "--output"}, paramLabel = "table|json", defaultValue = "table",
      description = "How to print the answer: table (default) or json (stable, one line; see README).")
  OutputFormat output;

  @Option(names = "--save", paramLabel = "DIR", description = "Also writes each output to DIR/<output>.npy.")
  Path saveDir;

  @Override
  public Integer call() {
    ModelRef ref = model(model);
    InferenceRequest request = Requests.build(ref, inputs, requestedOutputs, id);
    InferenceResponse response;
    try (InferenceClient client = connect()) {
      response = client.infer(request);
    } catch (CommandFailure | UsageError e) {
      throw e;
    } catch (RuntimeException e) {
      throw new CommandFailure("infer on model '" + ref + "'", shownEndpoint(), e);
    }
    if (output == OutputFormat.json) {
      out().println(ResponseJson.toJson(response));
    } else {
      Tables.printResponse(out(), response);
    }
    if (saveDir != null) {
      Requests.save(response, saveDir, err());
    }
    out().flush();
    return ExitCodes.OK;
  }
}
