package io.inferlink.transport.http.internal;

import java.io.IOException;
import org.apache.hc.client5.http.async.AsyncExecCallback;
import org.apache.hc.client5.http.async.AsyncExecChain;
import org.apache.hc.client5.http.async.AsyncExecChainHandler;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.concurrent.Cancellable;
import org.apache.hc.core5.concurrent.CancellableDependency;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.nio.AsyncEntityProducer;

/**
 * The exec-chain element just before HttpClient's main transport: it hands the hard-cancel handle of
 * the exchange on the connection to the call's {@link Exchange} too, so that aborting the call also
 * aborts the exchange, which closes its connection (whether fresh or reused from the pool).
 *
 * <p>Why it is needed: HttpClient keeps one cancel handle per call, the call future's current
 * "dependency", and each step of the chain replaces it with its own. The connect step sets the pool
 * lease as the dependency only after {@code acquireEndpoint} returns; but when the pool has an idle
 * connection the lease completes synchronously inside that call, and the whole rest of the chain runs
 * in it too, down to the main transport, which sets the exchange's hard-cancel handle. The lease then
 * overwrites it, so cancelling the future cancels only the finished lease and leaves the exchange
 * running on its connection. (On a fresh connection the exchange starts later, on an I/O thread,
 * after the connect, so its handle comes last and cancelling works.)
 *
 * <p>The handle is the one HttpClient itself uses for hard cancellation: it fails the exchange, which
 * discards (closes) its connection if, and only if, the exchange is still running; it never touches a
 * connection that has gone back to the pool or on to another call. Stateless and thread-safe.
 */
final class ExchangeCancelHook implements AsyncExecChainHandler {
  /** Context attribute holding the call's {@link CancellableDependency} that receives the handle. */
  static final String ATTRIBUTE = "io.inferlink.transport.http.internal.exchange-cancel";

  /** The name of this element in HttpClient's exec chain. */
  static final String NAME = "inferlink-exchange-cancel";

  /** Tells the chain element where the call's handle goes. */
  static void attach(HttpClientContext context, CancellableDependency onExchange) {
    context.setAttribute(ATTRIBUTE, onExchange);
  }

  @Override
  public void execute(HttpRequest request, AsyncEntityProducer entityProducer, AsyncExecChain.Scope scope,
      AsyncExecChain chain, AsyncExecCallback callback) throws HttpException, IOException {
    Object sink = scope.clientContext.getAttribute(ATTRIBUTE);
    if (!(sink instanceof CancellableDependency)) {
      chain.proceed(request, entityProducer, scope, callback);
      return;
    }
    AsyncExecChain.Scope tracked = new AsyncExecChain.Scope(scope.exchangeId, scope.route,
        scope.originalRequest, new Both(scope.cancellableDependency, (CancellableDependency) sink),
        scope.clientContext, scope.execRuntime, scope.scheduler, scope.execCount);
    chain.proceed(request, entityProducer, tracked, callback);
  }

  /** Gives each dependency to HttpClient's call future and to ours; cancels like the call future. */
  private static final class Both implements CancellableDependency {
    private final CancellableDependency call;
    private final CancellableDependency ours;

    Both(CancellableDependency call, CancellableDependency ours) {
      this.call = call;
      this.ours = ours;
    }

    @Override
    public void setDependency(Cancellable dependency) {
      // Each cancels the handle at once if already cancelled; the handle acts once, so twice is fine.
      ours.setDependency(dependency);
      call.setDependency(dependency);
    }

    @Override
    public boolean isCancelled() {
      return call.isCancelled() || ours.isCancelled();
    }

    @Override
    public boolean cancel() {
      boolean c = call.cancel();
      return ours.cancel() || c;
    }
  }
}
