package dev.distrogen.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.distrogen.cli.CliRun;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Apps outside the examples, built with buildah from a Debian 12 stage and run from their image's
 * root as their user: what the C library loads by itself must be in the image. tserv is a
 * threaded server whose worker threads end with pthread_exit, which makes glibc dlopen
 * libgcc_s.so.1; its module mod_latin1 answers in ISO-8859-1 through iconv, which makes glibc
 * dlopen a gconv converter found through gconv-modules. ldd lists neither.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProvenImageTest {

    private static final String LIBDIR = "/usr/lib/x86_64-linux-gnu";
    private static final int PORT = 8093;

    private String stage;
    private Path rootrun;
    private final List<String> built = new ArrayList<>();

    @AfterAll
    void removeTestImages() {
        built.forEach(Images::remove);
    }

    @BeforeEach
    void setUp() throws IOException {
        Images.assumeTools();
        if (stage == null) {
            stage = Images.tservBuilder();
            rootrun = DockerfileImageTest.compileRootrun();
        }
    }

    static String spec(String modules) {
        return String.join("\n",
                "app \"tserv\" {",
                "    binary \"/usr/local/bin/tserv\"",
                "    args   \"-c\" \"/etc/tserv.conf\"",
                "    libs   \"/usr/lib/tserv\"",
                "}",
                "user \"tserv\" uid 10001 gid 10001",
                "config \"/etc/tserv.conf\" text \"listen " + PORT + "\\n" + modules + "random /dev/urandom\\n\"",
                "port " + PORT,
                "health http \"/\" port " + PORT,
                "docker { base scratch }",
                "nix { without \"/usr/lib/tserv\" }",
                "");
    }

    private Images.Build build(String name, String specText) throws Exception {
        Path dir = Files.createTempDirectory("distrogen-" + name);
        Path spec = dir.resolve(name + ".dl");
        Files.writeString(spec, specText);
        Path context = dir.resolve("context");
        CliRun run = CliRun.run(spec.toString(), "--target", "dockerfile", "-o", context.toString(), "--from", stage);
        assertEquals(0, run.exit(), run.err());
        String tag = "localhost/distrogen-test-" + name + ":run" + ProcessHandle.current().pid();
        Images.Build build = Images.buildLogged(context, tag);
        built.add(tag);
        return build;
    }

    /** GET / over HTTP/1.0: the status line and the body's bytes, as ISO-8859-1 text. */
    static String[] get(int port) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write("GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            int end = answer.indexOf("\r\n\r\n");
            return new String[] {answer.substring(0, answer.indexOf("\r\n")), end < 0 ? "" : answer.substring(end + 4)};
        }
    }

    @Test
    void threadedServerWithAnIconvModule_servesRequestAfterRequest_andTheLogSaysWhatCameAndWhy() throws Exception {
        Images.Build build = build("tserv", spec("module /usr/lib/tserv/mod_latin1.so\\n"));
        assertTrue(build.log().contains("distrogen: adds " + LIBDIR + "/libgcc_s.so.1 ("), build.log());
        assertTrue(build.log().contains("distrogen: adds " + LIBDIR + "/gconv ("), build.log());
        assertTrue(build.log().contains("/usr/lib/tserv/mod_latin1.so calls iconv"), build.log());
        Matcher largest = Pattern.compile("distrogen:   " + LIBDIR + "/libc\\.so\\.6 [0-9.]+ MB <- tserv <- app \"/usr/local/bin/tserv\"")
                .matcher(build.log());
        assertTrue(largest.find(), "the ten largest, each with its chain: " + build.log());
        try (MountedImage image = new MountedImage(built.get(built.size() - 1))) {
            assertTrue(Files.isRegularFile(image.path(LIBDIR + "/libgcc_s.so.1")));
            assertTrue(Files.isRegularFile(image.path(LIBDIR + "/gconv/ISO8859-1.so")));
            long gconv = bytes(image.path(LIBDIR + "/gconv"));
            long libgcc = Files.size(image.path(LIBDIR + "/libgcc_s.so.1"));
            Files.writeString(DockerfileImageTest.MEASUREMENTS, "glibc additions\tlibgcc_s " + libgcc + " B\tgconv " + gconv
                    + " B\tbuild " + build.seconds() + " s\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
            try (RunningApp app = image.start(rootrun)) {
                app.awaitPort(PORT, Duration.ofSeconds(20));
                for (int i = 0; i < 3; i++) {
                    String[] answer = get(PORT);
                    assertEquals("HTTP/1.0 200 OK", answer[0], app.output());
                    assertEquals("caf\u00e9 cr\u00e8me\n", answer[1], "ISO-8859-1 bytes, one a character");
                }
            }
            // The control: without libgcc_s.so.1 the first worker that ends takes the server down.
            Files.delete(image.path(LIBDIR + "/libgcc_s.so.1"));
            try (RunningApp app = image.start(rootrun)) {
                app.awaitPort(PORT, Duration.ofSeconds(20));
                try {
                    get(PORT);
                } catch (IOException expected) {
                    // the connection may be reset as the process aborts
                }
                assertNotEquals(0, app.awaitExit(Duration.ofSeconds(20)));
                assertTrue(app.output().contains("libgcc_s.so.1 must be installed for pthread_exit to work"), app.output());
            }
        }
    }

    private static long bytes(Path dir) throws IOException {
        try (var all = Files.walk(dir)) {
            return all.filter(p -> Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)).mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
