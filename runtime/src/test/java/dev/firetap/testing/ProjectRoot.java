package dev.firetap.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/** Finds the Firetap project root, the directory of the {@code firetap-parent} pom. */
final class ProjectRoot {
  /** System property that surefire and failsafe set to the Maven multi-module directory. */
  static final String PROPERTY = "firetap.projectRoot";

  private static final String PARENT_ARTIFACT_ID = "firetap-parent";

  private ProjectRoot() {}

  /**
   * The project root, searched upwards from {@code firetap.projectRoot} if set, else from {@code
   * user.dir}; the starting directory itself when no ancestor looks like the root.
   */
  static Path locate() {
    String configured = System.getProperty(PROPERTY, "");
    String start = configured.isBlank() ? System.getProperty("user.dir") : configured;
    return searchUpwards(Path.of(start).toAbsolutePath().normalize());
  }

  /** The nearest of {@code start} and its ancestors that holds {@code .ci/} or the parent pom. */
  static Path searchUpwards(Path start) {
    for (Path directory = start; directory != null; directory = directory.getParent()) {
      if (Files.isDirectory(directory.resolve(".ci")) || holdsParentPom(directory)) {
        return directory;
      }
    }
    return start;
  }

  private static boolean holdsParentPom(Path directory) {
    Path pom = directory.resolve("pom.xml");
    return Files.isRegularFile(pom) && PARENT_ARTIFACT_ID.equals(ownArtifactId(pom));
  }

  /** The project's own artifactId, not the one inside {@code <parent>}; empty if unreadable. */
  private static String ownArtifactId(Path pom) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      Element project = factory.newDocumentBuilder().parse(pom.toFile()).getDocumentElement();
      for (Node child = project.getFirstChild(); child != null; child = child.getNextSibling()) {
        if ("artifactId".equals(child.getNodeName())) {
          return child.getTextContent().trim();
        }
      }
      return "";
    } catch (IOException | SAXException | ParserConfigurationException e) {
      return "";
    }
  }
}
