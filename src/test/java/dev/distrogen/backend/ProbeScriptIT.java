package dev.distrogen.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.distrogen.Tools;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * probe.sh on this machine, without a builder: busybox's httpd in a root of its own, probed under
 * dash and busybox ash with each client the script knows (curl, GNU and busybox wget, perl,
 * python3, bash, busybox nc), where installed; then its failures. The image tests (ProbeImageIT)
 * run it in real build stages.
 */
class ProbeScriptIT {

    private static final Path BUSYBOX = Path.of("/bin/busybox");

    @TempDir Path temp;

    private Path dir;
    private Path root;
    private Path bin;

    @BeforeEach
    void setUp() throws IOException {
        Tools.requireRoot("the probe chroots into the root and makes device nodes");
        Tools.require(Files.isExecutable(BUSYBOX), "busybox-static is not installed");
        dir = Files.createDirectories(temp.resolve("distrogen"));
        for (String script : List.of("probe.sh", "smoke.sh", "collect.sh", "lib.sh")) {
            Files.copy(CollectScriptIT.SCRIPTS.resolve(script), dir.resolve(script));
        }
        root = Files.createDirectories(temp.resolve("root"));
        Files.createDirectories(root.resolve("bin"));
        Files.copy(BUSYBOX, root.resolve("bin/busybox"));
        Files.createDirectories(root.resolve("www"));
        Files.writeString(root.resolve("www/index.html"), "hello\n");
        // busybox's wget and nc, found first when asked for
        bin = Files.createDirectories(temp.resolve("busybox-bin"));
        for (String applet : List.of("wget", "nc")) {
            Files.createSymbolicLink(bin.resolve(applet), BUSYBOX);
        }
    }

    static Stream<String> shells() {
        return CollectScriptIT.shells();
    }

    @ParameterizedTest
    @MethodSource("shells")
    void everyClient_getsItsAnswers_asTheImagesUser(String shell) throws Exception {
        List<String> clients = new ArrayList<>();
        for (String client : List.of("curl", "wget", "perl", "python3", "bash")) {
            if (onPath(client)) {
                clients.add(client);
            }
        }
        clients.addAll(List.of("busybox wget", "busybox nc"));
        boolean busyboxChroot = shell.endsWith("busybox");
        for (String client : clients) {
            int port = freePort();
            data(port, "/www");
            Result ok = probe(shell, client, Map.of(), "SIGTERM", "http", "" + port, "/index.html");
            assertEquals(0, ok.exit(), client + ": " + ok.out() + ok.err());
            String as = busyboxChroot ? "0:0" : "10001:10001";
            assertTrue(
                    ok.out()
                            .contains(
                                    "distrogen: probe: GET /index.html on port "
                                            + port
                                            + " answered 3 times (sent with "
                                            + client.replace("busybox ", "")
                                            + ", as "
                                            + as
                                            + "); stopped with SIGTERM\n"),
                    client + ": " + ok.out() + ok.err());
        }
        int port = freePort();
        data(port, "/");
        Result tcp = probe(shell, "busybox nc", Map.of(), "TERM", "tcp", "" + port);
        assertEquals(0, tcp.exit(), tcp.out() + tcp.err());
        assertTrue(tcp.out().contains("a TCP connection to port " + port + " answered 3 times"));
        assertFalse(Files.exists(dir.resolve("probe-root")), "the copy of the root is removed");
        assertFalse(Files.exists(root.resolve("dev")), "the root itself is untouched");
    }

    @Test
    void aWrongAnswer_failsWithTheProgramsOutput_andTheFilesItWrote() throws Exception {
        int port = freePort();
        Files.createDirectories(root.resolve("var/log/app"));
        data(port, "/www", "writable /var/log/app");
        // the program: a shell that writes a log file in its writable dir, then serves
        Files.writeString(
                dir.resolve("probe/run"),
                String.join(
                        "\n",
                        "user 10001:10001",
                        "workdir /",
                        "env GREETING=it is $x",
                        "arg /bin/busybox",
                        "arg sh",
                        "arg -c",
                        "arg echo \"$GREETING\" >/var/log/app/app.log; echo starting; exec /bin/busybox httpd -f -p 127.0.0.1:"
                                + port
                                + " -h /www",
                        "writable /var/log/app",
                        ""));
        Files.setAttribute(root.resolve("var/log/app"), "unix:uid", 10001);
        Result missing =
                probe(
                        dashOrBusybox(),
                        "perl",
                        Map.of("DG_PROBE_WAIT", "2"),
                        "SIGTERM",
                        "http",
                        "" + port,
                        "/missing");
        assertEquals(1, missing.exit(), missing.out() + missing.err());
        assertTrue(
                missing.out().contains("----- the program's output:\nstarting\n"), missing.out());
        assertTrue(
                missing.out().contains("----- /var/log/app/app.log (last 50 lines):\nit is $x\n"),
                missing.out());
        assertTrue(
                missing.err()
                        .startsWith(
                                "distrogen/probe.sh:"
                                        + CollectScriptIT.line("probe.sh", "dg_die probe-failed ")
                                        + ": probe: GET /missing on port "
                                        + port
                                        + ": HTTP status 404 after 2s (the program ran in the image's root as "),
                missing.err());
        assertFalse(Files.exists(dir.resolve("probe-root")), "removed after a failure too");
    }

    @Test
    void aProgramThatExits_failsWithItsStatus() throws Exception {
        int port = freePort();
        data(port, "/www");
        Files.writeString(
                dir.resolve("probe/run"),
                "user 10001:10001\narg /bin/busybox\narg sh\narg -c\narg echo no config here >&2; exit 3\n");
        Result exited = probe(dashOrBusybox(), "perl", Map.of(), "SIGTERM", "http", "" + port, "/");
        assertEquals(1, exited.exit());
        assertTrue(exited.out().contains("no config here"), exited.out());
        assertTrue(
                exited.err().contains(": it exited with status 3 before answering"), exited.err());
    }

    @Test
    void aPortThatAnswersAlready_failsBeforeStarting() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            data(taken.getLocalPort(), "/www");
            Result result =
                    probe(
                            dashOrBusybox(),
                            "perl",
                            Map.of(),
                            "SIGTERM",
                            "tcp",
                            "" + taken.getLocalPort());
            assertEquals(1, result.exit());
            assertTrue(
                    result.err()
                            .contains(
                                    "port "
                                            + taken.getLocalPort()
                                            + " answers before the program starts"),
                    result.err());
        }
    }

    // --- helpers

    /** probe/run: busybox httpd on {@code port} serving /www, in {@code workdir}. */
    private void data(int port, String workdir, String... more) throws IOException {
        Files.createDirectories(dir.resolve("probe"));
        List<String> lines =
                new ArrayList<>(
                        List.of(
                                "user 10001:10001",
                                "workdir " + workdir,
                                "env TZ=UTC",
                                "arg /bin/busybox",
                                "arg httpd",
                                "arg -f",
                                "arg -p",
                                "arg 127.0.0.1:" + port,
                                "arg -h",
                                "arg /www"));
        lines.addAll(List.of(more));
        Files.writeString(dir.resolve("probe/run"), String.join("\n", lines) + "\n");
    }

    record Result(int exit, String out, String err) {}

    /** sh probe.sh ARGS under {@code shell}, with only {@code client} tried. */
    private Result probe(String shell, String client, Map<String, String> env, String... args)
            throws Exception {
        List<String> command =
                new ArrayList<>(shell.endsWith("busybox") ? List.of(shell, "sh") : List.of(shell));
        command.add(dir.resolve("probe.sh").toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("DG_ROOT", root.toString());
        builder.environment().put("DG_DIR", dir.toString());
        builder.environment().put("DG_PROBE_CLIENTS", client.replace("busybox ", ""));
        if (client.startsWith("busybox ")) {
            builder.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        }
        builder.environment().putAll(env);
        Path out = temp.resolve("out");
        Path err = temp.resolve("err");
        Process p = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("probe.sh still runs after 90 s: " + Files.readString(out));
        }
        return new Result(
                p.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private static String dashOrBusybox() {
        return shells().findFirst().orElseThrow();
    }

    private static boolean onPath(String tool) {
        for (String d : System.getenv("PATH").split(":")) {
            if (Files.isExecutable(Path.of(d, tool))) {
                return true;
            }
        }
        return false;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
