package io.inferlink.cli;

/** How a command prints its result: for people or for scripts. */
enum OutputFormat {
  /** Aligned columns for people. */
  table,
  /** One line of JSON in the documented, stable form. */
  json
}
