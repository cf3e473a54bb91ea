package io.inferlink.spi;

import io.inferlink.ClientOptions;
import io.inferlink.InferenceClient;
import io.inferlink.ProviderConfigurationException;
import io.inferlink.internal.group.ClientGroups;
import io.inferlink.spi.support.CallPipeline;
import io.inferlink.spi.support.Loggers;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;

/**
 * Chooses the provider for an endpoint, deterministically. Thread-safe; instances are immutable.
 *
 * <p>Order of resolution for an endpoint's scheme:
 * <ol>
 *   <li>the provider named by {@link ClientOptions#providerName()} (an error if it is unknown, does
 *       not serve the scheme, or is unavailable);
 *   <li>the provider named by the system property {@value #PROVIDER_PROPERTY}, when it serves the
 *       scheme (a name no provider has is an error, so a typo is not ignored);
 *   <li>the available provider of highest {@link InferenceClientProvider#priority()}; two at the
 *       same highest priority are an error naming both. If it refuses the endpoint, the next one is
 *       tried; if all refuse, the error lists every reason.
 * </ol>
 * An unknown scheme's error lists the known schemes and names the artifact that provides it.
 */
public final class ProviderRegistry {
  /** System property that names the provider to use. */
  public static final String PROVIDER_PROPERTY = "inferlink.provider";

  private final List<InferenceClientProvider> providers;

  private ProviderRegistry(List<InferenceClientProvider> providers) {
    this.providers = List.copyOf(providers);
  }

  /**
   * The registry of the providers on the class path, loaded on first use.
   *
   * @return the shared registry of the class path's providers
   */
  public static ProviderRegistry getDefault() {
    return DefaultHolder.INSTANCE;
  }

  /**
   * A registry of the providers that a class loader's {@link ServiceLoader} finds.
   *
   * @param classLoader the loader whose service files name the providers; null for the system class loader
   * @return a registry of the providers found; a provider that fails to load is skipped with a warning
   */
  public static ProviderRegistry load(ClassLoader classLoader) {
    List<InferenceClientProvider> found = new ArrayList<>();
    ServiceLoader<InferenceClientProvider> loader =
        ServiceLoader.load(InferenceClientProvider.class, classLoader);
    var it = loader.iterator();
    while (true) {
      try {
        if (!it.hasNext()) {
          break;
        }
        found.add(it.next());
      } catch (ServiceConfigurationError e) {
        // A broken provider on the class path must not hide the working ones.
        System.getLogger(Loggers.PROVIDERS)
            .log(System.Logger.Level.WARNING, "skipping a provider that failed to load: " + e.getMessage());
      }
    }
    return new ProviderRegistry(found);
  }

  /**
   * A registry of exactly these providers (tests, frameworks).
   *
   * @param providers the providers, in the order to list them; not null
   * @return a registry of a copy of them
   */
  public static ProviderRegistry of(Collection<? extends InferenceClientProvider> providers) {
    return new ProviderRegistry(new ArrayList<>(providers));
  }

  /**
   * The providers, in discovery order.
   *
   * @return an unmodifiable list of the providers
   */
  public List<InferenceClientProvider> providers() {
    return providers;
  }

  /**
   * Every scheme some provider serves, sorted.
   *
   * @return an unmodifiable, sorted set of lower-case schemes
   */
  public Set<String> schemes() {
    Set<String> all = new TreeSet<>();
    for (InferenceClientProvider p : providers) {
      all.addAll(p.schemes());
    }
    return all;
  }

  /**
   * Resolves and creates a client: see the class comment for the order. The endpoint's query
   * parameters set the connection settings they name ({@code max-connections}, ...) and become text
   * protocol options otherwise (options set in code win; see
   * {@link ClientOptions#withDefaultTextOptions}), and the client's calls go through the options'
   * interceptors and retry policy ({@link CallPipeline}). With fallback endpoints set, the client is a group that
   * fails over to them (see {@link io.inferlink.routing.EndpointGroup}); so is a REST endpoint with
   * {@code balancing} set whose host name has several addresses, one member per address.
   *
   * @param endpoint the endpoint to connect to; not null
   * @param options the client's options; not null
   * @return a new client, owned and closed by the caller
   * @throws ProviderConfigurationException when no provider can be chosen or all refuse
   */
  public InferenceClient createClient(Endpoint endpoint, ClientOptions options) {
    List<Endpoint> hosts = ClientGroups.byAddress(endpoint, options);
    if (hosts.size() == 1 && options.fallbackEndpoints().isEmpty()) {
      return createOne(endpoint, options);
    }
    return ClientGroups.create(hosts, options, this::createOne);
  }

  /**
   * As {@link #createClient(Endpoint, ClientOptions)} for an endpoint string, which may list several hosts of one
   * server ({@code kserve-v2+grpc://a:8001,b:8001}): with several hosts, or with fallback endpoints, the client
   * is a group of one client per host (see {@link io.inferlink.routing.EndpointGroup}).
   *
   * @param endpoint the endpoint, one or more comma-separated hosts; not null
   * @param options the client's options; not null
   * @return a new client, owned and closed by the caller
   * @throws IllegalArgumentException when the string does not parse
   * @throws ProviderConfigurationException as {@link #createClient(Endpoint, ClientOptions)} does
   */
  public InferenceClient createClient(String endpoint, ClientOptions options) {
    List<Endpoint> hosts = Endpoint.parseHosts(endpoint);
    if (hosts.size() == 1) {
      return createClient(hosts.get(0), options);
    }
    return ClientGroups.create(hosts, options, this::createOne);
  }

  /** The client of one host: no group. */
  private InferenceClient createOne(Endpoint endpoint, ClientOptions options) {
    ClientOptions merged = options.withDefaultTextOptions(endpoint.queryOptions());
    List<InferenceClientProvider> candidates = candidates(endpoint, options);
    List<String> refusals = new ArrayList<>();
    for (InferenceClientProvider p : candidates) {
      try {
        return CallPipeline.around(p.create(endpoint, merged), endpoint, merged);
      } catch (ProviderConfigurationException e) {
        if (candidates.size() == 1) {
          throw e;
        }
        refusals.add(p.name() + ": " + e.getMessage());
      }
    }
    throw new ProviderConfigurationException("every provider for " + endpoint + " refused it: "
        + String.join("; ", refusals));
  }

  /**
   * The provider that {@link #createClient} would try first.
   *
   * @param endpoint the endpoint to connect to; not null
   * @param options the client's options; not null
   * @return the first provider {@code createClient} would ask
   * @throws ProviderConfigurationException when no provider can be chosen
   */
  public InferenceClientProvider resolve(Endpoint endpoint, ClientOptions options) {
    return candidates(endpoint, options).get(0);
  }

  private List<InferenceClientProvider> candidates(Endpoint endpoint, ClientOptions options) {
    String scheme = endpoint.scheme();
    if (options.providerName() != null) {
      return List.of(named(options.providerName(), scheme, "option providerName"));
    }
    String property = System.getProperty(PROVIDER_PROPERTY);
    if (property != null && !property.isBlank()) {
      InferenceClientProvider p = byName(property.trim());
      if (p == null) {
        throw new ProviderConfigurationException("system property " + PROVIDER_PROPERTY + " names provider '"
            + property.trim() + "', which is not on the class path; providers: " + names());
      }
      if (p.schemes().contains(scheme)) {
        return List.of(named(property.trim(), scheme, "system property " + PROVIDER_PROPERTY));
      }
    }
    List<InferenceClientProvider> forScheme = new ArrayList<>();
    List<String> unavailable = new ArrayList<>();
    for (InferenceClientProvider p : providers) {
      if (p.schemes().contains(scheme)) {
        if (available(p)) {
          forScheme.add(p);
        } else {
          unavailable.add(p.name());
        }
      }
    }
    if (forScheme.isEmpty()) {
      throw unknownScheme(endpoint, unavailable);
    }
    forScheme.sort(Comparator.comparingInt(InferenceClientProvider::priority).reversed());
    if (forScheme.size() > 1 && forScheme.get(0).priority() == forScheme.get(1).priority()) {
      throw new ProviderConfigurationException("two providers serve scheme '" + scheme + "' with priority "
          + forScheme.get(0).priority() + ": " + forScheme.get(0).name() + " (" + forScheme.get(0).getClass().getName()
          + ") and " + forScheme.get(1).name() + " (" + forScheme.get(1).getClass().getName()
          + "); choose one with ClientOptions.providerName or -D" + PROVIDER_PROPERTY + "=<name>");
    }
    return forScheme;
  }

  private InferenceClientProvider named(String name, String scheme, String source) {
    InferenceClientProvider p = byName(name);
    if (p == null) {
      throw new ProviderConfigurationException(source + " names provider '" + name
          + "', which is not on the class path; providers: " + names());
    }
    if (!p.schemes().contains(scheme)) {
      throw new ProviderConfigurationException(source + " names provider '" + name + "', which serves "
          + new TreeSet<>(p.schemes()) + ", not '" + scheme + "'");
    }
    if (!available(p)) {
      throw new ProviderConfigurationException("provider '" + name + "' is not available here");
    }
    return p;
  }

  private InferenceClientProvider byName(String name) {
    for (InferenceClientProvider p : providers) {
      if (p.name().equals(name)) {
        return p;
      }
    }
    return null;
  }

  private List<String> names() {
    List<String> names = new ArrayList<>();
    providers.forEach(p -> names.add(p.name()));
    return names;
  }

  private static boolean available(InferenceClientProvider p) {
    try {
      return p.isAvailable();
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }

  private ProviderConfigurationException unknownScheme(Endpoint endpoint, List<String> unavailable) {
    String scheme = endpoint.scheme();
    StringBuilder sb = new StringBuilder("no provider for scheme '").append(scheme).append("'");
    if (!unavailable.isEmpty()) {
      sb.append(" is available (installed but unavailable: ").append(unavailable).append(")");
    }
    String artifact = KnownSchemes.artifactFor(scheme);
    if (artifact != null && unavailable.isEmpty()) {
      sb.append("; add the artifact io.inferlink:").append(artifact).append(" to the class path");
    }
    sb.append("; known schemes: ").append(schemes().isEmpty() ? "(none: no provider on the class path)" : schemes());
    return new ProviderConfigurationException(sb.toString());
  }

  private static final class DefaultHolder {
    static final ProviderRegistry INSTANCE = load(defaultClassLoader());

    private static ClassLoader defaultClassLoader() {
      ClassLoader cl = Thread.currentThread().getContextClassLoader();
      return cl != null ? cl : ProviderRegistry.class.getClassLoader();
    }
  }
}
