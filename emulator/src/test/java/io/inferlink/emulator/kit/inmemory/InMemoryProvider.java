package io.inferlink.emulator.kit.inmemory;

import io.inferlink.Capabilities;
import io.inferlink.Capability;
import io.inferlink.ClientOptions;
import io.inferlink.DataType;
import io.inferlink.InferenceClient;
import io.inferlink.ProtocolOption;
import io.inferlink.ProviderConfigurationException;
import io.inferlink.emulator.Emulator;
import io.inferlink.spi.Endpoint;
import io.inferlink.spi.InferenceClientProvider;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Serves {@code inmemory://<name>} (every capability) and {@code inmemory-limited://<name>} (few
 * capabilities), where {@code <name>} is an {@link Emulator} a test registered. The query option
 * {@code fault} makes a deliberately broken client, to prove the kit catches it. Thread-safe.
 */
public final class InMemoryProvider implements InferenceClientProvider {
  /** The provider name. */
  public static final String NAME = "inmemory";
  /** Scheme of the fully capable client. */
  public static final String SCHEME = "inmemory";
  /** Scheme of the client with few capabilities. */
  public static final String LIMITED_SCHEME = "inmemory-limited";
  /** Which deliberate bug the client has; none by default. */
  public static final ProtocolOption<Fault> FAULT = ProtocolOption.ofEnum("fault", Fault.class, Fault.NONE);

  // Signatures are a TF Serving notion the script has no use for, so even the full client lacks them.
  static final Capabilities FULL = Capabilities.of(
      EnumSet.complementOf(EnumSet.of(Capability.SIGNATURE_NAME)), EnumSet.allOf(DataType.class));
  static final Capabilities LIMITED = Capabilities.of(
      EnumSet.of(Capability.OUTPUT_NAMES),
      EnumSet.complementOf(EnumSet.of(DataType.FP16, DataType.BF16, DataType.UINT64)));

  private static final Map<String, Emulator> SERVERS = new ConcurrentHashMap<>();

  /** Makes an emulator reachable as {@code inmemory://name}. */
  public static void register(String name, Emulator emulator) {
    if (SERVERS.putIfAbsent(name, emulator) != null) {
      throw new IllegalStateException("an in-memory server named '" + name + "' is registered already");
    }
  }

  /** Removes a registration. */
  public static void unregister(String name) {
    SERVERS.remove(name);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<String> schemes() {
    return Set.of(SCHEME, LIMITED_SCHEME);
  }

  @Override
  public InferenceClient create(Endpoint endpoint, ClientOptions options) {
    Emulator server = SERVERS.get(endpoint.host());
    if (server == null) {
      throw new ProviderConfigurationException("no in-memory server named '" + endpoint.host()
          + "'; registered: " + new TreeSet<>(SERVERS.keySet()));
    }
    Capabilities capabilities = endpoint.scheme().equals(LIMITED_SCHEME) ? LIMITED : FULL;
    return new InMemoryClient(NAME, server, options, capabilities, options.get(FAULT));
  }
}
