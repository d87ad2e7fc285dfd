package dev.distrogen.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.distrogen.Compiler;
import dev.distrogen.backend.dockerfile.DockerfileBackend;
import dev.distrogen.diagnostic.SpecSource;
import dev.distrogen.model.Overrides;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The build stage's RUNs in the order that matters: the scripts first, the spec's packages before
 * collecting, the smoke test after the layout, the split into layers last, copied by the final
 * stage libraries, app, configs; every spec string in them one shell word, quoted where the shell
 * would read it otherwise.
 */
class BuildStageRunsTest {

    private static final String SPEC =
            "app \"web\" { binary \"/usr/bin/web\" smoke \"--it's\" \"$(touch /pwned)\" "
                    + "init \"/usr/bin/tini\" env GREETING = \"a 'b' $c\" }\nuser \"web\" uid 10001 gid 10001\n"
                    + "docker { from \"debian:bookworm-slim\" packages \"nginx-light\" \"tini=0.19.0-1+b3\" }\n";

    private static String dockerfile(Optional<String> from) throws Exception {
        var c =
                Compiler.compile(
                        new SpecSource("t.dl", Path.of("/tmp"), SPEC),
                        new Overrides(from, Optional.empty(), true));
        return new DockerfileBackend()
                .generate(new GenerationRequest(c.plan().orElseThrow(), "t.dl", false))
                .get(0)
                .text();
    }

    @Test
    void packagesRunFirst_runtimeAfterCollect_sizesLast_eachValueOneQuotedWord() throws Exception {
        String text = dockerfile(Optional.empty());
        int scripts = text.indexOf("\nCOPY distrogen/*.sh /distrogen/\n");
        int packages =
                text.indexOf(
                        "\nRUN sh /distrogen/packages.sh debian:bookworm-slim nginx-light tini=0.19.0-1+b3\n");
        int collect =
                text.indexOf(
                        "\nRUN sh /distrogen/collect.sh app /usr/bin/web init /usr/bin/tini\n");
        int runtime =
                text.indexOf(
                        "\nRUN sh /distrogen/collect.sh app /usr/bin/web init /usr/bin/tini\n"
                                + "RUN sh /distrogen/runtime.sh\n");
        int layout = text.indexOf("\nRUN sh /distrogen/layout.sh /distrogen/layout\n");
        int smoke =
                text.indexOf(
                        "\nRUN sh /distrogen/smoke.sh 10001:10001 'GREETING=a '\\''b'\\'' $c' -- /usr/bin/web '--it'\\''s' "
                                + "'$(touch /pwned)'\n"
                                + "RUN sh /distrogen/sizes.sh\n"
                                + "RUN sh /distrogen/layers.sh /distrogen/layout/layers\n");
        assertTrue(
                scripts > 0
                        && packages > scripts
                        && collect > packages
                        && runtime == collect
                        && layout > collect
                        && smoke > layout
                        && text.lastIndexOf("\nRUN ")
                                == text.indexOf(
                                        "\nRUN sh /distrogen/layers.sh /distrogen/layout/layers\n"),
                text);
        assertEquals(
                8,
                text.split("\nRUN ", -1).length - 1,
                "eight RUNs: packages, collect, runtime, metadata, layout, smoke, sizes, layers");
        assertTrue(
                text.contains(
                        "\nCOPY --from=build /distrogen/libs/ /\n"
                                + "COPY --from=build /distrogen/app/ /\nCOPY --from=build /distrogen/conf/ /\n"),
                "the final stage's three layers, what changes least first: " + text);
        assertTrue(text.contains("ENTRYPOINT [\"/usr/bin/tini\", \"--\", \"/usr/bin/web\"]"), text);
    }

    @Test
    void packages_nameTheStageAsBuilt_whenFromIsGivenOnTheCommandLine() throws Exception {
        assertTrue(
                dockerfile(Optional.of("localhost/mirror/debian:12"))
                        .contains(
                                "\nRUN sh /distrogen/packages.sh localhost/mirror/debian:12 nginx-light tini=0.19.0-1+b3\n"));
    }

    @Test
    void withoutPackagesOrSmoke_theStageHasItsFourRuns() throws Exception {
        var c =
                Compiler.compile(
                        new SpecSource(
                                "t.dl",
                                Path.of("/tmp"),
                                "app \"web\" { binary \"/usr/bin/web\" }\nuser \"web\" uid 10001 gid 10001\ndocker { from \"debian:12\" }\n"));
        String text =
                new DockerfileBackend()
                        .generate(new GenerationRequest(c.plan().orElseThrow(), "t.dl", false))
                        .get(0)
                        .text();
        assertEquals(
                6,
                text.split("\nRUN ", -1).length - 1,
                "collect, runtime, metadata, layout, sizes, layers: " + text);
        assertTrue(
                text.contains(
                        "\nRUN sh /distrogen/layers.sh /distrogen/layout/layers\n\n# The image"),
                "the split is the stage's last step: " + text);
        assertTrue(!text.contains("packages.sh") && !text.contains("smoke.sh"), text);
    }
}
