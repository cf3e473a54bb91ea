package io.inferlink.emulator;

import java.util.List;

/** The built-in models of {@link io.inferlink.emulator.KitContract}, fresh instances each time; stateless. */
final class BuiltinModels {
  private BuiltinModels() {}

  static List<ScriptedModel> all() {
    return List.of(new IdentityModel(), new AddOneModel(), new ClassifierModel(), new FailModel(),
        new SleepModel(), new VersionedModel());
  }
}
