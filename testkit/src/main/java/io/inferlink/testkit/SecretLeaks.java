package io.inferlink.testkit;

import io.inferlink.InferenceException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Finds secrets in a failure everywhere a log or a user could see them: the message, the server
 * message, {@code toString()}, every cause and suppressed exception (theirs too), and the printed
 * stack trace. For the kit's checks and for tests of transports that scrub what servers echo.
 * Stateless and thread-safe.
 */
public final class SecretLeaks {
  private SecretLeaks() {}

  /**
   * Fails, naming the secret and where it showed, when any of {@code secrets} appears in what
   * {@code failure} shows.
   *
   * @param what the call, for the assertion message
   * @param failure the exception to search, with its causes and suppressed exceptions
   * @param secrets the secret values that must not show, e.g. tokens or passwords
   * @throws AssertionError when a secret shows; its message names the secret
   */
  public static void assertNoneShown(String what, Throwable failure, Collection<String> secrets) {
    List<String> texts = texts(failure);
    for (String secret : secrets) {
      for (String text : texts) {
        if (text.contains(secret)) {
          throw new AssertionError(what + ": the secret '" + secret + "' shows in the failure: " + text);
        }
      }
    }
  }

  /**
   * Every text the failure shows, the printed stack trace last.
   *
   * @param failure the exception to read, with its causes and suppressed exceptions
   * @return a new list of messages and {@code toString()}s, each exception once, then the stack trace
   */
  public static List<String> texts(Throwable failure) {
    List<String> out = new ArrayList<>();
    collect(failure, out, Collections.newSetFromMap(new IdentityHashMap<>()));
    StringWriter trace = new StringWriter();
    failure.printStackTrace(new PrintWriter(trace));
    out.add(trace.toString());
    return out;
  }

  private static void collect(Throwable t, List<String> out, Set<Throwable> seen) {
    if (t == null || !seen.add(t)) {
      return;
    }
    out.add(String.valueOf(t.getMessage()));
    out.add(String.valueOf(t.getLocalizedMessage()));
    out.add(t.toString());
    if (t instanceof InferenceException) {
      out.add(String.valueOf(((InferenceException) t).serverMessage()));
    }
    collect(t.getCause(), out, seen);
    for (Throwable s : t.getSuppressed()) {
      collect(s, out, seen);
    }
  }
}
