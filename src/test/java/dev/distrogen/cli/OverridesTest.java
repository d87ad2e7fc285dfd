package dev.distrogen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --from} and {@code --base} go into the plan, so every target shows the images the
 * Dockerfile uses (json and plan.txt once showed the spec's); a Dockerfile without any build stage
 * is a located spec error (DG087), and the other targets need none.
 */
class OverridesTest {

    private static final String SPEC =
            "app \"web\" {\n    binary \"/usr/bin/web\"\n}\nuser \"web\" uid 10001 gid 10001\n"
                    + "docker {\n    from \"debian:12\"\n    base scratch\n}\n";

    @TempDir Path dir;

    private String spec(String text) throws Exception {
        Path file = dir.resolve("web.dl");
        Files.writeString(file, text);
        return file.toString();
    }

    @Test
    void jsonAndPlan_showTheCommandLinesImages_asTheDockerfileUsesThem() throws Exception {
        String spec = spec(SPEC);
        String[] overrides = {"--from", "mirror.local/debian:12", "--base", "distroless-cc"};
        CliRun json = CliRun.run(concat(spec, "-t", "json", overrides));
        assertEquals(0, json.exit(), json.err());
        JsonNode docker = new ObjectMapper().readTree(json.out()).get("docker");
        assertEquals("mirror.local/debian:12", docker.get("from").asText());
        assertEquals("gcr.io/distroless/cc-debian12:nonroot", docker.get("base").asText());
        CliRun plan = CliRun.run(concat(spec, "-t", "plan", overrides));
        assertTrue(
                plan.out()
                        .contains(
                                "from mirror.local/debian:12, base gcr.io/distroless/cc-debian12:nonroot,"),
                plan.out());
        CliRun dockerfile = CliRun.run(concat(spec, "-t", "dockerfile", overrides));
        assertTrue(
                dockerfile.out().contains("\nFROM mirror.local/debian:12 AS build\n")
                        && dockerfile
                                .out()
                                .contains("\nFROM gcr.io/distroless/cc-debian12:nonroot\n"),
                dockerfile.out());
    }

    @Test
    void withoutOverrides_theSpecsImages() throws Exception {
        JsonNode docker =
                new ObjectMapper()
                        .readTree(CliRun.run(spec(SPEC), "-t", "json").out())
                        .get("docker");
        assertEquals("debian:12", docker.get("from").asText());
        assertEquals("scratch", docker.get("base").asText());
    }

    @Test
    void noBuildStage_isASpecErrorForTheDockerfileOnly() throws Exception {
        String spec = spec(SPEC.replace("    from \"debian:12\"\n", ""));
        CliRun dockerfile = CliRun.run(spec, "-t", "dockerfile", "--color=never");
        assertEquals(1, dockerfile.exit());
        assertTrue(
                dockerfile
                        .err()
                        .contains("web.dl:5:1: error[DG087]: the Dockerfile needs a build stage"),
                dockerfile.err());
        assertEquals(1, CliRun.run(spec, "-t", "all", "-o", dir.resolve("out").toString()).exit());
        assertEquals(0, CliRun.run(spec, "-t", "dockerfile", "--from", "debian:12").exit());
        CliRun nix = CliRun.run(spec, "-t", "nix");
        assertEquals(0, nix.exit(), nix.err());
        assertEquals(0, CliRun.run(spec, "-t", "k8s").exit());
    }

    private static String[] concat(String spec, String flag, String target, String[] rest) {
        String[] all = new String[3 + rest.length];
        all[0] = spec;
        all[1] = flag;
        all[2] = target;
        System.arraycopy(rest, 0, all, 3, rest.length);
        return all;
    }
}
