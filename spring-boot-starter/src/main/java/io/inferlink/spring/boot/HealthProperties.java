package io.inferlink.spring.boot;

import java.util.ArrayList;
import java.util.List;

/** What a client's health indicator checks, {@code inferlink.clients.<name>.health.*}. Mutable, as Spring binds it. */
public class HealthProperties {
  /** Whether the client has a health indicator; true by default. */
  private boolean enabled = true;
  /** Models that must be ready for the client to be UP, as name, name:version or name@label. */
  private List<String> models = new ArrayList<>();

  /** Health checks on, with no model listed, until Spring binds values. */
  public HealthProperties() {}

  /** {@return whether the client has a health indicator; true by default} */
  public boolean isEnabled() { return enabled; }
  /**
   * Sets whether the client has a health indicator; true by default.
   *
   * @param enabled the value, as bound from the configuration
   */
  public void setEnabled(boolean enabled) { this.enabled = enabled; }
  /** {@return models that must be ready for the client to be UP, as name, name:version or name@label} */
  public List<String> getModels() { return models; }
  /**
   * Sets models that must be ready for the client to be UP, as name, name:version or name@label.
   *
   * @param models the value, as bound from the configuration
   */
  public void setModels(List<String> models) { this.models = models; }
}
