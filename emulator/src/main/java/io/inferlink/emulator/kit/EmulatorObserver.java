package io.inferlink.emulator.kit;

import io.inferlink.emulator.CallRecorder;
import io.inferlink.emulator.Emulator;
import io.inferlink.testkit.ServerObserver;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The compatibility kit's view of an emulator: its {@link CallRecorder} as a {@link ServerObserver}.
 * A kit subclass that runs against the emulator returns it from {@code observer()}:
 *
 * <pre>
 * &#64;Override protected Optional&lt;ServerObserver&gt; observer() { return Optional.of(EmulatorObserver.of(emulator)); }
 * </pre>
 *
 * <p>The only class of the emulator that needs the kit (an optional dependency of this module), so
 * programs that run the emulator without the kit never load it. Thread-safe, as the recorder is.
 */
public final class EmulatorObserver implements ServerObserver {
  private final CallRecorder recorder;

  private EmulatorObserver(CallRecorder recorder) {
    this.recorder = recorder;
  }

  /**
   * What the servers of this emulator saw.
   *
   * @param emulator the emulator whose calls to watch; it may be started later
   * @return an observer reading the emulator's {@link CallRecorder}
   */
  public static ServerObserver of(Emulator emulator) {
    return of(Objects.requireNonNull(emulator, "emulator").recorder());
  }

  /**
   * What the servers reporting to this recorder saw, for servers built outside an {@link Emulator}.
   *
   * @param recorder the recorder the servers report to
   * @return an observer reading that recorder
   */
  public static ServerObserver of(CallRecorder recorder) {
    return new EmulatorObserver(Objects.requireNonNull(recorder, "recorder"));
  }

  @Override
  public Optional<Map<String, String>> headersOfCall(String callId, Duration wait) {
    return recorder.headersOfCall(callId, wait);
  }

  @Override
  public boolean awaitModelCall(String callId, Duration wait) {
    return recorder.awaitModelCall(callId, wait);
  }

  @Override
  public boolean awaitCancelled(String callId, Duration wait) {
    return recorder.awaitCancelled(callId, wait);
  }
}
