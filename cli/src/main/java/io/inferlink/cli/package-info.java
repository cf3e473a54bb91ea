/**
 * The {@code inferlink} command line: {@link io.inferlink.cli.Main} and one picocli command per
 * subcommand (demo, infer, metadata, ready, health, batch, parity, emulator). Exit codes are in
 * {@link io.inferlink.cli.ExitCodes}; the input grammar in {@link io.inferlink.cli.InputSpec}; the
 * JSON output in {@link io.inferlink.cli.ResponseJson}.
 */
package io.inferlink.cli;
