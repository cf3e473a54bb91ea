/** TF Serving's own operations and values, shared by the TF Serving backends and OVMS. */
module io.inferlink.tfserving.common {
  requires transitive io.inferlink.core;
  requires static com.fasterxml.jackson.databind; // only io.inferlink.tfserving.internal; its users bring it

  exports io.inferlink.tfserving;
  exports io.inferlink.tfserving.internal to
      io.inferlink.backend.tfserving.rest, io.inferlink.backend.ovms;
}
