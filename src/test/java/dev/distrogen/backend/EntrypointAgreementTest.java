package dev.distrogen.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.distrogen.Generated;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What each target says the image starts, against what the spec means, written out here: the
 * binary, or {@code [init, "--", binary]}; with {@code builder nix}, the package's programs as
 * nix-env links them under /usr/local, and nixpkgs' tini as the init (IMAGE.md once named the
 * spec's /usr/bin/tini while the Dockerfile ran /usr/local/bin/tini).
 */
class EntrypointAgreementTest {

    private static final Pattern PLAN =
            Pattern.compile("(?m)^  Entrypoint +(\\[.*]) {2}\\(nix: (\\[.*])\\)$");
    private static final Pattern DOCKERFILE = Pattern.compile("(?m)^ENTRYPOINT (\\[.*])$");

    /** One line ("[ "x" ]") or, with an init, one string a line. */
    private static final Pattern NIX = Pattern.compile("(?ms)^ +Entrypoint = \\[(.*?)\\];$");

    private static final Pattern NIX_STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern DOCS_INIT =
            Pattern.compile("(?m)^\\| Init \\| `([^`]*)` \\(Dockerfile\\), `([^`]*)` \\(Nix\\)");
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "builder {0}, init ''{1}''")
    @CsvSource(
            delimiter = ';',
            value = {
                "image; ''; /usr/sbin/web; ${pkgs.web}/bin/web",
                "image; /usr/bin/tini; /usr/bin/tini -- /usr/sbin/web; ${pkgs.tini}/bin/tini -- ${pkgs.web}/bin/web",
                "nix; ''; /usr/local/bin/web; ${pkgs.web}/bin/web",
                "nix; /usr/bin/tini; /usr/local/bin/tini -- /usr/local/bin/web; ${pkgs.tini}/bin/tini -- ${pkgs.web}/bin/web"
            })
    void everyTarget_startsWhatTheSpecMeans(
            String builder, String init, String dockerfile, String nix) throws Exception {
        Generated out =
                Generated.of(
                        "app \"web\" { binary \"/usr/sbin/web\""
                                + (init.isEmpty() ? "" : " init \"" + init + "\"")
                                + " }\nuser \"web\" uid 10001 gid 10001\ndocker { from \"debian:12\" builder "
                                + builder
                                + " }\n");
        List<String> docker = List.of(dockerfile.split(" "));
        List<String> nixWords = List.of(nix.split(" "));
        Matcher plan = find(PLAN, out.text("plan"));
        assertEquals(docker, List.of(JSON.readValue(plan.group(1), String[].class)), "plan.txt");
        assertEquals(
                nixWords, List.of(JSON.readValue(plan.group(2), String[].class)), "plan.txt, nix");
        assertEquals(
                docker,
                List.of(
                        JSON.readValue(
                                find(DOCKERFILE, out.text("dockerfile")).group(1), String[].class)),
                "Dockerfile");
        List<String> expression = new ArrayList<>();
        Matcher word = NIX_STRING.matcher(find(NIX, out.text("nix")).group(1));
        while (word.find()) {
            expression.add(
                    JSON.readValue(
                            word.group(),
                            String.class)); // no escapes here: a Nix string reads as JSON
        }
        assertEquals(nixWords, expression, "default.nix");
        List<String> json = new ArrayList<>();
        out.json("json").get("docker").get("entrypoint").forEach(w -> json.add(w.asText()));
        assertEquals(docker, json, "spec.json");
        Matcher docs = DOCS_INIT.matcher(out.text("docs"));
        assertEquals(!init.isEmpty(), docs.find(), "IMAGE.md names the init when there is one");
        if (!init.isEmpty()) {
            assertEquals(docker.get(0), docs.group(1), "IMAGE.md, Dockerfile");
            assertEquals(nixWords.get(0), docs.group(2), "IMAGE.md, Nix");
        }
    }

    private static Matcher find(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        assertTrue(m.find(), pattern + " in:\n" + text);
        return m;
    }
}
