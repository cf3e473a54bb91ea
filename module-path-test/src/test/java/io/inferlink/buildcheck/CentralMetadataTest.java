package io.inferlink.buildcheck;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * What Maven Central asks of every published pom: the parent and the BOM carry url, licence, scm and developers
 * (the modules inherit the parent's), and every published module names and describes itself.
 */
class CentralMetadataTest {

  @Test
  void parentAndBomCarryTheProjectMetadata() throws IOException {
    Path root = ReactorPoms.root();
    List<String> problems = new ArrayList<>();
    for (Path pom : List.of(root.resolve("pom.xml"), root.resolve("bom/pom.xml"))) {
      Element project = ReactorPoms.read(pom);
      String[][] required = {
          {"name"}, {"description"}, {"url"}, {"licenses", "license", "name"}, {"licenses", "license", "url"},
          {"scm", "connection"}, {"scm", "developerConnection"}, {"scm", "url"},
          {"developers", "developer", "name"}};
      for (String[] path : required) {
        if (ReactorPoms.path(project, path).isEmpty()) {
          problems.add(root.relativize(pom) + " has no " + String.join("/", path));
        }
      }
    }
    assertTrue(problems.isEmpty(), String.join("; ", problems));
  }

  @Test
  void modulesInheritUrlAndScmWithoutTheirFolderAppended() throws IOException {
    Element parent = ReactorPoms.read(ReactorPoms.root().resolve("pom.xml"));
    Element scm = ReactorPoms.children(parent, "scm").get(0);
    List<String> problems = new ArrayList<>();
    if (!"false".equals(parent.getAttribute("child.project.url.inherit.append.path"))) {
      problems.add("<project child.project.url.inherit.append.path=\"false\">");
    }
    for (String part : List.of("connection", "developerConnection", "url")) {
      if (!"false".equals(scm.getAttribute("child.scm." + part + ".inherit.append.path"))) {
        problems.add("<scm child.scm." + part + ".inherit.append.path=\"false\">");
      }
    }
    assertTrue(problems.isEmpty(), "the parent pom lacks " + problems
        + ": each module's url and scm would end in its folder name, addresses that do not exist");
  }

  @Test
  void everyPublishedModuleHasItsOwnNameAndDescription() throws IOException {
    Path root = ReactorPoms.root();
    List<String> problems = new ArrayList<>();
    for (String module : ReactorPoms.modules(ReactorPoms.read(root.resolve("pom.xml")))) {
      Element pom = ReactorPoms.read(root.resolve(module).resolve("pom.xml"));
      if (!ReactorPoms.published(pom)) {
        continue;
      }
      for (String element : List.of("name", "description")) {
        if (ReactorPoms.text(pom, element).isEmpty()) {
          problems.add(module + "/pom.xml has no <" + element + "> (it would inherit the parent's)");
        }
      }
    }
    assertTrue(problems.isEmpty(), String.join("; ", problems));
  }
}
