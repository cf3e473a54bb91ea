package io.inferlink.spring.boot;

import java.util.ArrayList;
import java.util.List;

/** What a client's health indicator checks, {@code inferlink.clients.<name>.health.*}. Mutable, as Spring binds it. */
public class HealthProperties {
  /** Whether the client has a health indicator; true by default. */
  private boolean enabled = true;
  /** Models that must be ready for the client to be UP, as name, name:version or name@label. */
  private List<String> models = new ArrayList<>();

  public boolean isEnabled() { return enabled; }
  public void setEnabled(boolean enabled) { this.enabled = enabled; }
  public List<String> getModels() { return models; }
  public void setModels(List<String> models) { this.models = models; }
}
