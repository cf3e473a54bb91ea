package io.inferlink.cli;

import io.inferlink.InferenceClient;
import io.inferlink.ModelRef;
import io.inferlink.UnsupportedFeatureException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code inferlink ready}: is the server (or a model) ready? Exit 0 when it is, 4 when it answers
 * no, 1 when it cannot be asked. JSON: {@code {"endpoint","model","ready"}}.
 */
@Command(name = "ready", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Asks whether the server, or a model (--model), is ready.",
        "Exit code 0 when ready, 4 when not, 1 when the question itself failed: handy in wait loops."})
final class ReadyCommand extends ClientCommand {
  @Option(names = {"-m", "--model"}, paramLabel = "NAME[:VERSION|@LABEL]", description = "The model; without it, the server.")
  String model;

  @Option(names = {"-o", "--output"}, paramLabel = "table|json", defaultValue = "table", description = "table or json.")
  OutputFormat output;

  @Override
  public Integer call() {
    ModelRef ref = model == null ? null : model(model);
    boolean ready;
    try (InferenceClient client = connect()) {
      ready = ref == null ? client.serverReady() : client.modelReady(ref);
    } catch (CommandFailure | UsageError e) {
      throw e;
    } catch (UnsupportedFeatureException e) {
      throw ref == null ? perModelOnly("readiness", "ready", e)
          : new CommandFailure("readiness of model '" + ref + "'", shownEndpoint(), e);
    } catch (RuntimeException e) {
      throw new CommandFailure(ref == null ? "server readiness" : "readiness of model '" + ref + "'", shownEndpoint(), e);
    }
    String what = ref == null ? "server" : "model " + ref;
    if (output == OutputFormat.json) {
      out().println("{\"endpoint\":" + Json.quote(shownEndpoint()) + ",\"model\":" + (ref == null ? "null" : Json.quote(ref.toString()))
          + ",\"ready\":" + ready + "}");
    } else {
      out().println(what + (ready ? " is ready" : " is NOT ready") + " at " + shownEndpoint());
    }
    out().flush();
    return ready ? ExitCodes.OK : ExitCodes.NOT_READY;
  }
}
