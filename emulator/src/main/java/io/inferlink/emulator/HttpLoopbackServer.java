package io.inferlink.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The base every HTTP frontend of the emulator runs on: a small HTTP/1.1 server of our own on a
 * {@link ServerSocket} bound to 127.0.0.1 and an ephemeral (or chosen) port, optionally TLS (mutual TLS too),
 * routes chosen by longest path prefix, a cap on request bodies (413), a bounded pool of daemon
 * threads, and a maximum lifetime after which the server stops itself (so a test that forgets to
 * close it cannot leave it running). Unlike the JDK's server it watches each connection while a
 * route runs, so a client that hangs up is seen at once ({@link HttpCall#clientGone()}).
 * Thread-safe; build with {@link #builder(String)}.
 */
public final class HttpLoopbackServer implements LoopbackServer {
  /** Lifetime unless told otherwise. */
  public static final Duration DEFAULT_MAX_LIFETIME = Duration.ofMinutes(30);
  /** Largest request body accepted unless told otherwise: large enough for multi-MiB JSON tensors. */
  public static final int DEFAULT_MAX_REQUEST_BYTES = 256 * 1024 * 1024;
  /** Handler threads unless told otherwise. */
  public static final int DEFAULT_THREADS = 32;
  /** Open connections at most; each holds a (mostly idle) connection thread. Further ones are closed at once. */
  public static final int MAX_CONNECTIONS = 512;

  private static final InetAddress LOOPBACK = loopback();

  private final String name;
  private final TreeMap<String, HttpRoute> routes;
  private final Function<ScriptedFailure, HttpReply> failureReply;
  private final Duration maxLifetime;
  private final int maxRequestBytes;
  private final int threads;
  private final HttpTls tls;
  private final Set<HttpConnection> open = ConcurrentHashMap.newKeySet();

  private ServerSocket listener;
  private Thread acceptor;
  private ThreadPoolExecutor handlerPool;
  private ThreadPoolExecutor connectionPool;
  private ScheduledThreadPoolExecutor lifetimeTimer;
  private boolean closed;

  private HttpLoopbackServer(Builder b) {
    this.name = b.name;
    this.routes = new TreeMap<>(b.routes);
    this.failureReply = b.failureReply;
    this.maxLifetime = b.maxLifetime;
    this.maxRequestBytes = b.maxRequestBytes;
    this.threads = b.threads;
    this.tls = b.tls;
  }

  /** Starts configuring a server; {@code name} goes into its thread names. */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /** The failure reply used unless a frontend sets its own: the status of the code, the message as text. */
  public static HttpReply plainFailure(ScriptedFailure failure) {
    return HttpReply.text(failure.httpStatus(), failure.getMessage());
  }

  @Override
  public HttpLoopbackServer start() {
    return start(0);
  }

  @Override
  public synchronized HttpLoopbackServer start(int port) {
    LoopbackPorts.check(port);
    if (closed) {
      throw new IllegalStateException("server '" + name + "' was closed");
    }
    if (listener != null) {
      return this;
    }
    String prefix = "inferlink-emulator-" + name;
    ServerSocket socket;
    try {
      socket = tls == null ? new ServerSocket() : tls.newServerSocket();
      socket.bind(new InetSocketAddress(LOOPBACK, port), 128);
    } catch (IOException e) {
      throw new UncheckedIOException("server '" + name + "' could not bind " + HOST + ":" + port, e);
    }
    handlerPool = new ThreadPoolExecutor(threads, threads, 10, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1024),
        DaemonThreads.named(prefix),
        // Saturated: the connection thread answers itself, which slows clients down instead of failing them.
        new ThreadPoolExecutor.CallerRunsPolicy());
    handlerPool.allowCoreThreadTimeOut(true);
    connectionPool = new ThreadPoolExecutor(0, MAX_CONNECTIONS, 10, TimeUnit.SECONDS, new SynchronousQueue<>(),
        DaemonThreads.named(prefix + "-conn"));
    lifetimeTimer = new ScheduledThreadPoolExecutor(1, DaemonThreads.named(prefix + "-lifetime"));
    lifetimeTimer.setRemoveOnCancelPolicy(true);
    lifetimeTimer.schedule(this::close, maxLifetime.toMillis(), TimeUnit.MILLISECONDS);
    listener = socket;
    acceptor = DaemonThreads.named(prefix + "-accept").newThread(() -> acceptLoop(socket));
    acceptor.start();
    return this;
  }

  @Override
  public synchronized int port() {
    if (listener == null) {
      throw new IllegalStateException("server '" + name + "' is not started");
    }
    return listener.getLocalPort();
  }

  /** The address the server is bound to (always 127.0.0.1). */
  public synchronized InetSocketAddress address() {
    if (listener == null) {
      throw new IllegalStateException("server '" + name + "' is not started");
    }
    return new InetSocketAddress(LOOPBACK, listener.getLocalPort());
  }

  /** True when the server speaks TLS (https). */
  public boolean isTls() {
    return tls != null;
  }

  @Override
  public synchronized boolean isRunning() {
    return listener != null && !closed;
  }

  @Override
  public void close() {
    ServerSocket toClose;
    Thread accepting;
    ExecutorService[] pools;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      toClose = listener;
      accepting = acceptor;
      pools = new ExecutorService[] {handlerPool, connectionPool, lifetimeTimer};
    }
    if (toClose == null) {
      return;
    }
    closeQuietly(toClose);
    // Interrupting handlers wakes sleeping models, which count an interrupt as a cancellation;
    // closing the sockets ends the connection threads' reads.
    for (ExecutorService pool : pools) {
      pool.shutdownNow();
    }
    open.forEach(HttpConnection::close);
    try {
      for (ExecutorService pool : pools) {
        pool.awaitTermination(5, TimeUnit.SECONDS);
      }
      if (accepting != Thread.currentThread()) {
        accepting.join(5_000);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  // ------------------------------------------------------------------ used by HttpConnection

  int maxRequestBytes() {
    return maxRequestBytes;
  }

  ExecutorService handlers() {
    return handlerPool;
  }

  void forget(HttpConnection connection) {
    open.remove(connection);
  }

  /** Routes a request and turns whatever the route throws into an answer; never throws. */
  HttpReply answer(HttpCall call) {
    try {
      HttpRoute route = routeFor(call.rawPath());
      if (route == null) {
        return HttpReply.text(404, "no route for " + call.rawPath() + " on '" + name + "'");
      }
      HttpReply reply = route.handle(call);
      return reply != null ? reply : HttpReply.text(500, "route of '" + name + "' gave no answer");
    } catch (ScriptedFailure f) {
      return failureReply.apply(f);
    } catch (Exception | LinkageError | AssertionError e) {
      return HttpReply.text(500, "emulator error in '" + name + "': " + e);
    }
  }

  private void acceptLoop(ServerSocket socket) {
    while (!socket.isClosed()) {
      Socket client;
      try {
        client = socket.accept();
      } catch (IOException e) {
        return; // closed
      }
      HttpConnection connection = new HttpConnection(this, client);
      open.add(connection);
      try {
        connectionPool.execute(connection);
      } catch (RejectedExecutionException e) {
        // Too many connections, or closing: dropping one is what an overloaded server does.
        open.remove(connection);
        connection.close();
      }
      if (isClosedNow()) {
        open.forEach(HttpConnection::close);
      }
    }
  }

  private synchronized boolean isClosedNow() {
    return closed;
  }

  private HttpRoute routeFor(String path) {
    // Longest matching prefix wins, so "/v2/models/" can sit beside "/v2".
    for (Map.Entry<String, HttpRoute> e = routes.floorEntry(path); e != null; e = routes.lowerEntry(e.getKey())) {
      if (path.startsWith(e.getKey())) {
        return e.getValue();
      }
    }
    return null;
  }

  private static void closeQuietly(ServerSocket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // already unusable
    }
  }

  private static InetAddress loopback() {
    try {
      return InetAddress.getByAddress(HOST, new byte[] {127, 0, 0, 1});
    } catch (IOException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** Configures an {@link HttpLoopbackServer}; not thread-safe. */
  public static final class Builder {
    private final String name;
    private final Map<String, HttpRoute> routes = new LinkedHashMap<>();
    private Function<ScriptedFailure, HttpReply> failureReply = HttpLoopbackServer::plainFailure;
    private Duration maxLifetime = DEFAULT_MAX_LIFETIME;
    private int maxRequestBytes = DEFAULT_MAX_REQUEST_BYTES;
    private int threads = DEFAULT_THREADS;
    private HttpTls tls;

    private Builder(String name) {
      if (name == null || !name.matches("[A-Za-z0-9._-]+")) {
        throw new IllegalArgumentException("server name '" + name + "' must be letters, digits, '.', '_' or '-'");
      }
      this.name = name;
    }

    /** Answers requests whose raw path starts with {@code pathPrefix} (longest prefix wins). */
    public Builder route(String pathPrefix, HttpRoute route) {
      if (pathPrefix == null || !pathPrefix.startsWith("/")) {
        throw new IllegalArgumentException("path prefix '" + pathPrefix + "' must start with '/'");
      }
      if (routes.putIfAbsent(pathPrefix, Objects.requireNonNull(route, "route")) != null) {
        throw new IllegalArgumentException("path prefix '" + pathPrefix + "' has a route already");
      }
      return this;
    }

    /** How a {@link ScriptedFailure} is answered (each protocol has its error body); plain text by default. */
    public Builder failureReply(Function<ScriptedFailure, HttpReply> reply) {
      this.failureReply = Objects.requireNonNull(reply, "reply");
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

    /** The largest request body accepted; larger ones get 413. */
    public Builder maxRequestBytes(int bytes) {
      if (bytes < 0 || bytes == Integer.MAX_VALUE) {
        throw new IllegalArgumentException("maxRequestBytes must be in 0..2^31-2, got " + bytes);
      }
      this.maxRequestBytes = bytes;
      return this;
    }

    /** How many requests are handled at once (further ones queue). */
    public Builder threads(int count) {
      if (count < 1) {
        throw new IllegalArgumentException("threads must be positive, got " + count);
      }
      this.threads = count;
      return this;
    }

    /**
     * Serves TLS with this identity: a PEM certificate chain (server certificate first) and its PEM
     * PKCS#8 private key (EC or RSA), e.g. from {@link io.inferlink.emulator.TestCertificates}.
     *
     * @throws IllegalArgumentException when the material cannot be read
     */
    public Builder tls(byte[] certificateChainPem, byte[] privateKeyPem) {
      return tls(certificateChainPem, privateKeyPem, null);
    }

    /**
     * Serves mutual TLS: like {@link #tls(byte[], byte[])}, and clients must present a certificate
     * that chains to one of the PEM certificates in {@code clientCaPem} ({@code null}: none asked for).
     */
    public Builder tls(byte[] certificateChainPem, byte[] privateKeyPem, byte[] clientCaPem) {
      this.tls = HttpTls.fromPem(certificateChainPem, privateKeyPem, clientCaPem);
      return this;
    }

    /** Builds the server; it binds on {@link HttpLoopbackServer#start()}. */
    public HttpLoopbackServer build() {
      return new HttpLoopbackServer(this);
    }
  }
}
