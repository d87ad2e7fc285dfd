package dev.distrogen.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.distrogen.Compiler;
import dev.distrogen.GeneratedOutputs;
import dev.distrogen.backend.escape.Yaml;
import dev.distrogen.diagnostic.SpecSource;
import dev.distrogen.plan.ImagePlan;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * NEL (U+0085), LINE SEPARATOR (U+2028) and PARAGRAPH SEPARATOR (U+2029) are line breaks to a YAML
 * 1.1 reader (SnakeYAML, PyYAML): written raw, in a plain or block scalar, the value comes back
 * changed. Every YAML file distrogen writes escapes them (\N, \L, \P in a double-quoted scalar),
 * and SnakeYAML reads back exactly what was written. Paths may not hold them at all (DG022,
 * errors/path-line-separator.dl).
 */
class YamlLineBreaksTest {

    private static final List<String> BREAKS = List.of("\u0085", "\u2028", "\u2029");

    @Test
    void yamlDocuments_escapeTheSeparators_andSnakeYamlReadsThemBack() {
        for (String b : BREAKS) {
            for (String value :
                    List.of("a" + b + "b", b, "/srv/x" + b, b + "lead", "two\nlines" + b + "x")) {
                String text =
                        Yaml.documents(List.of(Yaml.map("key" + b, value, "list", List.of(value))));
                assertFalse(text.contains(b), "written raw: " + text);
                Map<?, ?> read = (Map<?, ?>) GeneratedOutputs.yamlDocuments(text).get(0);
                assertEquals(value, read.get("key" + b), text);
                assertEquals(List.of(value), read.get("list"), text);
            }
        }
    }

    /**
     * The spec strings that may hold them (paths may not: DG022) reach no YAML file raw, and every
     * file parses.
     */
    @Test
    void everyYamlFile_ofASpecFullOfSeparators_holdsNoneRaw() throws Exception {
        String spec =
                """
                image "web" tag "1"
                description "a\u2028b\u0085c\u2029d"
                label "org.example.note" = "e\u2028f"
                app "web" {
                    binary "/usr/bin/web"
                    args "a\u2028b" "c\u0085d"
                    env GREETING = "e\u2029f"
                }
                user "web" uid 10001 gid 10001
                dir "/run" owner "web"
                port 8080
                docker { from "web:1" }
                """;
        Compiler.Compilation c = Compiler.compile(new SpecSource("web.dl", Path.of("."), spec));
        ImagePlan plan = c.plan().orElseThrow(() -> new AssertionError(c.diagnostics().sorted()));
        int yamlFiles = 0;
        for (GeneratedFile file :
                Backends.byName("all")
                        .orElseThrow()
                        .generate(new GenerationRequest(plan, "web.dl", true))) {
            if (file.path().endsWith(".yaml") || file.path().endsWith(".yml")) {
                for (String b : BREAKS) {
                    assertFalse(file.text().contains(b), "a raw line break in " + file.path());
                }
                assertFalse(GeneratedOutputs.yamlDocuments(file.text()).isEmpty(), file.path());
                yamlFiles++;
            }
        }
        assertEquals(3, yamlFiles, "k8s.yaml, compose.yaml and the workflow");
    }
}
