package io.inferlink.tfserving.rest.internal;

import io.inferlink.ClientOptions;
import io.inferlink.ProviderConfigurationException;
import java.util.Set;
import java.util.TreeSet;

/** Refuses protocol options a provider does not know, so a misspelt option does not pass silently. */
final class KnownOptions {
  private KnownOptions() {}

  static void check(ClientOptions options, String provider, Set<String> known) {
    Set<String> unknown = new TreeSet<>(options.optionNames());
    unknown.removeAll(known);
    if (!unknown.isEmpty()) {
      throw new ProviderConfigurationException(provider + " does not know the option(s) " + unknown
          + "; it knows " + new TreeSet<>(known));
    }
  }
}
