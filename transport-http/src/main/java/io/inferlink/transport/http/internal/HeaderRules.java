package io.inferlink.transport.http.internal;

import java.util.Locale;
import java.util.Set;

/**
 * What a header may be on this transport: what core's {@link io.inferlink.spi.support.HeaderRules} allows,
 * and none of the names the transport itself owns.
 */
final class HeaderRules {
  private static final Set<String> TRANSPORT_OWNED = Set.of(
      "host", "content-length", "content-type", "transfer-encoding", "connection", "keep-alive",
      "upgrade", "te", "trailer", "expect", "proxy-connection", "content-encoding", "accept-encoding");

  private HeaderRules() {}

  /** Checks name and value with core's one rule; the message never repeats the value. */
  static void check(String name, String value) {
    io.inferlink.spi.support.HeaderRules.check(name, value);
  }

  /** Null when the caller may set the header, else why not. */
  static String ownedByTransport(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    if (!TRANSPORT_OWNED.contains(n)) {
      return null;
    }
    if (n.equals("host")) {
      return "header 'Host' cannot be set directly; use ClientOptions.authority(...)";
    }
    if (n.equals("content-encoding") || n.equals("accept-encoding")) {
      return "header '" + name + "' is managed by the HTTP transport; use ClientOptions.compression(\"gzip\")";
    }
    if (n.equals("content-type")) {
      return "header 'Content-Type' is chosen by the protocol, not set as a header";
    }
    return "header '" + name + "' is managed by the HTTP transport and cannot be set";
  }
}
