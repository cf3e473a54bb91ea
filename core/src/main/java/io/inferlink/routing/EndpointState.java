package io.inferlink.routing;

/** Whether one endpoint of a client with several takes calls now; see {@link EndpointGroup}. */
public enum EndpointState {
  /** In rotation. */
  HEALTHY,
  /** Its last health check found it not ready (or failed): skipped until a check finds it ready. */
  UNHEALTHY,
  /** Taken out of rotation after failing calls (or told to wait by the server) until its ejection ends. */
  EJECTED
}
