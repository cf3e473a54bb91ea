package io.inferlink.emulator;

import java.io.IOException;
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
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The server every HTTP frontend of the emulator runs on: a small HTTP/1.1 server of our own on a
 * {@link ServerSocket} bound to 127.0.0.1 and an ephemeral (or chosen) port, optionally TLS (mutual TLS
 * too), routes chosen by longest path prefix, a cap on request bodies (413), a bounded pool of daemon
 * threads, and the lifecycle of every loopback server ({@link AbstractLoopbackServer}: a maximum
 * lifetime after which it stops itself, so a test that forgets to close it cannot leave it running).
 * Unlike the JDK's server it watches each connection while a route runs, so a client that hangs up is
 * seen at once ({@link HttpCall#clientGone()}). Thread-safe; build with {@link #builder(String)}.
 */
public final class HttpLoopbackServer extends AbstractLoopbackServer<HttpLoopbackServer> {
  /** Handler threads unless told otherwise. */
  public static final int DEFAULT_THREADS = 32;
  /** Open connections at most; each holds a (mostly idle) connection thread. Further ones are closed at once. */
  public static final int MAX_CONNECTIONS = 512;

  private final TreeMap<String, HttpRoute> routes;
  private final Function<ScriptedFailure, HttpReply> failureReply;
  private final int maxRequestBytes;
  private final int threads;
  private final HttpTls tls;
  private final Overload overload;
  private final Set<HttpConnection> open = ConcurrentHashMap.newKeySet();

  private ServerSocket listener;
  private Thread acceptor;
  private ThreadPoolExecutor handlerPool;
  private ThreadPoolExecutor connectionPool;

  private HttpLoopbackServer(Builder b) {
    super(b);
    this.routes = new TreeMap<>(b.routes);
    this.failureReply = b.failureReply;
    this.maxRequestBytes = b.maxRequestBytesValue();
    this.threads = b.threadCount();
    this.tls = b.serverTls() == null ? null : b.serverTls().http();
    this.overload = b.overloadSwitch();
  }

  /**
   * Starts configuring a server; {@code name} goes into its thread names.
   *
   * @param name a short name for the server's threads, e.g. the protocol
   * @return a new builder without routes
   */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /**
   * The failure reply used unless a frontend sets its own: the status of the code, the message as text.
   *
   * @param failure the model's failure
   * @return a text reply with the failure's HTTP status and message
   */
  public static HttpReply plainFailure(ScriptedFailure failure) {
    return HttpReply.text(failure.httpStatus(), failure.getMessage());
  }

  /**
   * The address the server is bound to (always 127.0.0.1).
   *
   * @return the bound address; its port is the one clients use
   */
  public InetSocketAddress address() {
    return new InetSocketAddress(LOOPBACK, port());
  }

  /**
   * True when the server speaks TLS (https).
   *
   * @return true when the server was built with TLS
   */
  public boolean isTls() {
    return tls != null;
  }

  @Override
  void open(InetSocketAddress address, String threadPrefix) throws IOException {
    ServerSocket socket = tls == null ? new ServerSocket() : tls.newServerSocket();
    try {
      socket.bind(address, 128);
    } catch (IOException e) {
      closeQuietly(socket);
      throw e;
    }
    handlerPool = new ThreadPoolExecutor(threads, threads, 10, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1024),
        DaemonThreads.named(threadPrefix),
        // Saturated: the connection thread answers itself, which slows clients down instead of failing them.
        new ThreadPoolExecutor.CallerRunsPolicy());
    handlerPool.allowCoreThreadTimeOut(true);
    connectionPool = new ThreadPoolExecutor(0, MAX_CONNECTIONS, 10, TimeUnit.SECONDS, new SynchronousQueue<>(),
        DaemonThreads.named(threadPrefix + "-conn"));
    listener = socket;
    acceptor = DaemonThreads.named(threadPrefix + "-accept").newThread(() -> acceptLoop(socket));
    acceptor.start();
  }

  @Override
  int boundPort() {
    return listener.getLocalPort();
  }

  @Override
  void release() {
    closeQuietly(listener);
    // Interrupting handlers wakes sleeping models, which count an interrupt as a cancellation;
    // closing the sockets ends the connection threads' reads.
    handlerPool.shutdownNow();
    connectionPool.shutdownNow();
    open.forEach(HttpConnection::close);
    awaitQuietly(handlerPool);
    awaitQuietly(connectionPool);
    if (acceptor != Thread.currentThread()) {
      try {
        acceptor.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
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
    Duration wait = overload.refuseNow();
    if (wait != null) {
      // The protocol's own error body (its failure reply), plus when to come back.
      return failureReply.apply(Overload.failure(wait))
          .withHeader(Overload.RETRY_AFTER_HEADER, Long.toString(Overload.retryAfterSeconds(wait)));
    }
    try {
      HttpRoute route = routeFor(call.rawPath());
      if (route == null) {
        return HttpReply.text(404, "no route for " + call.rawPath() + " on '" + name() + "'");
      }
      HttpReply reply = route.handle(call);
      return reply != null ? reply : HttpReply.text(500, "route of '" + name() + "' gave no answer");
    } catch (ScriptedFailure f) {
      return failureReply.apply(f);
    } catch (Exception | LinkageError | AssertionError e) {
      return HttpReply.text(500, "emulator error in '" + name() + "': " + e);
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
      if (isClosing()) {
        open.forEach(HttpConnection::close);
      }
    }
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

  /** Configures an {@link HttpLoopbackServer}: routes and failure replies, and what every server takes; not thread-safe. */
  public static final class Builder extends LoopbackServerBuilder<Builder> {
    private final Map<String, HttpRoute> routes = new LinkedHashMap<>();
    private Function<ScriptedFailure, HttpReply> failureReply = HttpLoopbackServer::plainFailure;

    private Builder(String name) {
      super(name, DEFAULT_THREADS, 1);
    }

    /**
     * Answers requests whose raw path starts with {@code pathPrefix} (longest prefix wins).
     *
     * @param pathPrefix the raw path prefix the route answers, e.g. {@code /v2/}
     * @param route what answers matching requests
     * @return this builder
     */
    public Builder route(String pathPrefix, HttpRoute route) {
      if (pathPrefix == null || !pathPrefix.startsWith("/")) {
        throw new IllegalArgumentException("path prefix '" + pathPrefix + "' must start with '/'");
      }
      if (routes.putIfAbsent(pathPrefix, Objects.requireNonNull(route, "route")) != null) {
        throw new IllegalArgumentException("path prefix '" + pathPrefix + "' has a route already");
      }
      return this;
    }

    /**
     * How a {@link ScriptedFailure} is answered (each protocol has its error body); plain text by default.
     *
     * @param reply turns a failure into the protocol's error reply; not null
     * @return this builder
     */
    public Builder failureReply(Function<ScriptedFailure, HttpReply> reply) {
      this.failureReply = Objects.requireNonNull(reply, "reply");
      return this;
    }

    @Override
    public HttpLoopbackServer build() {
      return new HttpLoopbackServer(this);
    }
  }
}
