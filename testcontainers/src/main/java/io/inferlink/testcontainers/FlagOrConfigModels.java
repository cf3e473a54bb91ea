package io.inferlink.testcontainers;

import java.util.ArrayList;
import java.util.List;

/**
 * The models of a server that takes either one model on its command line or a config file listing
 * several (TF Serving, OVMS): what was added, and the rule that decides which form the command uses.
 */
final class FlagOrConfigModels {
  private final String server;
  private final String configMethod;
  private final List<String> names = new ArrayList<>();
  private boolean configFile;

  /**
   * @param server the server's name, for messages
   * @param configMethod the container method that adds a config file, for messages
   */
  FlagOrConfigModels(String server, String configMethod) {
    this.server = server;
    this.configMethod = configMethod;
  }

  void add(String name) {
    names.add(ModelPaths.segment(name));
  }

  void useConfigFile() {
    configFile = true;
  }

  /** Whether the command names the config file (else the one model's flags). */
  boolean fromConfigFile() {
    return configFile;
  }

  /** The models added with {@code withModel}, in order. */
  List<String> names() {
    return List.copyOf(names);
  }

  /** The one model the command line names: call after {@link #checkServable()}, without a config file. */
  String single() {
    return names.get(0);
  }

  /** Refuses a container that has no model, or several without a config file to list them. */
  void checkServable() {
    if (!configFile && names.size() != 1) {
      throw new IllegalStateException(names.isEmpty()
          ? server + " needs a model: withModel(name, folder) or " + configMethod + "(config)"
          : server + " serves one model from flags; for " + names + " add " + configMethod + "(config)");
    }
  }
}
