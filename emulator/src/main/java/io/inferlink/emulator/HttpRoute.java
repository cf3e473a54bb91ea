package io.inferlink.emulator;

/**
 * Answers the HTTP requests under one path prefix of an {@link HttpLoopbackServer}. Must be
 * thread-safe: the server calls it from several threads at once.
 */
@FunctionalInterface
public interface HttpRoute {
  /**
   * Answers one request. A {@link ScriptedFailure} becomes the server's failure reply; any other
   * exception becomes a 500.
   *
   * @param call the request
   * @return the answer to send
   * @throws Exception any failure; a {@link ScriptedFailure} is answered as the protocol's error, others as 500
   */
  HttpReply handle(HttpCall call) throws Exception;
}
