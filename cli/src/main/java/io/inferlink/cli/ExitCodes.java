package io.inferlink.cli;

/**
 * The exit codes of every {@code inferlink} subcommand, stable for scripts. Constants only.
 *
 * <table>
 *   <caption>exit codes</caption>
 *   <tr><td>0</td><td>success (for {@code ready}/{@code health}: ready and live; for {@code parity}: all match)</td></tr>
 *   <tr><td>1</td><td>a call failed (unreachable server, unknown model, refused input...), or some
 *       batch items or demo rows failed</td></tr>
 *   <tr><td>2</td><td>usage: a bad option, endpoint string, {@code --input} or file</td></tr>
 *   <tr><td>3</td><td>{@code parity}: every server answered, but not alike</td></tr>
 *   <tr><td>4</td><td>{@code ready}/{@code health}: the server answered that it is not ready (or not live)</td></tr>
 * </table>
 */
public final class ExitCodes {
  /** Success. */
  public static final int OK = 0;
  /** A call failed, or some batch items or demo rows did. */
  public static final int FAILURE = 1;
  /** The command line was wrong; nothing was sent. */
  public static final int USAGE = 2;
  /** Parity: the servers answered differently. */
  public static final int MISMATCH = 3;
  /** Ready/health: the server said no. */
  public static final int NOT_READY = 4;

  private ExitCodes() {}
}
