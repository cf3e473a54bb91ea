package io.inferlink.emulator;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLSocket;

/**
 * One client connection of an {@link HttpLoopbackServer}, served by one connection thread: it reads
 * a request, hands it to a handler thread, and meanwhile keeps reading. Clients do not pipeline, so
 * the only thing that can arrive while a handler runs is the end of the stream: the client hung up,
 * and the request's {@link HttpCall} is marked gone. The handler thread writes the answer itself,
 * so keep-alive answers leave without waiting for the connection thread. Thread-safe where it
 * needs to be: {@link #close()} may come from any thread.
 */
final class HttpConnection implements Runnable {
  /** How long a connection may sit idle between requests before the server closes it, as servers do. */
  static final int IDLE_TIMEOUT_MILLIS = 120_000;
  private static final int LINGER_MILLIS = 500;
  private static final int LINGER_BYTES = 4 * 1024 * 1024;

  private final HttpLoopbackServer server;
  private final Socket socket;
  private OutputStream out;

  HttpConnection(HttpLoopbackServer server, Socket socket) {
    this.server = server;
    this.socket = socket;
  }

  @Override
  public void run() {
    try {
      if (socket instanceof SSLSocket) {
        ((SSLSocket) socket).startHandshake();
      }
      socket.setSoTimeout(IDLE_TIMEOUT_MILLIS);
      out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
      HttpInput in = new HttpInput(socket.getInputStream());
      while (serveOne(in)) {
        // next request on the same connection
      }
    } catch (IOException | RuntimeException e) {
      // A failed handshake, a reset or a closed server: the connection is over either way.
    } finally {
      close();
      server.forget(this);
    }
  }

  /** Closes the socket, which ends a blocked read on the connection thread. Idempotent. */
  void close() {
    try {
      socket.close();
    } catch (IOException e) {
      // nothing left to do with a socket that cannot even close
    }
  }

  /** Serves one request; true when the connection stays open for another. */
  private boolean serveOne(HttpInput in) throws IOException {
    HttpRequestHead head;
    byte[] body;
    try {
      head = HttpRequestReader.readHead(in);
      if (head == null) {
        return false;
      }
      body = HttpRequestReader.readBody(in, head, server.maxRequestBytes(), () -> HttpResponseWriter.writeContinue(out));
    } catch (HttpProtocolException e) {
      refuse(in, e);
      return false;
    }
    boolean keepAlive = head.keepAlive();
    HttpReply refusal = null;
    try {
      body = HttpContentCoding.decodeRequest(head, body, server.maxRequestBytes());
    } catch (HttpContentCoding.Refused e) {
      // The whole body was read, so the connection stays usable: answer like a route would.
      refusal = e.reply();
    }
    HttpCall call = new HttpCall(head.method(), head.rawPath(), head.rawQuery(), head.headers(), body);
    AtomicBoolean answered = new AtomicBoolean();
    Future<?> handler;
    HttpReply refused = refusal;
    try {
      handler = server.handlers().submit(() -> answer(call, head, keepAlive, answered, refused));
    } catch (RejectedExecutionException e) {
      return false; // the server is shutting down
    }
    boolean more = in.awaitData(() -> !handler.isDone());
    // "answered" is set before the handler writes (and maybe closes), so a read ended by our own
    // close is never taken for a client that went away.
    if (!more && !answered.get()) {
      call.markClientGone();
    }
    awaitQuietly(handler);
    return more && keepAlive;
  }

  private void answer(HttpCall call, HttpRequestHead head, boolean keepAlive, AtomicBoolean answered,
      HttpReply refused) {
    HttpReply reply = HttpContentCoding.encodeReply(refused != null ? refused : server.answer(call),
        head.header("accept-encoding"));
    answered.set(true);
    try {
      synchronized (this) {
        HttpResponseWriter.write(out, reply, head.method().equals("HEAD"), !keepAlive);
      }
    } catch (IOException e) {
      // the client is gone; nobody to tell
    }
    if (!keepAlive) {
      close();
    }
  }

  /** Answers a request that cannot be read, then closes without resetting the client's view of the answer. */
  private void refuse(HttpInput in, HttpProtocolException e) {
    try {
      synchronized (this) {
        HttpResponseWriter.write(out, HttpReply.text(e.status(), e.getMessage()), false, true);
      }
      // Closing with unread request bytes would send a reset that can destroy the answer in flight:
      // half-close, then drop what the client still sends, briefly.
      if (!(socket instanceof SSLSocket)) {
        socket.shutdownOutput();
      }
      socket.setSoTimeout(LINGER_MILLIS);
      in.skip(LINGER_BYTES);
    } catch (SocketTimeoutException timeout) {
      // the client kept the connection open; close it now
    } catch (IOException ignored) {
      // the client is gone already
    }
  }

  private static void awaitQuietly(Future<?> handler) {
    try {
      handler.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      // answer() catches everything a route can throw; nothing to add here
    }
  }
}
