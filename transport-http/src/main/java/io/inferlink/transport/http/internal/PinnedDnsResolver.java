package io.inferlink.transport.http.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;

/**
 * Resolves the target's host name to one pinned address, so that a client group's member for one replica behind a
 * name connects to that replica while the Host header and the TLS checks still use the name; any other name (a
 * proxy) is resolved as usual. Immutable and thread-safe.
 */
final class PinnedDnsResolver implements DnsResolver {
  private final String host;
  private final InetAddress address;

  PinnedDnsResolver(String host, InetAddress address) {
    this.host = host;
    this.address = address;
  }

  @Override
  public InetAddress[] resolve(String name) throws UnknownHostException {
    return host.equalsIgnoreCase(name) ? new InetAddress[] {address} : SystemDefaultDnsResolver.INSTANCE.resolve(name);
  }

  @Override
  public String resolveCanonicalHostname(String name) throws UnknownHostException {
    return host.equalsIgnoreCase(name) ? name : SystemDefaultDnsResolver.INSTANCE.resolveCanonicalHostname(name);
  }
}
