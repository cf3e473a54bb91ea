package io.inferlink.spring.boot;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;

/**
 * The {@code inferlink.*} properties of a Spring application: the clients to create, by bean name, and the
 * defaults they share. The configuration metadata describes every client property under
 * {@code inferlink.defaults.*}, which IDEs complete; {@code inferlink.clients.<name>.*} takes the same. Mutable,
 * as Spring binds it; not thread-safe while being bound, read-only afterwards.
 */
@ConfigurationProperties(prefix = InferlinkProperties.PREFIX)
public class InferlinkProperties {
  /** The properties' prefix. */
  public static final String PREFIX = "inferlink";

  /**
   * The clients, by name: each entry becomes an InferenceClient bean of that name (for example
   * inferlink.clients.ranker.endpoint=kserve-v2+grpc://triton:8001 makes the bean "ranker").
   */
  private Map<String, ClientProperties> clients = new LinkedHashMap<>();
  /**
   * Values for every client that does not set its own: inferlink.defaults.timeout=5s gives each client
   * a 5 s timeout unless inferlink.clients.<name>.timeout says otherwise; headers add up, a client's
   * replacing a default of the same name. Health settings are per client only.
   */
  @NestedConfigurationProperty
  private ClientProperties defaults = new ClientProperties();

  /** No client and empty defaults, until Spring binds values. */
  public InferlinkProperties() {}

  /** {@return the clients' properties, by bean name; never null} */
  public Map<String, ClientProperties> getClients() {
    return clients;
  }

  /**
   * Replaces the clients.
   *
   * @param clients the clients' properties, by bean name
   */
  public void setClients(Map<String, ClientProperties> clients) {
    this.clients = clients;
  }

  /** {@return the values every client starts from; never null} */
  public ClientProperties getDefaults() {
    return defaults;
  }

  /**
   * Replaces the values every client starts from.
   *
   * @param defaults the shared values
   */
  public void setDefaults(ClientProperties defaults) {
    this.defaults = defaults;
  }
}
