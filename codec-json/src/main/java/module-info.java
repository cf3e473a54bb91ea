/**
 * The JSON tensor codec, public for the authors of JSON protocol backends (Inferlink's own and custom
 * ones): its signatures use Jackson's streaming types, which it passes on to its readers.
 */
module io.inferlink.codec.json {
  requires transitive io.inferlink.core;
  requires transitive com.fasterxml.jackson.core;

  exports io.inferlink.codec.json;
}
