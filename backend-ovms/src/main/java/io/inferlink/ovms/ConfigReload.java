package io.inferlink.ovms;

import io.inferlink.tfserving.ModelVersionStatus;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code POST /v1/config/reload} answered: whether the server reloaded anything (HTTP 201) or
 * found nothing to do (HTTP 200, also OVMS's answer in single-model mode), and the state of every
 * model's versions afterwards. Immutable and thread-safe.
 *
 * @param reloaded true for 201: the configuration changed and was applied
 * @param models each model's version states, in the server's order
 */
public record ConfigReload(boolean reloaded, Map<String, List<ModelVersionStatus>> models) {
  /**
   * Copies the map and its lists, so later changes to the caller's collections do not show here.
   *
   * @param reloaded true when the server answered 201 and applied a changed configuration
   * @param models each model's version states, in the server's order
   */
  public ConfigReload {
    Map<String, List<ModelVersionStatus>> copy = new LinkedHashMap<>();
    models.forEach((name, versions) -> copy.put(name, List.copyOf(versions)));
    models = Collections.unmodifiableMap(copy);
  }
}
