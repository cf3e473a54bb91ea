package io.inferlink.emulator;

import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.ServerCredentials;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.netty.shaded.io.netty.channel.EventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.MultiThreadIoEventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.nio.NioIoHandler;
import io.grpc.netty.shaded.io.netty.channel.socket.nio.NioServerSocketChannel;
import io.grpc.netty.shaded.io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The base every gRPC frontend of the emulator runs on: a grpc-java Netty server bound to 127.0.0.1
 * and an ephemeral (or chosen) port, optionally TLS (mutual TLS too), with its own event loops and its own small
 * pool of daemon threads (nothing shared with grpc-java's global pools, so no thread outlives
 * {@link #close()}), every call's metadata recorded on arrival ({@link GrpcCalls}), a large inbound
 * message cap, and a maximum lifetime after which it stops itself. Thread-safe; build with
 * {@link #builder(String)}.
 */
public final class GrpcLoopbackServer implements LoopbackServer {
  /** Largest inbound message accepted unless told otherwise: room for multi-MiB tensors. */
  public static final int DEFAULT_MAX_INBOUND_MESSAGE_BYTES = 256 * 1024 * 1024;
  /** Application threads unless told otherwise; a sleeping model holds one. */
  public static final int DEFAULT_THREADS = 64;

  private final String name;
  private final List<ServerServiceDefinition> services;
  private final CallRecorder recorder;
  private final Duration maxLifetime;
  private final int maxInboundMessageBytes;
  private final int threads;
  private final GrpcTls tls;

  private Server server;
  private EventLoopGroup boss;
  private EventLoopGroup workers;
  private ThreadPoolExecutor calls;
  private ScheduledThreadPoolExecutor lifetimeTimer;
  private boolean closed;

  private GrpcLoopbackServer(Builder b) {
    this.name = b.name;
    this.services = List.copyOf(b.services);
    this.recorder = b.recorder;
    this.maxLifetime = b.maxLifetime;
    this.maxInboundMessageBytes = b.maxInboundMessageBytes;
    this.threads = b.threads;
    this.tls = b.tls;
  }

  /** Starts configuring a server; {@code name} goes into its thread names. */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  @Override
  public GrpcLoopbackServer start() {
    return start(0);
  }

  @Override
  public synchronized GrpcLoopbackServer start(int port) {
    LoopbackPorts.check(port);
    if (closed) {
      throw new IllegalStateException("server '" + name + "' was closed");
    }
    if (server != null) {
      return this;
    }
    String prefix = "inferlink-emulator-" + name;
    // Netty's factory makes FastThreadLocalThreads, whose buffer caches die with them.
    boss = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory(prefix + "-boss", true), NioIoHandler.newFactory());
    workers = new MultiThreadIoEventLoopGroup(2, new DefaultThreadFactory(prefix + "-io", true), NioIoHandler.newFactory());
    calls = new ThreadPoolExecutor(threads, threads, 10, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
        new DefaultThreadFactory(prefix + "-call", true));
    calls.allowCoreThreadTimeOut(true);
    NettyServerBuilder builder = NettyServerBuilder
        .forAddress(new InetSocketAddress(loopback(), port), tls == null ? InsecureServerCredentials.create() : tls.credentials())
        .bossEventLoopGroup(boss)
        .workerEventLoopGroup(workers)
        .channelType(NioServerSocketChannel.class)
        .executor(calls)
        .maxInboundMessageSize(maxInboundMessageBytes);
    for (ServerServiceDefinition service : services) {
      builder.addService(recorder == null ? service
          : ServerInterceptors.intercept(service, GrpcCalls.recordingHeaders(recorder)));
    }
    try {
      server = builder.build().start();
    } catch (IOException | RuntimeException e) {
      releaseThreads();
      closed = true;
      throw new UncheckedIOException("server '" + name + "' could not bind " + HOST + ":" + port,
          e instanceof IOException ? (IOException) e : new IOException(e));
    }
    lifetimeTimer = new ScheduledThreadPoolExecutor(1, DaemonThreads.named(prefix + "-lifetime"));
    lifetimeTimer.setRemoveOnCancelPolicy(true);
    lifetimeTimer.schedule(this::close, maxLifetime.toMillis(), TimeUnit.MILLISECONDS);
    return this;
  }

  @Override
  public synchronized int port() {
    if (server == null) {
      throw new IllegalStateException("server '" + name + "' is not started");
    }
    return server.getPort();
  }

  /** The addresses the server listens on (always one: 127.0.0.1 and its port). */
  public synchronized List<InetSocketAddress> addresses() {
    if (server == null) {
      throw new IllegalStateException("server '" + name + "' is not started");
    }
    List<InetSocketAddress> addresses = new ArrayList<>();
    server.getListenSockets().forEach(a -> addresses.add((InetSocketAddress) a));
    return List.copyOf(addresses);
  }

  /** True when the server speaks TLS. */
  public boolean isTls() {
    return tls != null;
  }

  @Override
  public synchronized boolean isRunning() {
    return server != null && !closed;
  }

  @Override
  public void close() {
    Server toStop;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      toStop = server;
    }
    if (toStop == null) {
      return;
    }
    // shutdownNow cancels every running call, whose Context listeners cancel the model calls.
    toStop.shutdownNow();
    try {
      toStop.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    releaseThreads();
  }

  private void releaseThreads() {
    ThreadPoolExecutor pool;
    ScheduledThreadPoolExecutor timer;
    synchronized (this) {
      pool = calls;
      timer = lifetimeTimer;
    }
    if (pool != null) {
      pool.shutdownNow(); // interrupts models still sleeping, which count it as a cancellation
    }
    boss.shutdownGracefully(0, 0, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    workers.shutdownGracefully(0, 0, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    try {
      if (pool != null) {
        pool.awaitTermination(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (timer != null) {
      // Last, and without waiting: when the lifetime ran out, this is the timer's own thread.
      timer.shutdownNow();
    }
  }

  private static InetAddress loopback() {
    try {
      return InetAddress.getByAddress(HOST, new byte[] {127, 0, 0, 1});
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Configures a {@link GrpcLoopbackServer}; not thread-safe. */
  public static final class Builder {
    private final String name;
    private final List<ServerServiceDefinition> services = new ArrayList<>();
    private CallRecorder recorder;
    private Duration maxLifetime = HttpLoopbackServer.DEFAULT_MAX_LIFETIME;
    private int maxInboundMessageBytes = DEFAULT_MAX_INBOUND_MESSAGE_BYTES;
    private int threads = DEFAULT_THREADS;
    private GrpcTls tls;

    private Builder(String name) {
      if (name == null || !name.matches("[A-Za-z0-9._-]+")) {
        throw new IllegalArgumentException("server name '" + name + "' must be letters, digits, '.', '_' or '-'");
      }
      this.name = name;
    }

    /** Serves a service (e.g. {@code new XxxGrpc.XxxImplBase() {...}.bindService()}). */
    public Builder service(ServerServiceDefinition service) {
      services.add(Objects.requireNonNull(service, "service"));
      return this;
    }

    /**
     * Records every call's metadata here on arrival, and makes it readable by the service through
     * {@link GrpcCalls#headers()}.
     */
    public Builder recorder(CallRecorder recorder) {
      this.recorder = Objects.requireNonNull(recorder, "recorder");
      return this;
    }

    /** How long the server runs at most before it stops itself; 30 minutes by default. */
    public Builder maxLifetime(Duration lifetime) {
      if (lifetime == null || lifetime.isNegative() || lifetime.isZero()) {
        throw new IllegalArgumentException("maxLifetime must be positive, got " + lifetime);
      }
      this.maxLifetime = lifetime;
      return this;
    }

    /** The largest inbound message accepted (RESOURCE_EXHAUSTED above); 256 MiB by default. */
    public Builder maxInboundMessageBytes(int bytes) {
      if (bytes < 1) {
        throw new IllegalArgumentException("maxInboundMessageBytes must be positive, got " + bytes);
      }
      this.maxInboundMessageBytes = bytes;
      return this;
    }

    /** How many calls run at once (further ones queue). */
    public Builder threads(int count) {
      if (count < 2) {
        // One thread would let a running call starve the cancellation of itself.
        throw new IllegalArgumentException("threads must be at least 2, got " + count);
      }
      this.threads = count;
      return this;
    }

    /**
     * Serves TLS with a PEM certificate chain (server certificate first) and its PEM PKCS#8 key;
     * with {@code clientCaPem} (PEM CA certificates, or {@code null}) clients must present a
     * certificate chaining to one of them.
     *
     * @throws IllegalArgumentException when the material cannot be read
     */
    public Builder tls(byte[] certificateChainPem, byte[] privateKeyPem, byte[] clientCaPem) {
      this.tls = new GrpcTls(certificateChainPem, privateKeyPem, clientCaPem);
      return this;
    }

    /** Builds the server; it binds on {@link GrpcLoopbackServer#start()}. */
    public GrpcLoopbackServer build() {
      return new GrpcLoopbackServer(this);
    }
  }
}
