package io.inferlink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the user API package small and free of the machinery: at most 25 public top-level types, and
 * no compiled class of {@code io.inferlink} (nested ones included) naming a type of
 * {@code io.inferlink.spi} or its subpackages in its constant pool.
 */
class ApiPackageShapeTest {
  private static final int MAX_PUBLIC_TYPES = 25;

  @Test
  void theApiPackageHasAtMost25PublicTopLevelTypes() throws Exception {
    TreeSet<String> publicTypes = new TreeSet<>();
    for (Path file : classFiles()) {
      String simple = file.getFileName().toString().replace(".class", "");
      if (simple.contains("$") || simple.equals("package-info")) {
        continue;
      }
      if (Modifier.isPublic(Class.forName("io.inferlink." + simple).getModifiers())) {
        publicTypes.add(simple);
      }
    }
    assertTrue(publicTypes.size() <= MAX_PUBLIC_TYPES,
        publicTypes.size() + " public types in io.inferlink: " + publicTypes);
    assertTrue(publicTypes.contains("InferenceClient") && publicTypes.contains("Tensor"),
        "the scan found the API itself: " + publicTypes);
  }

  @Test
  void noApiClassRefersToTheSpi() throws Exception {
    byte[] spi = "io/inferlink/spi".getBytes(StandardCharsets.UTF_8);
    List<String> offenders = new ArrayList<>();
    List<Path> files = classFiles();
    for (Path file : files) {
      if (indexOf(Files.readAllBytes(file), spi) >= 0) {
        offenders.add(file.getFileName().toString());
      }
    }
    assertEquals(List.of(), offenders, "classes of io.inferlink that name an io.inferlink.spi type");
    assertTrue(files.size() > 25, "the scan found the compiled classes: " + files.size());
  }

  @Test
  void theScanWouldSeeAReference() throws Exception {
    // The check above must be able to fail: the internal bridge does name the SPI.
    Path bridge = classesRoot().resolve("io/inferlink/internal/EndpointBridge.class");
    assertTrue(indexOf(Files.readAllBytes(bridge), "io/inferlink/spi".getBytes(StandardCharsets.UTF_8)) >= 0);
  }

  /** The compiled classes of package io.inferlink itself (not its subpackages). */
  private static List<Path> classFiles() throws IOException, URISyntaxException {
    try (Stream<Path> s = Files.list(classesRoot().resolve("io/inferlink"))) {
      return s.filter(p -> p.toString().endsWith(".class")).sorted().toList();
    }
  }

  private static Path classesRoot() throws URISyntaxException {
    return Path.of(InferenceClient.class.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
