package io.inferlink.modulepath;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.emulator.Emulator;
import io.inferlink.emulator.oip.OipGrpcFrontend;
import io.inferlink.emulator.oip.OipRestFrontend;
import io.inferlink.emulator.tfserving.TfServingGrpcFrontend;
import io.inferlink.emulator.tfserving.TfServingRestFrontend;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the libraries on the module path, in a child JVM: every provider registered for the class path
 * ({@code META-INF/services}) must be found through its module's {@code provides}, and calls through
 * {@code InferenceClient.create} must reach the emulator this test starts on 127.0.0.1.
 */
class ModulePathTest {
  private static final String SERVICE = "META-INF/services/io.inferlink.spi.InferenceClientProvider";
  private static final Duration CHILD_LIMIT = Duration.ofSeconds(90);

  private static Emulator emulator;

  @BeforeAll
  static void start() {
    emulator = Emulator.builder().maxLifetime(Duration.ofMinutes(5))
        .frontend(new OipRestFrontend()).frontend(new OipGrpcFrontend())
        .frontend(new TfServingRestFrontend()).frontend(new TfServingGrpcFrontend()).build().start();
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  @Test
  void providersAndCallsWorkOnTheModulePath() throws Exception {
    List<Path> modulePath = new ArrayList<>();
    for (String entry : Files.readString(Path.of(System.getProperty("inferlink.modulepath.file"))).trim()
        .split(java.io.File.pathSeparator)) {
      modulePath.add(Path.of(entry));
    }
    Set<String> registered = registeredProviders(modulePath);
    assertTrue(registered.size() >= 8, "providers registered in META-INF/services: " + registered);

    List<String> endpoints = List.of(emulator.endpoint("kserve-v2+http"), emulator.endpoint("kserve-v2+grpc"),
        emulator.endpoint("tfserving+http"), emulator.endpoint("tfserving+grpc"));
    List<String> lines = runChild(modulePath, endpoints);

    assertTrue(lines.contains("api-module io.inferlink.core"), "the API is not in a named module: " + lines);
    TreeMap<String, String> found = new TreeMap<>();
    for (String line : lines) {
      if (line.startsWith("provider ")) {
        String[] f = line.split(" ");
        found.put(f[1], f[2]);
      }
    }
    assertEquals(registered, found.keySet(), "providers found through provides (module path) vs registered");
    found.forEach((provider, module) ->
        assertTrue(module.startsWith("io.inferlink."), provider + " is not in an Inferlink module: " + module));
    for (String endpoint : endpoints) {
      assertTrue(lines.contains("answer " + endpoint + " [2.0]"), "no add_one answer from " + endpoint + ": " + lines);
    }
  }

  /** The provider classes the library jars (or class folders) register in META-INF/services. */
  private static Set<String> registeredProviders(List<Path> modulePath) throws IOException {
    Set<String> out = new TreeSet<>();
    for (Path entry : modulePath) {
      String text = null;
      if (Files.isDirectory(entry)) {
        Path file = entry.resolve(SERVICE);
        text = Files.exists(file) ? Files.readString(file) : null;
      } else if (entry.toString().endsWith(".jar")) {
        try (JarFile jar = new JarFile(entry.toFile())) {
          ZipEntry e = jar.getEntry(SERVICE);
          if (e != null) {
            try (InputStream in = jar.getInputStream(e)) {
              text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
          }
        }
      }
      if (text != null) {
        text.lines().map(l -> l.replaceAll("#.*", "").trim()).filter(l -> !l.isEmpty()).forEach(out::add);
      }
    }
    return out;
  }

  /** Runs {@link ModulePathProbe} with every library on the module path; bounded, always destroyed. */
  private static List<String> runChild(List<Path> modulePath, List<String> endpoints) throws Exception {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--module-path", String.join(java.io.File.pathSeparator, modulePath.stream().map(Path::toString).toList()),
        "--add-modules", "ALL-MODULE-PATH",
        "-cp", System.getProperty("inferlink.modulepath.probe"),
        ModulePathProbe.class.getName()));
    command.addAll(endpoints);
    Path output = Files.createTempFile("inferlink-module-path", ".txt");
    Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
    try {
      boolean done = child.waitFor(CHILD_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
      List<String> lines = Files.readAllLines(output);
      assertTrue(done, "the child JVM did not finish in " + CHILD_LIMIT + ": " + lines);
      assertEquals(0, child.exitValue(), "the child JVM failed: " + String.join("\n", lines));
      assertFalse(lines.isEmpty(), "the child JVM printed nothing");
      return lines;
    } finally {
      child.destroyForcibly();
      Files.deleteIfExists(output);
    }
  }
}
