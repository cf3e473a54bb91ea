/** The compatibility kit every backend's tests extend; needs only core and JUnit Jupiter. */
module io.inferlink.testkit {
  requires transitive io.inferlink.core;
  requires transitive org.junit.jupiter.api;

  exports io.inferlink.testkit;
  exports io.inferlink.testkit.load;
  // JUnit instantiates the kit's @Nested check groups reflectively.
  opens io.inferlink.testkit to org.junit.platform.commons;
}
