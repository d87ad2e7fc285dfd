package dev.distrogen.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.distrogen.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Specs whose outputs real Nix refused: config paths named like Nix keywords, names beyond the
 * store's limit.
 */
class ToolsAcceptIT {

    static final List<String> KEYWORD_PATHS =
            List.of(
                    "/in",
                    "/let",
                    "/if",
                    "/or",
                    "/rec",
                    "/then",
                    "/with",
                    "/assert",
                    "/else",
                    "/inherit",
                    "/builtins",
                    "/import",
                    "/true",
                    "/null",
                    "/pkgs",
                    "/layout");

    @TempDir Path tmp;

    @Test
    void configsNamedLikeNixKeywords_andNamesBeyondTheStoreLimit_parseAndEvaluate()
            throws Exception {
        Nix.assumeNix();
        String longName = "c".repeat(230);
        String longFile = "f".repeat(220) + ".conf";
        StringBuilder spec =
                new StringBuilder(
                        """
                image "web" tag "1.0"
                app "nginx" { binary "/usr/sbin/nginx" }
                user "web" uid 10001 gid 10001
                """);
        for (String path : KEYWORD_PATHS) {
            spec.append("config \"")
                    .append(path)
                    .append("\" text \"")
                    .append(path)
                    .append("\\n\"\n");
        }
        spec.append("config \"/etc/").append(longName).append("1\" text \"one\\n\"\n");
        spec.append("config \"/etc/").append(longName).append("2\" text \"two\\n\"\n");
        spec.append("config \"/etc/web/")
                .append(longFile)
                .append("\" from \"")
                .append(longFile)
                .append("\"\n");
        Path specFile = Files.writeString(tmp.resolve("web.dl"), spec);
        Files.writeString(tmp.resolve(longFile), "long\n");
        Path out = tmp.resolve("out");
        CliRun run = CliRun.run(specFile.toString(), "--target", "nix", "-o", out.toString());
        assertEquals(0, run.exit(), run.err());
        Nix.assertParses(out.resolve("default.nix"));
        JsonNode call = Nix.callWithDouble(out);
        // buildImage makes the layout in a base layer (fromImage), the layered builders themselves.
        JsonNode layoutCall =
                call.path("args").has("fromImage") ? call.path("args").path("fromImage") : call;
        String layout = layoutCall.path("args").path("fakeRootCommands").asText();
        List<String> storePaths = new ArrayList<>();
        for (String word : layout.split("\\s+")) {
            if (word.startsWith("/nix/store/")
                    && !word.endsWith("-sbom")) { // the SBOM (sbom on) is not a config
                storePaths.add(word);
                assertTrue(word.length() - "/nix/store/".length() - 33 <= 211, word);
            }
        }
        assertEquals(
                KEYWORD_PATHS.size() + 3 + 3,
                storePaths.stream().distinct().count(),
                "every config (and /etc/group, /etc/passwd, /etc/nsswitch.conf) a store path of its own: "
                        + storePaths);
        assertNotEquals(-1, layout.indexOf("/etc/" + longName + "1"), layout);
    }
}
