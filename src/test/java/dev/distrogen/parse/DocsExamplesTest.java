package dev.distrogen.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.distrogen.Golden;
import dev.distrogen.diagnostic.SpecSource;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The documentation cannot drift from the code: every example of the language reference parses,
 * and the outputs README and docs/targets.md show are what distrogen generates today.
 */
class DocsExamplesTest {

    @Test
    void everyExampleOfTheLanguageReference_parsesWithoutADiagnostic() throws Exception {
        String reference = read("docs/language.md");
        List<String> blocks = new ArrayList<>();
        String[] parts = reference.split("```", -1);
        for (int i = 1; i < parts.length; i += 2) {
            if (parts[i].startsWith("\n")) {
                blocks.add(parts[i]);
            }
        }
        assertTrue(blocks.size() >= 10, "examples found: " + blocks.size());
        for (String block : blocks) {
            ParseResult result = SpecParser.parse(new SpecSource("docs/language.md", Golden.root(), block));
            assertEquals(List.of(), result.diagnostics(), block);
        }
    }

    @Test
    void theNginxSpecShown_isTheExample() throws Exception {
        String spec = "```\n" + read("examples/nginx/nginx.dl") + "```";
        assertTrue(read("README.md").contains(spec), "README shows the current nginx.dl");
        assertTrue(read("docs/language.md").contains(spec), "docs/language.md shows the current nginx.dl");
    }

    @Test
    void theQuickStartsPlan_isWhatDistrogenGeneratesToday() throws Exception {
        String plan = read("examples/nginx/generated/plan/plan.txt");
        assertTrue(read("README.md").contains("```\n" + plan + "```"), "README's quick start shows the current plan");
    }

    @Test
    void theTargetsPagesNginxOutput_isWhatDistrogenGeneratesToday() throws Exception {
        String page = read("docs/targets.md");
        String nix = read("examples/nginx/generated/nix/default.nix");
        assertTrue(page.contains("```nix\n" + nix + "```"), "docs/targets.md shows the current nginx default.nix");
        String dockerfile = read("examples/nginx/generated/dockerfile/Dockerfile");
        String head = dockerfile.substring(0, dockerfile.indexOf("    dg_die()"));
        String tail = dockerfile.substring(dockerfile.indexOf("    dg_app '/usr/sbin/nginx';"));
        assertTrue(page.contains("```dockerfile\n" + head), "docs/targets.md shows the current Dockerfile's start");
        assertTrue(page.contains(tail + "```"), "docs/targets.md shows the current Dockerfile's end");
    }

    private static String read(String path) throws IOException {
        return Files.readString(Golden.root().resolve(path));
    }
}
