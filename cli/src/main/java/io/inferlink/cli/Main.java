package io.inferlink.cli;

import java.io.PrintWriter;
import java.util.function.BooleanSupplier;
import picocli.CommandLine;

/**
 * Entry point of the {@code inferlink} command; see {@link ExitCodes} for what it returns.
 * Stateless: each run builds its own command objects.
 */
public final class Main {
  private Main() {}

  /** Runs the command and exits with its code. */
  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    System.exit(run(args, out, err, () -> System.console() != null));
  }

  /**
   * Runs the command in this JVM (tests, embedding) and returns its exit code; nothing is left
   * running afterwards.
   *
   * @param interactive whether standard error is a terminal (progress bars) or a log (plain lines)
   */
  public static int run(String[] args, PrintWriter out, PrintWriter err, BooleanSupplier interactive) {
    InferlinkCommand root = new InferlinkCommand();
    root.interactive = interactive;
    CommandLine cli = new CommandLine(root);
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      Object command = commandLine.getCommand();
      boolean verbose = command instanceof BaseCommand && ((BaseCommand) command).verbose;
      return ErrorReport.print(e, commandLine.getErr(), verbose,
          command instanceof BaseCommand ? ((BaseCommand) command).secrets() : io.inferlink.spi.support.SecretScrubber.NONE);
    });
    int code = cli.execute(args);
    out.flush();
    err.flush();
    return code;
  }
}
