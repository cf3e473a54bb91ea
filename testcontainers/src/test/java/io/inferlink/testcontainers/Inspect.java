package io.inferlink.testcontainers;

import com.github.dockerjava.api.command.CreateContainerCmd;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.testcontainers.core.CreateContainerCmdModifier;
import org.testcontainers.utility.MountableFile;

/** What a container class set up, read without Docker: entrypoint, copies, bridge-mode addresses. */
final class Inspect {
  /** The host a fake bridge network publishes on. */
  static final String DOCKER_HOST = "docker-host.example";
  /** The fake bridge network publishes container port {@code p} on host port {@code p + SHIFT}. */
  static final int SHIFT = 30000;

  private Inspect() {}

  /**
   * The entrypoint the container's create-command modifiers set, or {@code null} for the image's own:
   * the modifiers run against a recording stand-in for docker-java's create command.
   */
  static List<String> entrypoint(ModelServerContainer<?> container) {
    List<List<String>> set = new ArrayList<>();
    CreateContainerCmd recorder = (CreateContainerCmd) Proxy.newProxyInstance(Inspect.class.getClassLoader(),
        new Class<?>[] {CreateContainerCmd.class}, (proxy, method, args) -> {
          if (method.getName().equals("withEntrypoint")) {
            Object value = args[0];
            @SuppressWarnings("unchecked")
            List<String> entrypoint = value instanceof String[] array ? List.of(array) : (List<String>) value;
            set.add(entrypoint);
          }
          return method.getReturnType().isInstance(proxy) ? proxy : null;
        });
    for (CreateContainerCmdModifier modifier : container.getCreateContainerCmdModifiers()) {
      modifier.modify(recorder);
    }
    return set.isEmpty() ? null : set.get(set.size() - 1);
  }

  /** Container path → the copied file's path relative to the test resources, for every copy. */
  @SuppressWarnings("deprecation") // Testcontainers 2 keeps the getter, deprecated, with no replacement to read copies
  static Map<String, String> copies(ModelServerContainer<?> container) {
    Map<String, String> out = new TreeMap<>();
    for (Map.Entry<MountableFile, String> copy : container.getCopyToFileContainerPathMap().entrySet()) {
      String path = copy.getKey().getResolvedPath().replace('\\', '/');
      int resources = path.indexOf("/test-classes/");
      out.put(copy.getValue(), resources < 0 ? path : path.substring(resources + "/test-classes/".length()));
    }
    return out;
  }

  /** How a client would reach the container on a (fake) bridge network. */
  static Reach bridge(ModelServerContainer<?> container) {
    return new Reach(false, container.listenPorts(), port -> port + SHIFT, () -> DOCKER_HOST);
  }

  /** The endpoint strings of the container on the fake bridge network. */
  static List<String> bridgeEndpoints(ModelServerContainer<?> container) {
    return bridge(container).endpoints(container.endpointForms());
  }

  /** The readiness URLs the wait polls on the fake bridge network, in order. */
  static List<URI> bridgeReadinessUrls(ModelServerContainer<?> container) {
    Reach reach = bridge(container);
    return container.readinessChecks().stream().map(c -> URI.create(reach.httpUrl(c.portName(), c.path()))).toList();
  }

  /** The readiness URLs the wait polls as started (host networking: the chosen loopback ports). */
  static List<URI> readinessUrls(ModelServerContainer<?> container) {
    return container.readinessTargets().stream().map(ServerReadyWait.Target::uri).toList();
  }

  /** A folder or file of the test resources. */
  static MountableFile resource(String path) {
    return MountableFile.forClasspathResource(path);
  }
}
