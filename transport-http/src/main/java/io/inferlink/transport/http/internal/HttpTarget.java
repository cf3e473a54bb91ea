package io.inferlink.transport.http.internal;

import io.inferlink.spi.Endpoint;
import java.net.InetAddress;
import java.util.Objects;

/**
 * Where requests go: scheme, host, port and the base path every request path is appended to.
 * Immutable and thread-safe.
 *
 * @param secure {@code https} when true, else {@code http}
 * @param host host name or address; an IPv6 address without brackets
 * @param port TCP port, 1..65535
 * @param basePath empty, or a path starting with '/' and not ending with '/' (an ingress prefix)
 * @param address the address to connect to instead of resolving {@code host} (one replica behind a name), or null
 */
public record HttpTarget(boolean secure, String host, int port, String basePath, InetAddress address) {
  /** Validates the parts. */
  public HttpTarget {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(basePath, "basePath");
    if (host.isEmpty()) {
      throw new IllegalArgumentException("host must not be empty");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port " + port + " is outside 1..65535");
    }
    if (!basePath.isEmpty() && (!basePath.startsWith("/") || basePath.endsWith("/"))) {
      throw new IllegalArgumentException("basePath '" + basePath + "' must start with '/' and not end with '/'");
    }
  }

  /** A target whose host is resolved as usual. */
  public HttpTarget(boolean secure, String host, int port, String basePath) {
    this(secure, host, port, basePath, null);
  }

  /** The target of an endpoint (with its pinned address, if any), with {@code defaultPort} when it names none. */
  public static HttpTarget of(Endpoint endpoint, int defaultPort) {
    return new HttpTarget(endpoint.isSecure(), endpoint.host(), endpoint.port(defaultPort), endpoint.basePath(),
        endpoint.address());
  }

  /** {@code http} or {@code https}. */
  public String scheme() {
    return secure ? "https" : "http";
  }

  /** The host as written in a URL: IPv6 in brackets, a zone id's '%' encoded. */
  public String hostForUri() {
    return host.indexOf(':') >= 0 ? "[" + host.replace("%", "%25") + "]" : host;
  }

  /**
   * The absolute URI of a path: {@code scheme://host:port} + base path + {@code path}.
   *
   * @param path already encoded, starting with '/'
   */
  public String uri(String path) {
    Objects.requireNonNull(path, "path");
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException("path '" + path + "' must start with '/'");
    }
    return scheme() + "://" + hostForUri() + ":" + port + basePath + path;
  }

  /** {@code scheme://host:port/base}, for messages. */
  @Override
  public String toString() {
    return scheme() + "://" + hostForUri() + ":" + port + basePath;
  }
}
