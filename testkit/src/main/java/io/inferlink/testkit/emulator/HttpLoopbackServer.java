package io.inferlink.testkit.emulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The base every HTTP frontend of the emulator runs on: the JDK's {@code com.sun.net.httpserver}
 * bound to 127.0.0.1 and an ephemeral port, routes chosen by longest path prefix, a cap on request
 * bodies, a bounded pool of daemon threads, and a maximum lifetime after which the server stops
 * itself (so a test that forgets to close it cannot leave it running). Thread-safe; build with
 * {@link #builder(String)}.
 */
public final class HttpLoopbackServer implements LoopbackServer {
  /** Lifetime unless told otherwise. */
  public static final Duration DEFAULT_MAX_LIFETIME = Duration.ofMinutes(30);
  /** Largest request body accepted unless told otherwise: large enough for multi-MiB JSON tensors. */
  public static final int DEFAULT_MAX_REQUEST_BYTES = 256 * 1024 * 1024;
  /** Handler threads unless told otherwise. */
  public static final int DEFAULT_THREADS = 32;

  private static final InetAddress LOOPBACK = loopback();

  private final String name;
  private final TreeMap<String, HttpRoute> routes;
  private final Function<ScriptedFailure, HttpReply> failureReply;
  private final Duration maxLifetime;
  private final int maxRequestBytes;
  private final int threads;

  private HttpServer server;
  private ThreadPoolExecutor pool;
  private ScheduledThreadPoolExecutor lifetimeTimer;
  private boolean closed;

  private HttpLoopbackServer(Builder b) {
    this.name = b.name;
    this.routes = new TreeMap<>(b.routes);
    this.failureReply = b.failureReply;
    this.maxLifetime = b.maxLifetime;
    this.maxRequestBytes = b.maxRequestBytes;
    this.threads = b.threads;
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
  public synchronized HttpLoopbackServer start() {
    if (closed) {
      throw new IllegalStateException("server '" + name + "' was closed");
    }
    if (server != null) {
      return this;
    }
    ThreadPoolExecutor handlers = new ThreadPoolExecutor(threads, threads, 10, TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(1024), DaemonThreads.named("inferlink-emulator-" + name),
        // Saturated: the accepting thread answers itself, which slows clients down instead of failing them.
        new ThreadPoolExecutor.CallerRunsPolicy());
    handlers.allowCoreThreadTimeOut(true);
    ScheduledThreadPoolExecutor timer =
        new ScheduledThreadPoolExecutor(1, DaemonThreads.named("inferlink-emulator-" + name + "-lifetime"));
    timer.setRemoveOnCancelPolicy(true);
    try {
      HttpServer created = HttpServer.create(new InetSocketAddress(LOOPBACK, 0), 128);
      created.createContext("/", this::dispatch);
      created.setExecutor(handlers);
      // The JDK's dispatcher thread inherits the daemon flag of the thread that starts the server, so
      // it is started from our daemon timer thread: a forgotten server must never hold the JVM open.
      timer.submit(created::start).get();
      server = created;
    } catch (IOException | ExecutionException e) {
      handlers.shutdownNow();
      timer.shutdownNow();
      throw new UncheckedIOException("server '" + name + "' could not bind " + HOST,
          e instanceof IOException ? (IOException) e : new IOException(e.getCause()));
    } catch (InterruptedException e) {
      handlers.shutdownNow();
      timer.shutdownNow();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting server '" + name + "'", e);
    }
    pool = handlers;
    lifetimeTimer = timer;
    timer.schedule(this::close, maxLifetime.toMillis(), TimeUnit.MILLISECONDS);
    return this;
  }

  @Override
  public synchronized int port() {
    if (server == null) {
      throw new IllegalStateException("server '" + name + "' is not started");
    }
    return server.getAddress().getPort();
  }

  /** The address the server is bound to (always 127.0.0.1). */
  public synchronized InetSocketAddress address() {
    if (server == null) {
      throw new IllegalStateException("server '" + name + "' is not started");
    }
    return server.getAddress();
  }

  @Override
  public synchronized boolean isRunning() {
    return server != null && !closed;
  }

  @Override
  public void close() {
    HttpServer toStop;
    ThreadPoolExecutor toShutDown;
    ScheduledThreadPoolExecutor timer;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      toStop = server;
      toShutDown = pool;
      timer = lifetimeTimer;
    }
    if (toStop != null) {
      // stop(0) closes the listener and every connection and waits for the dispatcher thread to end.
      toStop.stop(0);
    }
    if (toShutDown != null) {
      // Interrupting handlers wakes sleeping models, which count an interrupt as a cancellation.
      toShutDown.shutdownNow();
      try {
        toShutDown.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (timer != null) {
      timer.shutdownNow();
    }
  }

  private void dispatch(HttpExchange exchange) {
    try {
      HttpReply reply;
      try {
        reply = answer(exchange);
      } catch (ScriptedFailure f) {
        reply = failureReply.apply(f);
      } catch (IOException e) {
        return; // the client went away; there is nobody to answer
      } catch (Exception e) {
        reply = HttpReply.text(500, "emulator error in '" + name + "': " + e);
      }
      send(exchange, reply);
    } catch (IOException e) {
      // The client went away while we answered; nothing more to do.
    } finally {
      exchange.close();
    }
  }

  private HttpReply answer(HttpExchange exchange) throws Exception {
    String declared = exchange.getRequestHeaders().getFirst("Content-Length");
    if (declared != null && parseLength(declared) > maxRequestBytes) {
      return tooLarge();
    }
    byte[] body = readCapped(exchange.getRequestBody());
    if (body == null) {
      return tooLarge();
    }
    String path = exchange.getRequestURI().getRawPath();
    HttpRoute route = routeFor(path);
    if (route == null) {
      return HttpReply.text(404, "no route for " + path + " on '" + name + "'");
    }
    Map<String, String> headers = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> e : exchange.getRequestHeaders().entrySet()) {
      headers.put(e.getKey().toLowerCase(Locale.ROOT), String.join(", ", e.getValue()));
    }
    return route.handle(new HttpCall(exchange.getRequestMethod(), path,
        exchange.getRequestURI().getRawQuery(), headers, body));
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

  private HttpReply tooLarge() {
    return HttpReply.text(413, "request body larger than " + maxRequestBytes + " bytes");
  }

  private byte[] readCapped(InputStream in) throws IOException {
    byte[] bytes = in.readNBytes(maxRequestBytes);
    if (bytes.length == maxRequestBytes && in.read() >= 0) {
      return null;
    }
    return bytes;
  }

  private static long parseLength(String value) {
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      return -1; // the JDK server rejects malformed lengths itself
    }
  }

  private static void send(HttpExchange exchange, HttpReply reply) throws IOException {
    reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
    if (reply.contentType() != null) {
      exchange.getResponseHeaders().set("Content-Type", reply.contentType());
    }
    boolean noBody = reply.body().length == 0 || exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(reply.status(), noBody ? -1 : reply.body().length);
    if (!noBody) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(reply.body());
      }
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

    /** Builds the server; it binds on {@link HttpLoopbackServer#start()}. */
    public HttpLoopbackServer build() {
      return new HttpLoopbackServer(this);
    }
  }
}
