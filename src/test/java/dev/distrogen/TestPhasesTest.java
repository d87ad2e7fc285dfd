package dev.distrogen;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.TreeMap;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Unit tests (*Test, Surefire) need only Java and Maven; integration tests (*IT, Failsafe) run as
 * they do.
 */
class TestPhasesTest {

    @Test
    void failsafe_runsTheIntegrationTestsWithTheUnitTestsJvmOptionsAndProperties_butItsPhase()
            throws Exception {
        Document pom =
                DocumentBuilderFactory.newInstance()
                        .newDocumentBuilder()
                        .parse(Golden.root().resolve("pom.xml").toFile());
        Element surefire = plugin(pom, "maven-surefire-plugin");
        Element failsafe = plugin(pom, "maven-failsafe-plugin");
        assertEquals("${distrogen.test.argLine}", child(surefire, "argLine").getTextContent());
        assertEquals(
                child(surefire, "argLine").getTextContent(),
                child(failsafe, "argLine").getTextContent());
        Map<String, String> unit = properties(surefire);
        Map<String, String> integration = properties(failsafe);
        assertEquals("unit", unit.remove(SkippedTestsReport.PHASE));
        assertEquals("integration", integration.remove(SkippedTestsReport.PHASE));
        assertEquals(unit, integration);
        assertTrue(
                unit.keySet()
                        .containsAll(
                                java.util.List.of(
                                        "distrogen.root",
                                        "distrogen.updateGolden",
                                        SkippedTestsReport.BUILD)),
                unit.toString());
    }

    @Test
    void aUnitTestThatAsksForATool_fails_evenWhereTheToolIsInstalled() {
        String phase = System.getProperty(SkippedTestsReport.PHASE);
        try {
            System.setProperty(SkippedTestsReport.PHASE, "unit");
            AssertionFailedError failure =
                    assertThrows(
                            AssertionFailedError.class,
                            () -> Tools.require(true, "frobnicate is not installed"));
            assertTrue(
                    failure.getMessage().contains("make it an integration test, *IT"),
                    failure.getMessage());
            System.setProperty(SkippedTestsReport.PHASE, "integration");
            assertDoesNotThrow(() -> Tools.require(true, "frobnicate is not installed"));
        } finally {
            if (phase == null) {
                System.clearProperty(SkippedTestsReport.PHASE);
            } else {
                System.setProperty(SkippedTestsReport.PHASE, phase);
            }
        }
    }

    private static Element plugin(Document pom, String artifactId) {
        NodeList ids = pom.getElementsByTagName("artifactId");
        for (int i = 0; i < ids.getLength(); i++) {
            Node id = ids.item(i);
            if (id.getTextContent().equals(artifactId)
                    && id.getParentNode().getNodeName().equals("plugin")) {
                return child((Element) id.getParentNode(), "configuration");
            }
        }
        throw new AssertionError("pom.xml has no " + artifactId);
    }

    private static Element child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e;
            }
        }
        throw new AssertionError(parent.getTagName() + " has no " + name);
    }

    private static Map<String, String> properties(Element configuration) {
        Map<String, String> properties = new TreeMap<>();
        Element variables = child(configuration, "systemPropertyVariables");
        for (Node n = variables.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                properties.put(e.getTagName(), e.getTextContent());
            }
        }
        return properties;
    }
}
