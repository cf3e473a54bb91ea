package io.inferlink.testcontainers;

import java.util.Objects;
import java.util.function.ToIntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One endpoint a server serves: an Inferlink scheme on one of its named ports, with an optional query
 * ({@code binary=never}). A query may name another port of the server as {@code {port-name}}
 * ({@code management-port={management}}), filled in with the port the client reaches it on. Immutable.
 *
 * @param scheme the Inferlink scheme, e.g. {@code kserve-v2+grpc}
 * @param portName the server port it is served on
 * @param query the endpoint query without {@code ?}, or empty
 */
record EndpointForm(String scheme, String portName, String query) {
  private static final Pattern PORT_PLACEHOLDER = Pattern.compile("\\{([a-z-]+)}");

  EndpointForm {
    Objects.requireNonNull(scheme, "scheme");
    Objects.requireNonNull(portName, "portName");
    Objects.requireNonNull(query, "query");
  }

  /** A form without a query. */
  static EndpointForm of(String scheme, String portName) {
    return new EndpointForm(scheme, portName, "");
  }

  /** The endpoint string for the server reached at {@code host}, its ports as {@code reachablePort} gives them. */
  String format(String host, ToIntFunction<String> reachablePort) {
    String hostPart = host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
    Matcher placeholder = PORT_PLACEHOLDER.matcher(query);
    StringBuilder filled = new StringBuilder();
    while (placeholder.find()) {
      placeholder.appendReplacement(filled, String.valueOf(reachablePort.applyAsInt(placeholder.group(1))));
    }
    placeholder.appendTail(filled);
    return scheme + "://" + hostPart + ":" + reachablePort.applyAsInt(portName) + (query.isEmpty() ? "" : "?" + filled);
  }
}
