package io.inferlink.cli;

import io.inferlink.InferenceClient;
import io.inferlink.UnsupportedFeatureException;
import java.util.function.Supplier;
import picocli.CommandLine.Command;

/**
 * {@code inferlink health}: liveness and readiness at once. A protocol without one of them reports
 * it as unknown; TF Serving has neither, and gets a note pointing at {@code ready -m MODEL}. Exit 0
 * when every known answer is yes (or none is known), 4 when one is no, 1 when a call failed. JSON:
 * {@code {"endpoint","live","ready"}}, {@code null} for unknown.
 */
@Command(name = "health", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Asks whether the server is live and ready.",
        "Exit code 0 when both are yes (or unknown for the protocol), 4 when one is no, 1 on failure."})
final class HealthCommand extends ClientCommand {
  @picocli.CommandLine.Option(names = {"-o", "--output"}, paramLabel = "table|json", defaultValue = "table",
      description = "table or json.")
  OutputFormat output;

  @Override
  public Integer call() {
    Boolean live;
    Boolean ready;
    try (InferenceClient client = connect()) {
      live = ask(client::serverLive);
      ready = ask(client::serverReady);
    } catch (CommandFailure | UsageError e) {
      throw e;
    } catch (RuntimeException e) {
      throw new CommandFailure("health check", shownEndpoint(), e);
    }
    if (live == null && ready == null) {
      err().println("note: this protocol has no server-level liveness or readiness; 'inferlink ready -e "
          + shownEndpoint() + " -m MODEL' asks whether a model is ready");
      err().flush();
    }
    if (output == OutputFormat.json) {
      out().println("{\"endpoint\":" + Json.quote(shownEndpoint()) + ",\"live\":" + live + ",\"ready\":" + ready + "}");
    } else {
      out().println("live: " + word(live) + ", ready: " + word(ready) + " at " + shownEndpoint());
    }
    out().flush();
    return Boolean.FALSE.equals(live) || Boolean.FALSE.equals(ready) ? ExitCodes.NOT_READY : ExitCodes.OK;
  }

  private static Boolean ask(Supplier<Boolean> question) {
    try {
      return question.get();
    } catch (UnsupportedFeatureException e) {
      return null;
    }
  }

  private static String word(Boolean b) {
    return b == null ? "unknown (the protocol has no such check)" : b ? "yes" : "NO";
  }
}
