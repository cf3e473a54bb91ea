package io.inferlink.emulator;

import io.inferlink.ServerMetadata;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An in-process model server: one {@link ModelScript} behind any number of protocol frontends, each
 * on its own 127.0.0.1 ephemeral port, sharing one {@link CallRecorder}. Thread-safe; build with
 * {@link #builder()}, {@link #start()} it, and close it when done (its servers also stop themselves
 * after their maximum lifetime).
 */
public final class Emulator implements AutoCloseable {
  /** The server name its metadata endpoints report. */
  public static final String SERVER_NAME = "inferlink-emulator";
  /** The server version its metadata endpoints report. */
  public static final String SERVER_VERSION = "0.1.0";

  private final ModelScript script;
  private final CallRecorder recorder = new CallRecorder();
  private final Overload overload = new Overload();
  private final Map<String, ProtocolFrontend> frontends;
  private final Duration maxLifetime;
  private final Map<String, Integer> ports;
  private final Map<String, LoopbackServer> servers = new LinkedHashMap<>();
  private boolean started;
  private boolean closed;

  private Emulator(Builder b) {
    this.script = b.script;
    this.frontends = new LinkedHashMap<>(b.frontends);
    this.maxLifetime = b.maxLifetime;
    this.ports = new LinkedHashMap<>(b.ports);
  }

  /**
   * Starts configuring an emulator hosting {@link ModelScript#builtins()} and no frontend yet.
   *
   * @return a new builder; add at least one frontend before building
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts a server for every frontend; if one cannot start, the others are closed again. Starting a
   * started emulator does nothing.
   *
   * @return this emulator, running
   * @throws IllegalStateException when the emulator was closed
   */
  public synchronized Emulator start() {
    if (closed) {
      throw new IllegalStateException("the emulator was closed");
    }
    if (started) {
      return this;
    }
    FrontendContext context = new FrontendContext(script, recorder, serverMetadata(), maxLifetime, overload);
    try {
      for (ProtocolFrontend f : frontends.values()) {
        servers.put(f.protocol(), f.create(context).start(ports.getOrDefault(f.protocol(), 0)));
      }
    } catch (RuntimeException e) {
      servers.values().forEach(LoopbackServer::close);
      servers.clear();
      throw e;
    }
    started = true;
    return this;
  }

  /**
   * Sheds load from now on: every request to every frontend is refused, REST with 503, a
   * {@code Retry-After} of {@code retryAfter} (in seconds, rounded up) and the protocol's error body,
   * gRPC with UNAVAILABLE and a {@code grpc-retry-pushback-ms} trailer, until {@link #endOverload()}.
   * Works before {@link #start()} too; calling it again changes the wait asked for.
   *
   * @param retryAfter the wait to ask clients for; zero or more
   * @return this emulator
   * @throws IllegalArgumentException when {@code retryAfter} is negative
   */
  public Emulator overload(Duration retryAfter) {
    overload.start(retryAfter);
    return this;
  }

  /**
   * Serves requests again after {@link #overload(Duration)}. Idempotent.
   *
   * @return this emulator
   */
  public Emulator endOverload() {
    overload.end();
    return this;
  }

  /**
   * How many requests were refused while overloaded, since the emulator was built.
   *
   * @return the number of refused requests, over every frontend
   */
  public long overloadRefusals() {
    return overload.refused();
  }

  /**
   * The models.
   *
   * @return the models this emulator hosts
   */
  public ModelScript script() {
    return script;
  }

  /**
   * What the servers saw: every call's headers and cancellations; the compatibility kit reads it
   * through {@link io.inferlink.emulator.kit.EmulatorObserver#of(Emulator)}.
   *
   * @return the recorder shared by every frontend of this emulator
   */
  public CallRecorder recorder() {
    return recorder;
  }

  /**
   * What the servers report about themselves.
   *
   * @return the metadata the servers report, e.g. name and version
   */
  public ServerMetadata serverMetadata() {
    return new ServerMetadata(SERVER_NAME, SERVER_VERSION, List.of());
  }

  /**
   * The protocols of the frontends, in the order they were added.
   *
   * @return an unmodifiable set of protocol names, in the order the frontends were added
   */
  public Set<String> protocols() {
    return Collections.unmodifiableSet(new LinkedHashSet<>(frontends.keySet()));
  }

  /**
   * True between {@link #start()} and {@link #close()}.
   *
   * @return true while the servers are running
   */
  public synchronized boolean isRunning() {
    return started && !closed;
  }

  /**
   * The port of a protocol's server.
   *
   * @param protocol the frontend's protocol name, as {@link #protocols()} lists it
   * @return the 127.0.0.1 port the protocol's server listens on
   * @throws IllegalArgumentException naming the protocols when there is no such frontend
   * @throws IllegalStateException when the emulator is not running
   */
  public synchronized int port(String protocol) {
    if (!frontends.containsKey(protocol)) {
      throw new IllegalArgumentException("no frontend for protocol '" + protocol + "'; protocols: " + frontends.keySet());
    }
    if (!isRunning()) {
      throw new IllegalStateException("the emulator is not running");
    }
    return servers.get(protocol).port();
  }

  /**
   * The endpoint string a client uses for a scheme, e.g. {@code kserve-v2+http://127.0.0.1:40123}.
   *
   * @param scheme a client endpoint scheme, e.g. {@code kserve-v2+http}
   * @return the endpoint with the scheme, 127.0.0.1 and the serving frontend's port
   * @throws IllegalArgumentException naming the served schemes when no frontend serves this one
   */
  public synchronized String endpoint(String scheme) {
    return scheme + "://" + LoopbackServer.HOST + ":" + port(protocolServing(scheme));
  }

  /**
   * The protocol whose frontend serves a scheme; answers after {@link #close()} too.
   *
   * @throws IllegalArgumentException naming the served schemes when no frontend serves this one
   */
  String protocolServing(String scheme) {
    List<String> known = new ArrayList<>();
    for (ProtocolFrontend f : frontends.values()) {
      if (f.schemes().contains(scheme)) {
        return f.protocol();
      }
      known.addAll(f.schemes());
    }
    throw new IllegalArgumentException("no frontend serves scheme '" + scheme + "'; schemes: " + known);
  }

  /** Stops every server. Idempotent. */
  @Override
  public void close() {
    List<LoopbackServer> toClose;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      toClose = new ArrayList<>(servers.values());
    }
    toClose.forEach(LoopbackServer::close);
  }

  /** Configures an {@link Emulator}; not thread-safe. */
  public static final class Builder {
    private ModelScript script = ModelScript.builtins();
    private final Map<String, ProtocolFrontend> frontends = new LinkedHashMap<>();
    private Duration maxLifetime = LoopbackServer.DEFAULT_MAX_LIFETIME;
    private final Map<String, Integer> ports = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Hosts these models instead of the built-ins.
     *
     * @param script the models to host; not null
     * @return this builder
     */
    public Builder script(ModelScript script) {
      this.script = Objects.requireNonNull(script, "script");
      return this;
    }

    /**
     * Adds a protocol; two frontends of the same protocol are an error.
     *
     * @param frontend the protocol frontend to serve; the emulator starts and stops its server
     * @return this builder
     */
    public Builder frontend(ProtocolFrontend frontend) {
      Objects.requireNonNull(frontend, "frontend");
      if (frontends.putIfAbsent(frontend.protocol(), frontend) != null) {
        throw new IllegalArgumentException("protocol '" + frontend.protocol() + "' was added twice");
      }
      return this;
    }

    /**
     * Listens for a protocol on this 127.0.0.1 port instead of an ephemeral one (0 keeps it
     * ephemeral), for a standalone emulator that clients find on a known port. Tests should keep
     * ephemeral ports, which never collide.
     *
     * @param protocol the frontend's protocol name
     * @param port the port to listen on, 1 to 65535, or 0 for an ephemeral one
     * @return this builder
     */
    public Builder port(String protocol, int port) {
      Objects.requireNonNull(protocol, "protocol");
      LoopbackPorts.check(port);
      ports.put(protocol, port);
      return this;
    }

    /**
     * How long each server runs at most; 30 minutes by default.
     *
     * @param lifetime the longest time a server runs before it stops on its own; positive
     * @return this builder
     */
    public Builder maxLifetime(Duration lifetime) {
      this.maxLifetime = LoopbackServerBuilder.checkLifetime(lifetime);
      return this;
    }

    /**
     * Builds the emulator; its servers start with {@link Emulator#start()}.
     *
     * @return a new emulator, not started yet
     */
    public Emulator build() {
      for (String protocol : ports.keySet()) {
        if (!frontends.containsKey(protocol)) {
          throw new IllegalArgumentException("a port was given for protocol '" + protocol
              + "', which has no frontend; protocols: " + frontends.keySet());
        }
      }
      return new Emulator(this);
    }
  }
}
