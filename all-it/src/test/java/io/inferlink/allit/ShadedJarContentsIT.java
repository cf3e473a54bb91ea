package io.inferlink.allit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.InferenceClient;
import io.inferlink.spi.InferenceClientProvider;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/** What is inside inferlink-all, and that it alone serves every endpoint scheme on this class path. */
class ShadedJarContentsIT {
  /** Every scheme the separate backend jars provide (core's KnownSchemes). */
  private static final Set<String> SCHEMES = Set.of("tfserving+http", "tfserving+https", "paperspace",
      "paperspace+https", "tfserving+grpc", "tfserving+grpcs", "kserve-v1+http", "kserve-v1+https",
      "kserve-v2+http", "kserve-v2+https", "kserve-v2+grpc", "kserve-v2+grpcs", "ovms+http", "ovms+https",
      "ovms+grpc", "ovms+grpcs");

  private static final String VERSIONED = "META-INF/versions/";

  private static Path jar() {
    return Path.of(System.getProperty("inferlink.all.jar"));
  }

  @Test
  void theTestRunsOnTheShadedJar() throws Exception {
    Path loadedFrom = Path.of(InferenceClient.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    assertEquals(jar().toRealPath(), loadedFrom.toRealPath());
  }

  @Test
  void everyClassIsUnderIoInferlink() throws IOException {
    List<String> offenders = new ArrayList<>();
    int classes = 0;
    try (JarFile jar = new JarFile(jar().toFile())) {
      for (JarEntry e : Collections.list(jar.entries())) {
        String name = e.getName();
        if (!name.endsWith(".class")) {
          continue;
        }
        classes++;
        String path = withoutVersionPrefix(name);
        if (!path.startsWith("io/inferlink/") || path.endsWith("module-info.class")) {
          offenders.add(name);
        }
      }
    }
    assertTrue(classes > 1000, "only " + classes + " classes: is this the shaded jar?");
    assertTrue(offenders.isEmpty(), offenders.size() + " classes outside io/inferlink/: " + offenders);
  }

  @Test
  void nettyNativeLibrariesAreLeftOutAndTheManifestNamesTheModule() throws IOException {
    try (JarFile jar = new JarFile(jar().toFile())) {
      List<String> natives = jar.stream().map(JarEntry::getName).filter(n -> n.startsWith("META-INF/native/")).toList();
      assertTrue(natives.isEmpty(), "native libraries: " + natives);
      assertEquals("io.inferlink.all", jar.getManifest().getMainAttributes().getValue("Automatic-Module-Name"));
    }
  }

  @Test
  void serviceFilesNameRelocatedClassesThatExist() throws IOException {
    List<String> problems = new ArrayList<>();
    int services = 0;
    try (JarFile jar = new JarFile(jar().toFile())) {
      for (JarEntry e : Collections.list(jar.entries())) {
        if (e.isDirectory() || !e.getName().startsWith("META-INF/services/")) {
          continue;
        }
        services++;
        String service = e.getName().substring("META-INF/services/".length());
        if (!service.startsWith("io.inferlink.")) {
          problems.add("service not relocated: " + service);
        }
        for (String implementation : implementations(jar, e)) {
          if (!implementation.startsWith("io.inferlink.")) {
            problems.add(service + " names an unrelocated class: " + implementation);
          } else if (jar.getEntry(implementation.replace('.', '/') + ".class") == null) {
            problems.add(service + " names a class the jar lacks: " + implementation);
          }
        }
      }
    }
    assertTrue(services > 1, "service files: " + services);
    assertTrue(problems.isEmpty(), String.join("\n", problems));
  }

  private static List<String> implementations(JarFile jar, JarEntry entry) throws IOException {
    List<String> names = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(jar.getInputStream(entry), StandardCharsets.UTF_8))) {
      for (String line; (line = in.readLine()) != null; ) {
        int comment = line.indexOf('#');
        String name = (comment >= 0 ? line.substring(0, comment) : line).trim();
        if (!name.isEmpty()) {
          names.add(name);
        }
      }
    }
    return names;
  }

  @Test
  void everySchemeIsFoundThroughTheServiceLoader() {
    Set<String> found = new TreeSet<>();
    for (InferenceClientProvider provider : ServiceLoader.load(InferenceClientProvider.class)) {
      assertEquals(jar().toFile().getName(), new File(provider.getClass().getProtectionDomain().getCodeSource()
          .getLocation().getPath()).getName(), provider.getClass().getName());
      found.addAll(provider.schemes());
    }
    assertTrue(found.containsAll(SCHEMES), "found " + found + ", expected at least " + SCHEMES);
  }

  @Test
  void nothingShadedComesBackThroughTheDependencyReducedPom() throws IOException {
    // The test class path is the reduced POM's closure: no separate inferlink jar and no modern protobuf.
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      String name = Path.of(entry).getFileName().toString();
      assertFalse(name.startsWith("inferlink-") && !name.startsWith("inferlink-all-"), entry);
      assertFalse(entry.contains(File.separator + "target") && entry.endsWith("classes")
          && !entry.contains("all-it"), entry);
      assertFalse(name.startsWith("grpc-") || name.startsWith("httpclient5") || name.startsWith("httpcore5")
          || name.startsWith("guava") || name.startsWith("protobuf-java-4"), entry);
    }
    Path reduced = jar().resolveSibling("dependency-reduced-pom.xml");
    String pom = Files.readString(reduced);
    for (String shaded : List.of("inferlink-core", "inferlink-backend", "protobuf", "grpc", "jackson", "httpclient5")) {
      assertFalse(pom.contains("<artifactId>" + shaded), reduced + " declares " + shaded);
    }
  }

  private static String withoutVersionPrefix(String name) {
    if (!name.startsWith(VERSIONED)) {
      return name;
    }
    int slash = name.indexOf('/', VERSIONED.length());
    return slash < 0 ? name : name.substring(slash + 1);
  }
}
