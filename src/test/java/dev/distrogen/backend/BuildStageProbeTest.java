package dev.distrogen.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.distrogen.Compiler;
import dev.distrogen.backend.dockerfile.DockerfileBackend;
import dev.distrogen.backend.escape.Shell;
import dev.distrogen.diagnostic.SpecSource;
import dev.distrogen.model.Overrides;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The probe's part of the build stage: with a declared health check, one COPY of its data and one
 * RUN of probe.sh after the layout (and the config files), the RUN holding only the signal and the
 * check; spec strings only in the data file, each on one line as printf %b reads it back.
 */
class BuildStageProbeTest {

    private static final String APP =
            "app \"web\" { binary \"/usr/bin/web\" args \"new\\nline\" \"it's $(x)\" \"back\\\\slash\""
                    + " env GREETING = \"a 'b' $c\" workdir \"/srv\" stop \"SIGQUIT\" }\n"
                    + "user \"web\" uid 10001 gid 10002\n"
                    + "dir \"/var/log/web\" owner \"web\"\n"
                    + "config \"/etc/web.conf\" text \"listen 8080\"\n"
                    + "port 8080\n";

    private static Map<String, String> generate(String spec) throws Exception {
        var c =
                Compiler.compile(
                        new SpecSource("t.dl", Path.of("/tmp"), spec),
                        new Overrides(Optional.empty(), Optional.empty(), true));
        return new DockerfileBackend()
                .generate(new GenerationRequest(c.plan().orElseThrow(), "t.dl", true)).stream()
                        .collect(
                                Collectors.toMap(
                                        GeneratedFile::path,
                                        f -> new String(f.content(), StandardCharsets.UTF_8)));
    }

    @Test
    void httpHealth_probesAfterTheLayout_withTheCommandInTheData() throws Exception {
        Map<String, String> files =
                generate(
                        APP
                                + "health http \"/healthz\" port 8080\ndocker { from \"debian:12\" }\n");
        String dockerfile = files.get("Dockerfile");
        int layout = dockerfile.indexOf("\nRUN sh /distrogen/layout.sh /distrogen/layout\n");
        int data = dockerfile.indexOf("\nCOPY distrogen/probe/ /distrogen/probe/\n");
        int probe = dockerfile.indexOf("\nRUN sh /distrogen/probe.sh SIGQUIT http 8080 /healthz\n");
        int image = dockerfile.indexOf("\nFROM scratch\n");
        assertTrue(layout > 0 && data > layout && probe > data && image > probe, dockerfile);
        assertEquals(
                String.join(
                        "\n",
                        "user 10001:10002",
                        "workdir /srv",
                        "env GREETING=a 'b' $c",
                        "arg /usr/bin/web",
                        "arg new\\0012line",
                        "arg it's $(x)",
                        "arg back\\\\slash",
                        "writable /tmp",
                        "writable /var/log/web",
                        ""),
                files.get("distrogen/probe/run"));
        // probe.sh runs with what it sources, and what those source
        for (String script : List.of("probe.sh", "smoke.sh", "collect.sh", "lib.sh")) {
            assertTrue(files.containsKey("distrogen/" + script), script);
        }
    }

    @Test
    void tcpHealth_andTrace_layTheConfigsAndWritableDirsOutForTheTrace() throws Exception {
        Map<String, String> files =
                generate(APP + "health tcp 8080\ndocker { from \"debian:12\" probe trace }\n");
        assertTrue(
                files.get("Dockerfile")
                        .contains("\nRUN sh /distrogen/probe.sh --trace SIGQUIT tcp 8080\n"),
                files.get("Dockerfile"));
        String data = files.get("distrogen/probe/run");
        assertTrue(
                data.endsWith(
                        "config 0:0 0644 /etc/web.conf\ndir 0:0 1777 /tmp\ndir 10001:10002 0755 /var/log/web\n"),
                data);
    }

    @Test
    void probeOff_orNoDeclaredHealth_leavesTheProbeOut() throws Exception {
        for (String spec :
                List.of(
                        APP
                                + "health http \"/\" port 8080\ndocker { from \"debian:12\" probe off }\n",
                        APP + "docker { from \"debian:12\" }\n",
                        APP + "health none\ndocker { from \"debian:12\" }\n")) {
            Map<String, String> files = generate(spec);
            assertFalse(files.get("Dockerfile").contains("probe"), files.get("Dockerfile"));
            assertFalse(files.containsKey("distrogen/probe/run"), spec);
            assertFalse(files.containsKey("distrogen/probe.sh"), spec);
        }
    }

    @Test
    void printfData_escapesBackslashesAndControlCharacters_only() {
        assertEquals(
                "a\\\\b\\0012c\\0011d\\0015\\0177 é $x '%s'",
                Shell.printfData("a\\b\nc\td\r\u007f é $x '%s'"));
    }
}
