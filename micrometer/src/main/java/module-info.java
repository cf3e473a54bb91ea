/**
 * Client metrics through Micrometer: an interceptor for the call pipeline. micrometer-core has no
 * module-info but names itself {@code micrometer.core} in its manifest, so it is required by that
 * name, and transitively: {@code MeterRegistry} and {@code Tag} are in this module's API. javac warns
 * against re-exporting an automatic module (its name could change); this one is stable, declared by
 * Micrometer in its manifest, so the warning is silenced here.
 */
@SuppressWarnings("requires-transitive-automatic")
module io.inferlink.micrometer {
  requires transitive io.inferlink.core;
  requires transitive micrometer.core;

  exports io.inferlink.micrometer;
}
