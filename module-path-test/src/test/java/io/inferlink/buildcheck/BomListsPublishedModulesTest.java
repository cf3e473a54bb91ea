package io.inferlink.buildcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * inferlink-bom (bom/pom.xml) manages exactly the published modules: every module of the root pom that does not
 * set {@code inferlink.publish.skip}, and nothing else. Reads the module list, so a new module fails this test
 * until it is added to the BOM or marked unpublished.
 */
class BomListsPublishedModulesTest {
  private static final String GROUP = "io.inferlink";

  @Test
  void bomManagesEveryPublishedModuleAndNothingElse() throws IOException {
    Path root = ReactorPoms.root();
    Element bom = ReactorPoms.read(root.resolve("bom/pom.xml"));
    String bomArtifact = ReactorPoms.text(bom, "artifactId");

    Set<String> published = new TreeSet<>();
    Set<String> unpublished = new TreeSet<>();
    for (String module : ReactorPoms.modules(ReactorPoms.read(root.resolve("pom.xml")))) {
      Element pom = ReactorPoms.read(root.resolve(module).resolve("pom.xml"));
      String artifact = ReactorPoms.text(pom, "artifactId");
      if (artifact.equals(bomArtifact)) {
        continue;
      }
      (ReactorPoms.published(pom) ? published : unpublished).add(artifact);
    }

    Set<String> managed = new TreeSet<>();
    Element management = ReactorPoms.children(bom, "dependencyManagement").get(0);
    for (Element dependency : ReactorPoms.children(ReactorPoms.children(management, "dependencies").get(0),
        "dependency")) {
      managed.add(ReactorPoms.text(dependency, "artifactId"));
      assertEquals(GROUP, ReactorPoms.text(dependency, "groupId"), "group of a BOM entry");
      assertEquals("${project.version}", ReactorPoms.text(dependency, "version"),
          "a BOM entry's version must be the BOM's own: " + ReactorPoms.text(dependency, "artifactId"));
    }

    List<String> problems = new ArrayList<>();
    Set<String> missing = new TreeSet<>(published);
    missing.removeAll(managed);
    if (!missing.isEmpty()) {
      problems.add("published modules missing from bom/pom.xml " + missing
          + " (add a <dependency> for each, or set " + ReactorPoms.PUBLISH_SKIP + "=true in a module that"
          + " is not published)");
    }
    Set<String> extra = new TreeSet<>(managed);
    extra.removeAll(published);
    if (!extra.isEmpty()) {
      problems.add("bom/pom.xml lists artifacts that are not published modules " + extra
          + (extra.stream().anyMatch(unpublished::contains)
              ? " (some set " + ReactorPoms.PUBLISH_SKIP + "=true: " + intersection(extra, unpublished) + ")"
              : " (no module of the root pom has that artifactId)"));
    }
    assertTrue(problems.isEmpty(), String.join("; ", problems));
  }

  @Test
  void bomVersionIsTheParentVersion() throws IOException {
    Path root = ReactorPoms.root();
    String parent = ReactorPoms.text(ReactorPoms.read(root.resolve("pom.xml")), "version");
    String bom = ReactorPoms.text(ReactorPoms.read(root.resolve("bom/pom.xml")), "version");
    assertEquals(parent, bom, "bom/pom.xml's version must move with inferlink-parent's");
  }

  private static Set<String> intersection(Set<String> a, Set<String> b) {
    Set<String> both = new TreeSet<>(a);
    both.retainAll(b);
    return both;
  }
}
