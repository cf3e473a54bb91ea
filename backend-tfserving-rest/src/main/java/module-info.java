/** The TF Serving REST and Paperspace providers; only the options type is API. */
module io.inferlink.backend.tfserving.rest {
  requires transitive io.inferlink.tfserving.common;
  requires io.inferlink.transport.http;
  requires io.inferlink.codec.json;
  requires com.fasterxml.jackson.core;
  requires com.fasterxml.jackson.databind;

  exports io.inferlink.tfserving.rest;

  provides io.inferlink.spi.InferenceClientProvider with
      io.inferlink.tfserving.rest.internal.TfServingRestProvider,
      io.inferlink.tfserving.rest.internal.PaperspaceProvider;
}
