package dev.distrogen.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.distrogen.Golden;
import dev.distrogen.cli.CliRun;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * What plan.txt tells a person the image starts is what the Dockerfile and the Nix expression
 * make it start, read from each output's own text (plan.txt once showed the spec's binary while
 * a builder-nix Dockerfile ran /usr/local/bin/nginx). With an init, each is [init, "--", program].
 */
class EntrypointAgreementTest {

    private static final Pattern PLAN = Pattern.compile("(?m)^  Entrypoint +(\\[.*]) {2}\\(nix: (\\[.*])\\)$");
    private static final Pattern DOCKERFILE = Pattern.compile("(?m)^ENTRYPOINT (\\[.*])$");
    /** One line ("[ "x" ]") or, with an init, one string a line. */
    private static final Pattern NIX = Pattern.compile("(?ms)^ +Entrypoint = \\[(.*?)\\];$");
    private static final Pattern NIX_STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");

    @TestFactory
    Stream<DynamicTest> planDockerfileAndNix_nameTheSameProgram() {
        return Golden.allSpecs().stream().map(spec -> DynamicTest.dynamicTest(spec.getFileName().toString(), () -> assertAgree(spec)));
    }

    private static void assertAgree(Path spec) throws Exception {
        ObjectMapper json = new ObjectMapper();
        Matcher plan = find(PLAN, CliRun.run(spec.toString(), "-t", "plan").out());
        Matcher dockerfile = find(DOCKERFILE, CliRun.run(spec.toString(), "-t", "dockerfile", "--from", "builder:1").out());
        Matcher nix = find(NIX, CliRun.run(spec.toString(), "-t", "nix").out());
        assertEquals(List.of(json.readValue(dockerfile.group(1), String[].class)), List.of(json.readValue(plan.group(1), String[].class)),
                "plan.txt and the Dockerfile");
        // A Nix string with no escapes reads as the same JSON string.
        List<String> nixWords = new java.util.ArrayList<>();
        Matcher word = NIX_STRING.matcher(nix.group(1));
        while (word.find()) {
            nixWords.add(json.readValue(word.group(), String.class));
        }
        assertEquals(List.of(json.readValue(plan.group(2), String[].class)), nixWords, "plan.txt and default.nix");
    }

    private static Matcher find(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        assertTrue(m.find(), pattern + " in:\n" + text);
        return m;
    }
}
