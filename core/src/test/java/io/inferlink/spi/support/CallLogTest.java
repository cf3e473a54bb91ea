package io.inferlink.spi.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.ClientOptions;
import io.inferlink.ErrorCode;
import io.inferlink.InferenceException;
import io.inferlink.InferenceRequest;
import io.inferlink.InferenceResponse;
import io.inferlink.ModelRef;
import io.inferlink.Tensor;
import io.inferlink.interceptor.InferenceCall;
import io.inferlink.interceptor.InferenceCall.Operation;
import io.inferlink.interceptor.InferenceInterceptor;
import java.time.Duration;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The call lines of {@link Loggers#CLIENT} through the JDK's default {@code System.Logger} (which is
 * java.util.logging): start and end of every path through the pipeline, outcome, masked endpoint; and
 * with DEBUG off, no line is built at all.
 */
class CallLogTest {
  private static final InferenceRequest REQUEST = InferenceRequest.builder(ModelRef.of("m", "3"))
      .input(Tensor.ofFloats("x", new float[] {1}, 1)).header("X-Api-Key", "k3y-per-call").build();
  private static final String SHOWN = "provider=scripted endpoint=scripted+http://***@h:1/base?token=***";
  private static final Pattern END = Pattern.compile("call #(\\d+) (.+) ended (.+) in \\d+\\.\\d ms");

  // Held here: java.util.logging keeps loggers weakly, and the level must outlive this test's calls.
  private final Logger jul = Logger.getLogger(Loggers.CLIENT);
  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final Handler handler = new Handler() {
    @Override
    public void publish(LogRecord r) {
      lines.add(r.getLevel() + " " + r.getMessage());
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };
  private Level before;

  @BeforeEach
  void listen() {
    before = jul.getLevel();
    jul.addHandler(handler);
  }

  @AfterEach
  void stopListening() {
    jul.removeHandler(handler);
    jul.setLevel(before);
  }

  private List<String> linesOf(String operation) {
    return lines.stream().filter(l -> l.contains(" " + operation + " ")).toList();
  }

  @Test
  void everyPathLogsItsStartAndEndAtFine() throws Exception {
    jul.setLevel(Level.FINE);
    try (ScriptedClient plain = new ScriptedClient(ClientOptions.builder().build());
        ScriptedClient intercepted = new ScriptedClient(ClientOptions.builder().interceptor(passThrough()).build())) {
      plain.infer(REQUEST); // blocking, answered on this thread
      plain.modelReadyAsync(ModelRef.of("m")).get(10, TimeUnit.SECONDS);
      intercepted.serverLive(); // blocking through the interceptors
      intercepted.load("extra").get(10, TimeUnit.SECONDS);
    }
    assertEquals(8, lines.size(), lines.toString());
    assertTrue(lines.stream().allMatch(l -> l.startsWith("FINE call #") && l.contains(SHOWN)), lines.toString());
    assertPair(linesOf("infer"), "infer model=m:3 " + SHOWN, "OK");
    assertPair(linesOf("model.ready"), "model.ready model=m " + SHOWN, "OK");
    assertPair(linesOf("server.live"), "server.live " + SHOWN, "OK");
    assertPair(linesOf("repository.load"), "repository.load model=extra " + SHOWN, "OK");
    for (String secret : List.of("user", "secret", "abc", "k3y-per-call")) {
      assertTrue(lines.stream().noneMatch(l -> l.contains(secret)), secret + " in " + lines);
    }
  }

  @Test
  void theEndLineNamesTheErrorCodeAndTheExceptionTypeButNotItsMessage() {
    jul.setLevel(Level.FINE);
    try (ScriptedClient client = new ScriptedClient(ClientOptions.builder().build())) {
      client.answer = n -> CompletableFuture.failedFuture(new InferenceException(ErrorCode.NOT_FOUND, "no model m, said the server"));
      assertThrows(InferenceException.class, () -> client.infer(REQUEST));
      CompletableFuture<InferenceResponse> never = new CompletableFuture<>();
      client.answer = n -> never.thenApply(r -> r);
      client.inferAsync(REQUEST).cancel(true);
    }
    List<String> infer = linesOf("infer");
    assertEquals(4, infer.size(), infer.toString());
    assertTrue(infer.get(1).contains(" ended NOT_FOUND (InferenceException) in "), infer.get(1));
    assertTrue(infer.get(3).contains(" ended CANCELLED (CancellationException) in "), infer.get(3));
    assertTrue(lines.stream().noneMatch(l -> l.contains("said the server")), lines.toString());
  }

  @Test
  void atInfoNothingIsLogged() {
    jul.setLevel(Level.INFO);
    try (ScriptedClient client = new ScriptedClient(ClientOptions.builder().build())) {
      client.infer(REQUEST);
    }
    assertEquals(List.of(), lines);
  }

  @Test
  void withDebugOffNoLineIsBuiltOnEitherPath() {
    CountingLogger off = new CountingLogger(false);
    run(CallPipeline.of(ClientOptions.builder().build(), new CallLog(off)));
    run(CallPipeline.of(ClientOptions.builder().interceptor(passThrough()).build(), new CallLog(off)));
    assertEquals(List.of(), off.built, "lines were built with DEBUG off");
    assertTrue(off.asked.get() >= 4, "the level was asked " + off.asked.get() + " times");
  }

  @Test
  void withDebugOnTheSameCallsBuildTheirLines() {
    CountingLogger on = new CountingLogger(true);
    run(CallPipeline.of(ClientOptions.builder().build(), new CallLog(on)));
    assertEquals(4, on.built.size(), on.built.toString());
    assertTrue(on.built.get(0).endsWith(" started"), on.built.toString());
  }

  /** One asynchronous and one blocking call straight through the pipeline. */
  private static void run(CallPipeline pipeline) {
    InferenceCall call = InferenceCall.builder(Operation.SERVER_LIVE).provider("p").endpoint("p+http://h:1")
        .timeout(Duration.ofSeconds(10)).build();
    PreparedCall<Boolean> prepared = PreparedCall.of(-1, attempt -> CompletableFuture.completedFuture(true));
    assertTrue(Futures.await(pipeline.execute(call, prepared)));
    assertTrue(pipeline.executeBlocking(call, prepared));
  }

  private static void assertPair(List<String> pair, String what, String outcome) {
    assertEquals(2, pair.size(), pair.toString());
    var start = Pattern.compile("FINE call #(\\d+) (.+) started").matcher(pair.get(0));
    assertTrue(start.matches(), pair.get(0));
    var end = END.matcher(pair.get(1).substring("FINE ".length()));
    assertTrue(end.matches(), pair.get(1));
    assertEquals(start.group(1), end.group(1), "one number for the start and the end of a call");
    assertEquals(what, start.group(2));
    assertEquals(what, end.group(2));
    assertEquals(outcome, end.group(3));
  }

  private static InferenceInterceptor passThrough() {
    return new InferenceInterceptor() {
      @Override
      public <T> CompletableFuture<T> intercept(InferenceCall call, Chain<T> chain) {
        return chain.proceed(call);
      }
    };
  }

  /**
   * A logger that builds every line it is handed, whatever its level says, so that a line built
   * without asking the level first shows up in {@link #built}.
   */
  private static final class CountingLogger implements System.Logger {
    final boolean debug;
    final AtomicInteger asked = new AtomicInteger();
    final List<String> built = new CopyOnWriteArrayList<>();

    CountingLogger(boolean debug) {
      this.debug = debug;
    }

    @Override
    public String getName() {
      return Loggers.CLIENT;
    }

    @Override
    public boolean isLoggable(System.Logger.Level level) {
      asked.incrementAndGet();
      return debug;
    }

    @Override
    public void log(System.Logger.Level level, Supplier<String> line) {
      built.add(line.get());
    }

    @Override
    public void log(System.Logger.Level level, String line) {
      built.add(line);
    }

    @Override
    public void log(System.Logger.Level level, ResourceBundle bundle, String msg, Throwable thrown) {
      built.add(msg);
    }

    @Override
    public void log(System.Logger.Level level, ResourceBundle bundle, String format, Object... params) {
      built.add(format);
    }
  }
}
