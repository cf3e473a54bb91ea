/**
 * Client metrics through Micrometer: an interceptor for the call pipeline. micrometer-core has no
 * module-info but names itself {@code micrometer.core} in its manifest, so it is required by that
 * name; not transitively, since javac warns against re-exporting an automatic module, and every user
 * requires it anyway to make the registry they pass in.
 */
module io.inferlink.micrometer {
  requires transitive io.inferlink.core;
  requires micrometer.core;

  exports io.inferlink.micrometer;
}
