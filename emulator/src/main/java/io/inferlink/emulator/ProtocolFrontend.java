package io.inferlink.emulator;

import java.util.Set;

/**
 * One wire protocol of the emulator (TF Serving REST, KServe V2 gRPC, ...): it translates requests
 * into {@link ModelCall}s on the {@link ModelScript} and answers in its own format. A frontend must
 * record every call through the context's {@link CallRecorder} (headers on arrival, cancellation
 * when its client goes away), and map a {@link ScriptedFailure} to its protocol status. Implementations
 * must be thread-safe; the servers they create are started and closed by the {@link Emulator}.
 */
public interface ProtocolFrontend {

  /**
   * A short unique name, e.g. {@code kserve-v2-rest}; used with {@link Emulator#port(String)}.
   *
   * @return the protocol's name, unique within one emulator
   */
  String protocol();

  /**
   * The endpoint schemes a client uses to reach this frontend, e.g. {@code kserve-v2+http}.
   *
   * @return the schemes this frontend answers, not empty
   */
  Set<String> schemes();

  /**
   * Creates (but does not start) a server for this protocol over the context's script.
   *
   * @param context the emulator's models, recorder, server metadata and limits
   * @return a new server, not started; the emulator starts and closes it
   */
  LoopbackServer create(FrontendContext context);
}
