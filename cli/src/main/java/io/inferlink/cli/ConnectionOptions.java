package io.inferlink.cli;

import io.inferlink.ClientOptions;
import io.inferlink.spi.support.Redaction;
import io.inferlink.spi.support.SecretScrubber;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * How every command that calls a server connects: headers, credentials, timeouts, Host override and
 * TLS. A picocli mixin; not thread-safe (filled once by the parser).
 */
final class ConnectionOptions {
  @Option(names = "--header", paramLabel = "NAME:VALUE",
      description = "Adds a header (gRPC: metadata) to every call; repeatable. 'NAME=VALUE' works too.")
  List<String> headers = new ArrayList<>();

  @Option(names = "--bearer", paramLabel = "TOKEN",
      description = "Sends 'Authorization: Bearer TOKEN'. Never printed.")
  String bearer;

  @Option(names = "--basic", paramLabel = "USER:PASSWORD",
      description = "Sends HTTP Basic credentials (gRPC: as metadata). The password is never printed.")
  String basic;

  @Option(names = "--timeout", paramLabel = "DURATION", converter = Durations.class,
      description = "Time allowed for each call: 500ms, 30s, 2m (default: 60s).")
  Duration timeout;

  @Option(names = "--connect-timeout", paramLabel = "DURATION", converter = Durations.class,
      description = "Time allowed to connect (default: 10s).")
  Duration connectTimeout;

  @Option(names = "--host-override", paramLabel = "HOST[:PORT]",
      description = "Sends this Host header (gRPC :authority) instead of the endpoint's, as Knative/Istio routing needs;"
          + " TLS checks the certificate against it.")
  String hostOverride;

  @Option(names = "--ca", paramLabel = "PEM", description = "Trusts the CA certificates in this PEM file instead of the system's.")
  Path ca;

  @Option(names = "--cert", paramLabel = "PEM", description = "Client certificate chain (PEM) for mutual TLS; needs --key.")
  Path cert;

  @Option(names = "--key", paramLabel = "PEM", description = "Client private key (PEM, PKCS#8) for mutual TLS; needs --cert.")
  Path key;

  @Option(names = "--provider", paramLabel = "NAME", description = "Uses this provider whatever the priorities say.")
  String provider;

  /**
   * The client options these flags describe.
   *
   * @throws UsageError naming the flag that is wrong
   */
  ClientOptions toClientOptions() {
    ClientOptions.Builder b = ClientOptions.builder();
    for (String h : headers) {
      int sep = separator(h);
      if (sep <= 0) {
        throw new UsageError("--header '" + Redaction.redactText(h) + "' is not NAME:VALUE");
      }
      try {
        b.header(h.substring(0, sep).trim(), h.substring(sep + 1).trim());
      } catch (IllegalArgumentException e) {
        throw new UsageError("--header " + h.substring(0, sep).trim() + ": " + e.getMessage());
      }
    }
    if (bearer != null && basic != null) {
      throw new UsageError("give --bearer or --basic, not both");
    }
    try {
      if (bearer != null) {
        b.bearerToken(bearer);
      }
      if (basic != null) {
        int colon = basic.indexOf(':');
        if (colon <= 0) {
          throw new UsageError("--basic must be USER:PASSWORD");
        }
        b.basicAuth(basic.substring(0, colon), basic.substring(colon + 1));
      }
      if (timeout != null) {
        b.requestTimeout(timeout);
      }
      if (connectTimeout != null) {
        b.connectTimeout(connectTimeout);
      }
      if (hostOverride != null) {
        b.authority(hostOverride);
      }
      if (provider != null) {
        b.providerName(provider);
      }
    } catch (IllegalArgumentException e) {
      throw new UsageError(ErrorReport.mask(e.getMessage(), secrets()), e);
    }
    if ((cert == null) != (key == null)) {
      throw new UsageError("--cert and --key go together (mutual TLS needs both)");
    }
    try {
      if (ca != null) {
        b.trustCertificates(ca);
      }
      if (cert != null) {
        b.clientCertificate(cert, key);
      }
    } catch (RuntimeException e) {
      throw new UsageError("cannot read TLS material: " + e.getMessage(), e);
    }
    return b.build();
  }

  /**
   * Masks what must never be printed: the bearer token, the Basic credentials (in every form a server
   * may echo them), secret-named headers' values. Lenient: flags {@link #toClientOptions} refuses
   * still have their values masked.
   */
  SecretScrubber secrets() {
    List<String> raw = new ArrayList<>();
    ClientOptions.Builder credentials = ClientOptions.builder();
    for (String h : headers) {
      int sep = separator(h);
      if (sep > 0 && Redaction.isSecretName(h.substring(0, sep).trim())) {
        raw.add(h.substring(sep + 1).trim());
      }
    }
    try {
      if (bearer != null) {
        raw.add(bearer);
        credentials.bearerToken(bearer);
      } else if (basic != null && basic.indexOf(':') >= 0) {
        int colon = basic.indexOf(':');
        raw.add(basic.substring(colon + 1));
        if (colon > 0) {
          credentials.basicAuth(basic.substring(0, colon), basic.substring(colon + 1));
        }
      }
    } catch (IllegalArgumentException e) {
      // refused by toClientOptions with a message of its own; the raw values are masked anyway
    }
    return SecretScrubber.forOptions(credentials.build()).and(raw);
  }

  private static int separator(String header) {
    int colon = header.indexOf(':');
    int eq = header.indexOf('=');
    if (colon < 0) {
      return eq;
    }
    return eq < 0 ? colon : Math.min(colon, eq);
  }
}
