/**
 * The OVMS providers. OVMS's inference APIs are served by the KServe and TF Serving providers, which this
 * module finds through the provider registry, by name.
 */
module io.inferlink.backend.ovms {
  requires transitive io.inferlink.tfserving.common;
  requires io.inferlink.transport.http;
  requires com.fasterxml.jackson.core;
  requires com.fasterxml.jackson.databind;

  exports io.inferlink.ovms;

  provides io.inferlink.spi.InferenceClientProvider with
      io.inferlink.ovms.internal.OvmsRestProvider,
      io.inferlink.ovms.internal.OvmsGrpcProvider;
}
