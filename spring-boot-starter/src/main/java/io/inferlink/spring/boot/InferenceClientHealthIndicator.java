package io.inferlink.spring.boot;

import io.inferlink.InferenceClient;
import io.inferlink.InferenceException;
import io.inferlink.ModelRef;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The health of one client: UP when its server is ready and so is every model listed in
 * {@code inferlink.clients.<name>.health.models}; DOWN otherwise, or with the error's message and code when
 * the server cannot be asked. The details name models and states only, never the endpoint or a header,
 * so they hold no secret. Thread-safe; each check makes its calls with the client's own timeout.
 */
public final class InferenceClientHealthIndicator implements HealthIndicator {
  private final Supplier<InferenceClient> client;
  private final List<ModelRef> models;

  /**
   * An indicator for the client {@code client} supplies (looked up at each check, so that a client that
   * cannot be made does not stop the application from starting), checking {@code models} (name,
   * name:version or name@label).
   *
   * @param client supplies the client's bean at each check
   * @param models the models that must be ready, as name, name:version or name@label
   */
  public InferenceClientHealthIndicator(Supplier<InferenceClient> client, List<String> models) {
    this.client = client;
    this.models = models.stream().map(ModelRef::parse).toList();
  }

  @Override
  public Health health() {
    try {
      InferenceClient c = client.get();
      boolean serverReady = c.serverReady();
      Map<String, String> modelStates = new LinkedHashMap<>();
      boolean allReady = serverReady;
      for (ModelRef model : models) {
        boolean ready = c.modelReady(model);
        allReady &= ready;
        modelStates.put(model.toString(), ready ? "ready" : "not ready");
      }
      Health.Builder health = allReady ? Health.up() : Health.down();
      health.withDetail("server", serverReady ? "ready" : "not ready");
      if (!modelStates.isEmpty()) {
        health.withDetail("models", modelStates);
      }
      return health.build();
    } catch (InferenceException e) {
      // Core's messages never carry a credential (they are scrubbed where they are made).
      return Health.down().withDetail("error", e.getMessage()).withDetail("code", e.code().name()).build();
    }
  }
}
