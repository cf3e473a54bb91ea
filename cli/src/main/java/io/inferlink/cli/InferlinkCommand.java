package io.inferlink.cli;

import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The top-level {@code inferlink} command; alone, it prints the list of subcommands. Holds the
 * settings tests override (whether standard error is a terminal). Not thread-safe (one run per instance).
 */
@Command(name = "inferlink", mixinStandardHelpOptions = true, versionProvider = Versions.class,
    description = "One command line for every model server: TF Serving (REST, gRPC), KServe V1, the Open Inference"
        + " Protocol (KServe V2, Triton, MLServer; REST and gRPC) and Paperspace Gradient.",
    subcommands = {DemoCommand.class, InferCommand.class, MetadataCommand.class, ReadyCommand.class,
        HealthCommand.class, BatchCommand.class, ParityCommand.class, EmulatorCommand.class, HelpCommand.class},
    footer = {"", "Exit codes: 0 ok, 1 failure, 2 usage, 3 parity mismatch, 4 not ready/not live."})
public final class InferlinkCommand implements Callable<Integer> {
  /** Whether progress may redraw one line: true when the JVM has a console. */
  BooleanSupplier interactive = () -> System.console() != null;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCodes.USAGE;
  }
}
