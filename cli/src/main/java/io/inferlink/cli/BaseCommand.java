package io.inferlink.cli;

import io.inferlink.spi.support.SecretScrubber;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * What every subcommand shares: {@code --verbose}, the output and error writers the command line
 * was given, and the secrets to mask in any message. Not thread-safe (one run per instance).
 */
abstract class BaseCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = {"-v", "--verbose"}, description = "On failure, also prints the cause chain.")
  boolean verbose;

  /** Where results go (standard output unless a test says otherwise). */
  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  /** Where errors and progress go (standard error unless a test says otherwise). */
  PrintWriter err() {
    return spec.commandLine().getErr();
  }

  /** Masks the values never to print; {@link SecretScrubber#NONE} unless the command takes credentials. */
  SecretScrubber secrets() {
    return SecretScrubber.NONE;
  }

  /** The root command, for settings tests inject (terminal detection). */
  InferlinkCommand root() {
    CommandSpec s = spec;
    while (s.parent() != null) {
      s = s.parent();
    }
    return (InferlinkCommand) s.userObject();
  }
}
