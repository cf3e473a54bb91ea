package io.inferlink.emulator;

import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.netty.shaded.io.netty.channel.EventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.MultiThreadIoEventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.nio.NioIoHandler;
import io.grpc.netty.shaded.io.netty.channel.socket.nio.NioServerSocketChannel;
import io.grpc.netty.shaded.io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The server every gRPC frontend of the emulator runs on: a grpc-java Netty server bound to 127.0.0.1
 * and an ephemeral (or chosen) port, optionally TLS (mutual TLS too), with its own event loops and its
 * own small pool of daemon threads (nothing shared with grpc-java's global pools, so no thread outlives
 * {@link #close()}), every call's metadata recorded on arrival ({@link GrpcCalls}), a large inbound
 * message cap, and the lifecycle of every loopback server ({@link AbstractLoopbackServer}: a maximum
 * lifetime after which it stops itself). Thread-safe; build with {@link #builder(String)}.
 */
public final class GrpcLoopbackServer extends AbstractLoopbackServer<GrpcLoopbackServer> {
  /** Application threads unless told otherwise; a sleeping model holds one. */
  public static final int DEFAULT_THREADS = 64;

  private final List<ServerServiceDefinition> services;
  private final CallRecorder recorder;
  private final int maxInboundMessageBytes;
  private final int threads;
  private final GrpcTls tls;
  private final Overload overload;

  private Server server;
  private EventLoopGroup boss;
  private EventLoopGroup workers;
  private ThreadPoolExecutor calls;

  private GrpcLoopbackServer(Builder b) {
    super(b);
    this.services = List.copyOf(b.services);
    this.recorder = b.recorder;
    this.maxInboundMessageBytes = b.maxRequestBytesValue();
    this.threads = b.threadCount();
    this.tls = b.serverTls() == null ? null : b.serverTls().grpc();
    this.overload = b.overloadSwitch();
  }

  /**
   * Starts configuring a server; {@code name} goes into its thread names.
   *
   * @param name a short name for the server's threads, e.g. the protocol
   * @return a new builder without services
   */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /**
   * The addresses the server listens on (always one: 127.0.0.1 and its port).
   *
   * @return an unmodifiable list of the one bound address; its port is the one clients use
   */
  public synchronized List<InetSocketAddress> addresses() {
    port(); // refuses a server that is not started
    List<InetSocketAddress> addresses = new ArrayList<>();
    server.getListenSockets().forEach(a -> addresses.add((InetSocketAddress) a));
    return List.copyOf(addresses);
  }

  /**
   * True when the server speaks TLS.
   *
   * @return true when the server was built with TLS
   */
  public boolean isTls() {
    return tls != null;
  }

  @Override
  void open(InetSocketAddress address, String threadPrefix) throws IOException {
    // Netty's factory makes FastThreadLocalThreads, whose buffer caches die with them.
    boss = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory(threadPrefix + "-boss", true), NioIoHandler.newFactory());
    workers = new MultiThreadIoEventLoopGroup(2, new DefaultThreadFactory(threadPrefix + "-io", true), NioIoHandler.newFactory());
    calls = new ThreadPoolExecutor(threads, threads, 10, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
        new DefaultThreadFactory(threadPrefix + "-call", true));
    calls.allowCoreThreadTimeOut(true);
    NettyServerBuilder builder = NettyServerBuilder
        .forAddress(address, tls == null ? InsecureServerCredentials.create() : tls.credentials())
        .bossEventLoopGroup(boss)
        .workerEventLoopGroup(workers)
        .channelType(NioServerSocketChannel.class)
        .executor(calls)
        .maxInboundMessageSize(maxInboundMessageBytes);
    for (ServerServiceDefinition service : services) {
      ServerServiceDefinition recorded = recorder == null ? service
          : ServerInterceptors.intercept(service, GrpcCalls.recordingHeaders(recorder));
      // Outermost: a refused call never reaches the recorder or the service, as with the HTTP servers.
      builder.addService(ServerInterceptors.intercept(recorded, GrpcCalls.refusingWhenOverloaded(overload)));
    }
    try {
      server = builder.build().start();
    } catch (IOException | RuntimeException e) {
      releaseThreads();
      throw e instanceof IOException ? (IOException) e : new IOException(e);
    }
  }

  @Override
  int boundPort() {
    return server.getPort();
  }

  @Override
  void release() {
    // shutdownNow cancels every running call, whose Context listeners cancel the model calls.
    server.shutdownNow();
    try {
      server.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    releaseThreads();
  }

  private void releaseThreads() {
    calls.shutdownNow(); // interrupts models still sleeping, which count it as a cancellation
    boss.shutdownGracefully(0, 0, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    workers.shutdownGracefully(0, 0, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    awaitQuietly(calls);
  }

  /** Configures a {@link GrpcLoopbackServer}: services and their recorder, and what every server takes; not thread-safe. */
  public static final class Builder extends LoopbackServerBuilder<Builder> {
    private final List<ServerServiceDefinition> services = new ArrayList<>();
    private CallRecorder recorder;

    private Builder(String name) {
      // One thread would let a running call starve the cancellation of itself.
      super(name, DEFAULT_THREADS, 2);
    }

    /**
     * Serves a service (e.g. {@code new XxxGrpc.XxxImplBase() {...}.bindService()}).
     *
     * @param service the bound service to serve
     * @return this builder
     */
    public Builder service(ServerServiceDefinition service) {
      services.add(Objects.requireNonNull(service, "service"));
      return this;
    }

    /**
     * Records every call's metadata here on arrival, and makes it readable by the service through
     * {@link GrpcCalls#headers()}.
     *
     * @param recorder the recorder of the emulator the server belongs to
     * @return this builder
     */
    public Builder recorder(CallRecorder recorder) {
      this.recorder = Objects.requireNonNull(recorder, "recorder");
      return this;
    }

    @Override
    public GrpcLoopbackServer build() {
      return new GrpcLoopbackServer(this);
    }
  }
}
