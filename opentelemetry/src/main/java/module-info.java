/**
 * OpenTelemetry tracing for Inferlink clients: one interceptor, written against the OpenTelemetry API
 * alone (the application brings the SDK or the agent).
 */
module io.inferlink.opentelemetry {
  requires transitive io.inferlink.core;
  // Public signatures take OpenTelemetry and name AttributeKeys: users of this module need the API too.
  requires transitive io.opentelemetry.api;
  requires io.opentelemetry.context;

  exports io.inferlink.opentelemetry;
}
