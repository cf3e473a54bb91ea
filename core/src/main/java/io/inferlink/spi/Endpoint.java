package io.inferlink.spi;

import io.inferlink.spi.support.Redaction;
import java.net.InetAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A parsed endpoint string: {@code scheme://[user[:password]@]host[:port][/base/path][?name=value&...]}.
 * The scheme picks the provider ({@code kserve-v2+grpc}); a base path is kept for ingress prefixes;
 * query parameters become protocol options. IPv6 literals are written in brackets
 * ({@code tfserving+http://[::1]:8501}). Immutable and thread-safe; {@link #toString()} masks the
 * user-info and secret-looking query values.
 */
public final class Endpoint {
  private final String scheme;
  private final String userInfo;
  private final String host;
  private final int port;
  private final String basePath;
  private final Map<String, String> query;
  private final InetAddress address;

  private Endpoint(String scheme, String userInfo, String host, int port, String basePath, Map<String, String> query,
      InetAddress address) {
    this.scheme = scheme;
    this.userInfo = userInfo;
    this.host = host;
    this.port = port;
    this.basePath = basePath;
    this.query = query;
    this.address = address;
  }

  /**
   * Parses an endpoint string.
   *
   * @param text the endpoint string; not null
   * @return the parsed endpoint
   * @throws IllegalArgumentException saying what is wrong (the message never repeats credentials)
   */
  public static Endpoint parse(String text) {
    Objects.requireNonNull(text, "endpoint");
    String s = text.trim();
    int sep = s.indexOf("://");
    if (sep <= 0) {
      throw bad(text, "expected scheme://host[:port][/path], e.g. kserve-v2+grpc://localhost:8081");
    }
    String scheme = s.substring(0, sep).toLowerCase(Locale.ROOT);
    if (!scheme.matches("[a-z][a-z0-9+.\\-]*")) {
      throw bad(text, "scheme '" + scheme + "' has characters other than letters, digits, '+', '-' and '.'");
    }
    String rest = s.substring(sep + 3);
    if (rest.indexOf('#') >= 0) {
      throw bad(text, "a fragment (#...) is not allowed");
    }
    int q = rest.indexOf('?');
    String query = q >= 0 ? rest.substring(q + 1) : "";
    String beforeQuery = q >= 0 ? rest.substring(0, q) : rest;
    int slash = beforeQuery.indexOf('/');
    String authority = slash >= 0 ? beforeQuery.substring(0, slash) : beforeQuery;
    String path = slash >= 0 ? beforeQuery.substring(slash) : "";

    String userInfo = null;
    int at = authority.lastIndexOf('@');
    if (at >= 0) {
      userInfo = authority.substring(0, at);
      authority = authority.substring(at + 1);
    }
    String host;
    int port = -1;
    String portText = null;
    if (authority.startsWith("[")) {
      int close = authority.indexOf(']');
      if (close < 0) {
        throw bad(text, "IPv6 address is missing its closing ']'");
      }
      host = authority.substring(1, close);
      if (!host.matches("[0-9A-Fa-f:.]+(%[A-Za-z0-9._~\\-]+)?") || !isIpv6Address(host.split("%", 2)[0])) {
        throw bad(text, "'" + host + "' is not an IPv6 address");
      }
      String after = authority.substring(close + 1);
      if (after.startsWith(":")) {
        portText = after.substring(1);
      } else if (!after.isEmpty()) {
        throw bad(text, "unexpected '" + after + "' after the IPv6 address");
      }
    } else {
      int colon = authority.lastIndexOf(':');
      if (colon >= 0) {
        host = authority.substring(0, colon);
        portText = authority.substring(colon + 1);
      } else {
        host = authority;
      }
      if (!host.matches("[A-Za-z0-9._~\\-]*")) {
        throw bad(text, "host '" + host + "' has characters not allowed in a host name");
      }
    }
    if (host.isEmpty()) {
      throw bad(text, "no host");
    }
    if (userInfo != null) {
      try {
        userInfo = decodeUserInfo(userInfo);
      } catch (IllegalArgumentException e) {
        throw bad(text, "bad percent-encoding in the user-info");
      }
    }
    if (portText != null) {
      if (!portText.matches("[0-9]{1,5}")) {
        throw bad(text, "port '" + portText + "' is not a number");
      }
      port = Integer.parseInt(portText);
      if (port < 1 || port > 65535) {
        throw bad(text, "port " + port + " is outside 1..65535");
      }
    }
    return new Endpoint(scheme, userInfo, host, port, normalisePath(text, path), parseQuery(text, query), null);
  }

  /**
   * Parses an endpoint string that may list several hosts of one server, separated by commas
   * ({@code kserve-v2+grpc://a:8001,b:8001/base?timeout=5s}): one endpoint per host, each with the string's
   * scheme, user-info, base path and query. A string with one host gives one endpoint, as {@link #parse} does.
   *
   * @param text the endpoint string, with one host or several separated by commas; not null
   * @return one endpoint per host, in the string's order; never empty
   * @throws IllegalArgumentException saying what is wrong, as {@link #parse} does
   */
  public static java.util.List<Endpoint> parseHosts(String text) {
    Objects.requireNonNull(text, "endpoint");
    String s = text.trim();
    int sep = s.indexOf("://");
    int start = sep >= 0 ? sep + 3 : 0;
    int end = s.length();
    for (char c : new char[] {'/', '?', '#'}) {
      int i = s.indexOf(c, start);
      if (i >= 0 && i < end) {
        end = i;
      }
    }
    // User-info may hold a comma too: the hosts start after its last '@', as parse() reads it.
    int at = s.lastIndexOf('@', end - 1);
    int hostsStart = at >= start ? at + 1 : start;
    String hosts = s.substring(hostsStart, end);
    if (sep < 0 || hosts.indexOf(',') < 0) {
      return java.util.List.of(parse(text));
    }
    java.util.List<Endpoint> all = new java.util.ArrayList<>();
    for (String host : hosts.split(",", -1)) {
      if (host.isBlank()) {
        throw bad(text, "an empty host in the list of hosts");
      }
      all.add(parse(s.substring(0, hostsStart) + host.trim() + s.substring(end)));
    }
    return java.util.List.copyOf(all);
  }

  /** RFC 4291 text forms, including a trailing dotted IPv4 part; the zone id is checked separately. */
  private static boolean isIpv6Address(String address) {
    String a = address;
    int lastColon = a.lastIndexOf(':');
    if (lastColon < 0) {
      return false;
    }
    if (a.indexOf('.') >= 0) {
      String[] v4 = a.substring(lastColon + 1).split("\\.", -1);
      if (v4.length != 4) {
        return false;
      }
      for (String octet : v4) {
        if (!octet.matches("[0-9]{1,3}") || Integer.parseInt(octet) > 255) {
          return false;
        }
      }
      a = a.substring(0, lastColon + 1) + "0:0"; // the IPv4 part counts as two groups
    }
    int gap = a.indexOf("::");
    if (gap >= 0 && a.indexOf("::", gap + 1) >= 0) {
      return false;
    }
    int head = countGroups(gap >= 0 ? a.substring(0, gap) : a);
    int tail = gap >= 0 ? countGroups(a.substring(gap + 2)) : 0;
    if (head < 0 || tail < 0) {
      return false;
    }
    return gap >= 0 ? head + tail <= 7 : head == 8;
  }

  private static int countGroups(String part) {
    if (part.isEmpty()) {
      return 0;
    }
    String[] groups = part.split(":", -1);
    for (String g : groups) {
      if (!g.matches("[0-9A-Fa-f]{1,4}")) {
        return -1;
      }
    }
    return groups.length;
  }

  /** Percent-decoding only: unlike a form query, a '+' in user-info is a plus sign. */
  private static String decodeUserInfo(String raw) {
    return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  private static String normalisePath(String text, String path) {
    String p = path;
    while (p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    if (p.isEmpty()) {
      return "";
    }
    for (String segment : p.substring(1).split("/", -1)) {
      if (segment.isEmpty()) {
        throw bad(text, "base path '" + path + "' has an empty segment");
      }
      if (segment.equals(".") || segment.equals("..")) {
        throw bad(text, "base path '" + path + "' has a '" + segment + "' segment");
      }
      if (!segment.matches("[A-Za-z0-9._~!$&'()*+,;=:@%\\-]+")) {
        throw bad(text, "base path segment '" + segment + "' has characters that must be percent-encoded");
      }
    }
    return p;
  }

  private static Map<String, String> parseQuery(String text, String query) {
    if (query.isEmpty()) {
      return Map.of();
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (String pair : query.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String k = decode(text, eq >= 0 ? pair.substring(0, eq) : pair);
      String v = eq >= 0 ? decode(text, pair.substring(eq + 1)) : "true";
      if (k.isEmpty()) {
        throw bad(text, "a query parameter has no name");
      }
      if (out.putIfAbsent(k, v) != null) {
        throw bad(text, "query parameter '" + k + "' is given twice");
      }
    }
    return Collections.unmodifiableMap(out);
  }

  private static String decode(String text, String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw bad(text, "bad percent-encoding in the query");
    }
  }

  private static IllegalArgumentException bad(String text, String why) {
    return new IllegalArgumentException("invalid endpoint '" + Redaction.redactText(maskUserInfo(text)) + "': " + why);
  }

  /**
   * Masks everything before the last '@' of the authority, the way {@link #parse} finds user-info,
   * also when the scheme is missing or the password holds a raw '@' (cases the generic redaction
   * pattern cannot see).
   */
  private static String maskUserInfo(String text) {
    int sep = text.indexOf("://");
    int start = sep >= 0 ? sep + 3 : 0;
    int end = text.length();
    for (char c : new char[] {'/', '?', '#'}) {
      int i = text.indexOf(c, start);
      if (i >= 0 && i < end) {
        end = i;
      }
    }
    int at = end > start ? text.lastIndexOf('@', end - 1) : -1;
    return at < start ? text : text.substring(0, start) + Redaction.MASK + text.substring(at);
  }

  /**
   * The scheme, lower-case, e.g. {@code kserve-v2+grpc}.
   *
   * @return the lower-case scheme; never null
   */
  public String scheme() {
    return scheme;
  }

  /**
   * The part of the scheme before {@code +} ({@code kserve-v2}), or the whole scheme.
   *
   * @return the protocol part of the scheme; never null
   */
  public String protocol() {
    int plus = scheme.indexOf('+');
    return plus >= 0 ? scheme.substring(0, plus) : scheme;
  }

  /**
   * The part of the scheme after {@code +} ({@code grpc}, {@code https}), or empty.
   *
   * @return the transport part of the scheme, or an empty string when the scheme has no {@code +}
   */
  public String transport() {
    int plus = scheme.indexOf('+');
    return plus >= 0 ? scheme.substring(plus + 1) : "";
  }

  /**
   * True when the transport is {@code https} or {@code grpcs}.
   *
   * @return whether the connection uses TLS
   */
  public boolean isSecure() {
    String t = transport();
    return t.equals("https") || t.equals("grpcs");
  }

  /**
   * The host name or address; an IPv6 address without its brackets.
   *
   * @return the host, without brackets; never null
   */
  public String host() {
    return host;
  }

  /**
   * The port, or {@code -1} when the string gave none.
   *
   * @return the port, 1 to 65535 when parsed, or {@code -1}
   */
  public int port() {
    return port;
  }

  /**
   * The port, or {@code defaultPort} when the string gave none.
   *
   * @param defaultPort the port to use when the string gave none
   * @return the string's port, else {@code defaultPort}
   */
  public int port(int defaultPort) {
    return port >= 0 ? port : defaultPort;
  }

  /**
   * The host as it goes into a URL: IPv6 addresses in brackets.
   *
   * @return the host, in brackets when it is an IPv6 address
   */
  public String hostForUri() {
    return host.indexOf(':') >= 0 ? "[" + host + "]" : host;
  }

  /**
   * {@code host:port} for URLs and gRPC targets, with {@code defaultPort} when none was given.
   *
   * @param defaultPort the port to use when the string gave none
   * @return the authority, such as {@code [::1]:8001}
   */
  public String authority(int defaultPort) {
    return hostForUri() + ":" + port(defaultPort);
  }

  /**
   * The base path without a trailing slash ({@code /serving/v1}), or empty.
   *
   * @return the base path starting with {@code /}, or an empty string
   */
  public String basePath() {
    return basePath;
  }

  /**
   * The query parameters, decoded, in order.
   *
   * @return an unmodifiable map of decoded names to values, in the string's order; empty when there is none
   */
  public Map<String, String> queryOptions() {
    return query;
  }

  /**
   * The user-info ({@code user:password}), percent-decoded, or {@code null}. A secret: never log it.
   *
   * @return the decoded user-info, or {@code null} when the string had none
   */
  public String userInfo() {
    return userInfo;
  }

  /**
   * The same endpoint with a different port (used by tests and emulators).
   *
   * @param newPort the port to connect to
   * @return a new endpoint; this one is unchanged
   */
  public Endpoint withPort(int newPort) {
    return new Endpoint(scheme, userInfo, host, newPort, basePath, query, address);
  }

  /**
   * The same endpoint connecting to {@code address} instead of resolving the host name, which still names the
   * server (the Host header, TLS server name and certificate check): one member per address of a name that
   * resolves to several replicas. Transports that cannot pin an address resolve the name as usual.
   *
   * @param newAddress the address to connect to; not null
   * @return a new endpoint; this one is unchanged
   */
  public Endpoint withAddress(InetAddress newAddress) {
    return new Endpoint(scheme, userInfo, host, port, basePath, query, Objects.requireNonNull(newAddress, "address"));
  }

  /**
   * The address to connect to instead of resolving {@link #host()}, or {@code null} (resolve it).
   *
   * @return the pinned address, or {@code null} when the host name is resolved
   */
  public InetAddress address() {
    return address;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Endpoint)) {
      return false;
    }
    Endpoint e = (Endpoint) o;
    return scheme.equals(e.scheme) && Objects.equals(userInfo, e.userInfo) && host.equals(e.host)
        && port == e.port && basePath.equals(e.basePath) && query.equals(e.query) && Objects.equals(address, e.address);
  }

  @Override
  public int hashCode() {
    return Objects.hash(scheme, userInfo, host, port, basePath, query, address);
  }

  /** The endpoint with user-info and secret-looking query values replaced by {@code ***}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(scheme).append("://");
    if (userInfo != null) {
      sb.append(Redaction.MASK).append('@');
    }
    sb.append(hostForUri());
    if (port >= 0) {
      sb.append(':').append(port);
    }
    sb.append(basePath);
    String sep = "?";
    for (Map.Entry<String, String> e : query.entrySet()) {
      sb.append(sep).append(e.getKey()).append('=')
          .append(Redaction.isSecretName(e.getKey()) ? Redaction.MASK : e.getValue());
      sep = "&";
    }
    return sb.toString();
  }
}
