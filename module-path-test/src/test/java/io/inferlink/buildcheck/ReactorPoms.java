package io.inferlink.buildcheck;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Reads the build's own pom.xml files as plain XML (no Maven model, so no inheritance or interpolation): the
 * root pom's module list, and one module's artifact id, name, description and publishing switch. Stateless.
 */
final class ReactorPoms {
  /** The property a module sets to true when it is not published (see the root pom). */
  static final String PUBLISH_SKIP = "inferlink.publish.skip";

  private ReactorPoms() {}

  /** The repository's root folder, handed over by surefire (module-path-test's pom). */
  static Path root() {
    String root = System.getProperty("inferlink.buildcheck.root");
    if (root == null) {
      throw new IllegalStateException("system property inferlink.buildcheck.root is not set (run through Maven)");
    }
    return Path.of(root).toAbsolutePath().normalize();
  }

  static Element read(Path pom) throws IOException {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    try {
      // Our own files, but there is no reason to let a pom pull in a DTD or an external entity.
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      try (InputStream in = Files.newInputStream(pom)) {
        Document document = factory.newDocumentBuilder().parse(in);
        return document.getDocumentElement();
      }
    } catch (ParserConfigurationException | SAXException e) {
      throw new IOException("cannot read " + pom + ": " + e.getMessage(), e);
    }
  }

  /** The child elements of {@code parent} with that name (direct children only: a pom nests names deeply). */
  static List<Element> children(Element parent, String name) {
    List<Element> found = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(name)) {
        found.add(e);
      }
    }
    return found;
  }

  /** The trimmed text of the one child with that name, or "" when there is none. */
  static String text(Element parent, String name) {
    List<Element> found = children(parent, name);
    return found.isEmpty() ? "" : found.get(0).getTextContent().trim();
  }

  /** The text under a path of single children, e.g. {@code path(project, "scm", "url")}; "" if absent. */
  static String path(Element from, String... names) {
    Element at = from;
    for (int i = 0; i < names.length - 1; i++) {
      List<Element> next = children(at, names[i]);
      if (next.isEmpty()) {
        return "";
      }
      at = next.get(0);
    }
    return text(at, names[names.length - 1]);
  }

  /** The module folders the root pom lists, in order. */
  static List<String> modules(Element rootPom) {
    List<String> modules = new ArrayList<>();
    for (Element list : children(rootPom, "modules")) {
      for (Element module : children(list, "module")) {
        modules.add(module.getTextContent().trim());
      }
    }
    return modules;
  }

  /** Whether a module's own pom leaves it published (its publish switch is absent or not "true"). */
  static boolean published(Element modulePom) {
    return !"true".equals(path(modulePom, "properties", PUBLISH_SKIP));
  }
}
