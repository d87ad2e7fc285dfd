package dev.distrogen.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.distrogen.Golden;
import dev.distrogen.diagnostic.SpecSource;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's language reference cannot drift from the grammar: each of its examples parses. */
class ReadmeExamplesTest {

    @Test
    void everyExampleOfTheLanguageReference_parsesWithoutADiagnostic() throws Exception {
        String readme = Files.readString(Golden.root().resolve("README.md"));
        String reference = readme.substring(readme.indexOf("## The spec language"), readme.indexOf("## Diagnostics"));
        List<String> blocks = new ArrayList<>();
        String[] parts = reference.split("```", -1);
        for (int i = 1; i < parts.length; i += 2) {
            if (parts[i].startsWith("\n")) {
                blocks.add(parts[i]);
            }
        }
        assertTrue(blocks.size() >= 10, "examples found: " + blocks.size());
        for (String block : blocks) {
            ParseResult result = SpecParser.parse(new SpecSource("README.md", Golden.root(), block));
            assertEquals(List.of(), result.diagnostics(), block);
        }
    }

    @Test
    void theReadmesNginxOutput_isWhatDistrogenGeneratesToday() throws Exception {
        String readme = Files.readString(Golden.root().resolve("README.md"));
        String nix = Files.readString(Golden.root().resolve("examples/nginx/generated/nix/default.nix"));
        assertTrue(readme.contains("```nix\n" + nix + "```"), "README shows the current nginx default.nix");
        String dockerfile = Files.readString(Golden.root().resolve("examples/nginx/generated/dockerfile/Dockerfile"));
        String head = dockerfile.substring(0, dockerfile.indexOf("    dg_die()"));
        String tail = dockerfile.substring(dockerfile.indexOf("    dg_app '/usr/sbin/nginx';"));
        assertTrue(readme.contains("```dockerfile\n" + head), "README shows the current Dockerfile's start");
        assertTrue(readme.contains(tail + "```"), "README shows the current Dockerfile's end");
        String plan = Files.readString(Golden.root().resolve("examples/nginx/generated/plan/plan.txt"));
        assertTrue(readme.contains(plan), "README's quick start shows the current plan");
    }
}
