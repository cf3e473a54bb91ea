package io.inferlink.cli;

import io.inferlink.AuthenticationException;
import io.inferlink.DeadlineExceededException;
import io.inferlink.InvalidRequestException;
import io.inferlink.ModelNotFoundException;
import io.inferlink.ProviderConfigurationException;
import io.inferlink.ResourceExhaustedException;
import io.inferlink.ServerException;
import io.inferlink.UnavailableException;
import io.inferlink.UnsupportedFeatureException;
import io.inferlink.spi.support.SecretScrubber;
import java.io.PrintWriter;

/**
 * Turns a failure into the one line a user reads (what failed, where, why, what to do) and the exit
 * code, with the cause chain under {@code --verbose}. Every line goes through the
 * {@link SecretScrubber} of the credentials and secret-named headers given on the command line, so
 * no credential is printed even when a server echoes one. Stateless and thread-safe.
 */
final class ErrorReport {
  private ErrorReport() {}

  /** Prints the failure and returns its exit code. */
  static int print(Throwable failure, PrintWriter err, boolean verbose, SecretScrubber secrets) {
    err.println(mask(line(failure), secrets));
    if (verbose) {
      for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
        err.println(mask("  caused by " + t.getClass().getName() + ": " + t.getMessage(), secrets));
      }
    } else if (!(failure instanceof UsageError)) {
      err.println("(--verbose shows the cause chain)");
    }
    err.flush();
    return exitCode(failure);
  }

  /** {@link ExitCodes#USAGE} for command-line mistakes, {@link ExitCodes#FAILURE} for the rest. */
  static int exitCode(Throwable failure) {
    Throwable root = failure instanceof CommandFailure ? failure.getCause() : failure;
    return root instanceof UsageError || root instanceof IllegalArgumentException
        ? ExitCodes.USAGE : ExitCodes.FAILURE;
  }

  /** {@code error: <action> at <endpoint> failed: <why>; <what to do>}. */
  static String line(Throwable failure) {
    if (failure instanceof CommandFailure) {
      CommandFailure f = (CommandFailure) failure;
      String where = f.endpoint() == null ? "" : " at " + f.endpoint();
      return "error: " + f.action() + where + " failed: " + reason(f.getCause()) + hint(f.getCause());
    }
    return "error: " + reason(failure) + hint(failure);
  }

  /** One line without credentials, for tables and JSON records. */
  static String shortReason(Throwable failure, SecretScrubber secrets) {
    return mask(reason(failure), secrets);
  }

  private static String reason(Throwable t) {
    String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage().replace('\n', ' ');
    // An InferenceException's message already names its code, status and provider.
    return message;
  }

  private static String hint(Throwable t) {
    String h;
    if (t instanceof UnavailableException) {
      h = "is the server running and listening there? check the host, port and scheme";
    } else if (t instanceof ModelNotFoundException) {
      h = "check the model name, version or label (NAME, NAME:VERSION or NAME@LABEL)";
    } else if (t instanceof InvalidRequestException) {
      h = "check the inputs' names, dtypes and shapes against 'inferlink metadata --model NAME'";
    } else if (t instanceof AuthenticationException) {
      h = "check the credentials (--bearer, --basic) and TLS options (--ca, --cert, --key)";
    } else if (t instanceof DeadlineExceededException) {
      h = "the server did not answer in time: raise --timeout";
    } else if (t instanceof UnsupportedFeatureException) {
      h = "this protocol or server lacks it: try another endpoint form";
    } else if (t instanceof ResourceExhaustedException) {
      h = "the server is overloaded or the message is too large: retry later or send less";
    } else if (t instanceof ProviderConfigurationException) {
      h = "check the endpoint (scheme, host, port, base path) and its options";
    } else if (t instanceof ServerException) {
      h = "the server failed: its logs say more";
    } else if (t instanceof UsageError || t instanceof IllegalArgumentException) {
      h = "see 'inferlink <command> --help'";
    } else {
      return "";
    }
    return "; " + h;
  }

  static String mask(String text, SecretScrubber secrets) {
    return (secrets == null ? SecretScrubber.NONE : secrets).scrub(text);
  }
}
