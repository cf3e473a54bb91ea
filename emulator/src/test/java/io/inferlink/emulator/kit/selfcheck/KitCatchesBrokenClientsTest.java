package io.inferlink.emulator.kit.selfcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.emulator.Emulator;
import io.inferlink.emulator.kit.inmemory.Fault;
import io.inferlink.emulator.kit.inmemory.InMemoryProvider;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each deliberate client bug makes the kit test that guards against it fail, and only that one. */
class KitCatchesBrokenClientsTest {
  private static final String SERVER = "kit-selfcheck";

  @BeforeAll
  static void startServer() {
    BrokenClientKit.emulator = Emulator.builder().build().start();
    InMemoryProvider.register(SERVER, BrokenClientKit.emulator);
  }

  @AfterAll
  static void stopServer() {
    InMemoryProvider.unregister(SERVER);
    BrokenClientKit.emulator.close();
  }

  @Test
  void aCorrectClientPassesTheSameTests() {
    for (String method : Set.of("everyDataTypeRoundTripsByteIdenticallyOrIsRefused", "unknownModelIsModelNotFound",
        "cancellingTheFutureCancelsTheCallOnTheServer", "headersFromTheSupplierAreFetchedAgainForEveryCall")) {
      KitRun run = KitRun.of(endpoint(InMemoryProvider.SCHEME, Fault.NONE), method);
      assertTrue(run.failures.isEmpty() && run.passed.get() > 0, method + ": " + run);
    }
  }

  @Test
  void corruptedFp64BytesFailOnlyTheFp64RoundTrip() {
    KitRun run = KitRun.of(endpoint(InMemoryProvider.SCHEME, Fault.CORRUPT_FP64), "everyDataTypeRoundTripsByteIdenticallyOrIsRefused");
    assertEquals(Set.of("FP64 round-trips through identity byte for byte"), run.failures.keySet(), run.toString());
    assertTrue(run.onlyFailureMessage().contains("differs first at byte 0"), run.onlyFailureMessage());
  }

  @Test
  void refusingOnlyAfterSendingFailsTheGatedTests() {
    KitRun run = KitRun.of(endpoint(InMemoryProvider.LIMITED_SCHEME, Fault.SENDS_UNSUPPORTED), "scalarTensorsRoundTripWhenSupportedOrAreRefused");
    assertTrue(run.onlyFailureMessage().contains("only after the server saw the call"), run.onlyFailureMessage());
  }

  @Test
  void throwingFromAnAsyncMethodFailsTheErrorTest() {
    KitRun run = KitRun.of(endpoint(InMemoryProvider.SCHEME, Fault.THROWS_FROM_ASYNC), "unknownModelIsModelNotFound");
    assertTrue(run.onlyFailureMessage().contains("instead of returning a failed future"), run.onlyFailureMessage());
  }

  @Test
  void ignoringCancellationFailsTheCancellationTest() {
    KitRun run = KitRun.of(endpoint(InMemoryProvider.SCHEME, Fault.IGNORES_CANCEL), "cancellingTheFutureCancelsTheCallOnTheServer");
    assertTrue(run.onlyFailureMessage().contains("did not see call"), run.onlyFailureMessage());
  }

  @Test
  void leakingAThreadFailsTheLifecycleTest() {
    KitRun run = KitRun.of(endpoint(InMemoryProvider.SCHEME, Fault.LEAKS_THREAD), "closeIsIdempotentRefusesLaterCallsAndLeavesNoThreadBehind");
    assertTrue(run.onlyFailureMessage().contains("inmemory-leaked-thread"), run.onlyFailureMessage());
  }

  @Test
  void staleHeadersFailTheRotatingHeaderTest() {
    KitRun run = KitRun.of(endpoint(InMemoryProvider.SCHEME, Fault.STALE_HEADERS), "headersFromTheSupplierAreFetchedAgainForEveryCall");
    assertTrue(run.onlyFailureMessage().contains("the supplier was not asked again"), run.onlyFailureMessage());
  }

  @Test
  void wrongExceptionClassesFailTheErrorTable() {
    KitRun run = KitRun.of(endpoint(InMemoryProvider.SCHEME, Fault.ALL_SERVER_ERRORS), "scriptedFailuresRaiseTheExceptionsOfTheErrorTable");
    // Only INTERNAL really is a ServerException; the nine other codes must each fail.
    assertEquals(9, run.failures.size(), run.toString());
    assertEquals(1, run.passed.get(), run.toString());
  }

  private static String endpoint(String scheme, Fault fault) {
    return scheme + "://" + SERVER + "?fault=" + fault.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
