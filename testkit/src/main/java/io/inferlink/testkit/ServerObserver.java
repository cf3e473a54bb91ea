package io.inferlink.testkit;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The server's side of a call, as the compatibility kit needs to see it: which headers arrived and
 * whether the server saw the call cancelled. Calls are told apart by the value of the
 * {@link KitModels#CALL_ID_HEADER} header, which the kit sets to a fresh value per call.
 *
 * <p>Implementations must be thread-safe: the kit asks from the test thread while server threads
 * record.
 */
public interface ServerObserver {

  /**
   * The headers (names lower-cased) of the call whose {@link KitModels#CALL_ID_HEADER} header had
   * this value, waiting up to {@code wait} for that call to arrive; empty when it did not.
   * {@link Duration#ZERO} asks without waiting.
   *
   * @param callId the value of the call's {@link KitModels#CALL_ID_HEADER} header
   * @param wait how long to wait for the call at most
   * @return the call's headers by lower-case name, or empty when no such call arrived in time
   */
  Optional<Map<String, String>> headersOfCall(String callId, Duration wait);

  /**
   * Waits up to {@code wait} until a model with this call id is running (an inference, as opposed
   * to the metadata or status requests a client may send with the same headers); true when one is.
   *
   * @param callId the value of the call's {@link KitModels#CALL_ID_HEADER} header
   * @param wait how long to wait at most
   * @return true when the server saw a model call with that id, false when the wait ran out
   */
  boolean awaitModelCall(String callId, Duration wait);

  /**
   * Waits up to {@code wait} until the server has seen the call with this id cancelled by its client;
   * true when it has.
   *
   * @param callId the value of the call's {@link KitModels#CALL_ID_HEADER} header
   * @param wait how long to wait at most
   * @return true when the server saw that call cancelled, false when the wait ran out
   */
  boolean awaitCancelled(String callId, Duration wait);
}
