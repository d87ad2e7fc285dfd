package dev.distrogen.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Apps outside the examples, built with buildah from a Debian 12 stage and run from their image's
 * root as their user: what the C library loads by itself must be in the image, and ldd lists none
 * of it. tserv is a threaded server whose worker threads end with pthread_exit, which makes glibc
 * dlopen libgcc_s.so.1; its module mod_latin1 answers in ISO-8859-1 through iconv. PHP's built-in
 * web server runs a script that converts to ISO-8859-1 with PHP's iconv extension. Both convert
 * only because glibc dlopens a gconv converter, found through gconv-modules. The controls delete
 * the addition from the built image and show the failure the issue saw.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProvenImageIT {

    private static final int TSERV_PORT = 8095;
    private static final int PHP_PORT = 8096;
    private static final String LATIN1 = "caf\u00e9 cr\u00e8me\n";

    private Path rootrun;
    private final List<String> built = new ArrayList<>();

    @AfterAll
    void removeTestImages() {
        built.forEach(Images::remove);
    }

    @BeforeEach
    void setUp() throws IOException {
        Images.assumeTools();
        if (rootrun == null) {
            rootrun = DockerfileImageIT.compileRootrun();
        }
    }

    private Images.Build build(String name, String specText, String stage) throws Exception {
        Path dir = Files.createTempDirectory("runtime-" + name);
        Path spec = dir.resolve(name + ".dl");
        Files.writeString(spec, specText);
        Path context = RuntimesImageIT.generate(spec, stage);
        String tag = tag(name);
        Images.Build build = Images.buildLogged(context, tag);
        built.add(tag);
        return build;
    }

    private static String tag(String name) {
        return "localhost/runtime-proven-" + name + ":run" + ProcessHandle.current().pid();
    }

    /** GET / over HTTP/1.0: the status line and the body, its bytes read as ISO-8859-1. */
    static String[] get(int port) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write("GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            int end = answer.indexOf("\r\n\r\n");
            int line = answer.indexOf("\r\n");
            return new String[] {
                line < 0 ? answer : answer.substring(0, line),
                end < 0 ? "" : answer.substring(end + 4)
            };
        }
    }

    /** The build log's "distrogen: runtime: + PATH (BYTES B)" line for PATH; fails without. */
    private static long addedBytes(String log, String path) {
        Matcher m =
                Pattern.compile(
                                "distrogen: runtime: \\+ "
                                        + Pattern.quote(path)
                                        + " \\(([0-9]+) B\\): ")
                        .matcher(log);
        assertTrue(m.find(), "the build log says it added " + path + ":\n" + log);
        return Long.parseLong(m.group(1));
    }

    /** glibc's directory in the image: where its libc.so.6 is, as a regular file. */
    private static String libdir(MountedImage image) throws IOException {
        return image.paths().stream()
                .filter(p -> p.endsWith("/libc.so.6"))
                .filter(p -> Files.isRegularFile(image.path(p), LinkOption.NOFOLLOW_LINKS))
                .map(p -> p.substring(0, p.lastIndexOf('/')))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no libc.so.6 in the image"));
    }

    private static long bytes(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .mapToLong(p -> p.toFile().length())
                    .sum();
        }
    }

    private static void measure(String what) throws IOException {
        Files.createDirectories(DockerfileImageIT.MEASUREMENTS.getParent());
        Files.writeString(
                DockerfileImageIT.MEASUREMENTS,
                what + "\n",
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        System.out.println(what);
    }

    static String tservSpec() {
        return String.join(
                "\n",
                "image \"tserv\" tag \"1.0\"",
                "app \"tserv\" {",
                "    binary \"/usr/local/bin/tserv\"",
                "    args   \"-c\" \"/etc/tserv.conf\"",
                "    libs   \"/usr/lib/tserv\"",
                "}",
                "user \"tserv\" uid 10001 gid 10001",
                "config \"/etc/tserv.conf\" text \"\"\"",
                "    listen " + TSERV_PORT,
                "    module /usr/lib/tserv/mod_latin1.so",
                "    \"\"\"",
                "port " + TSERV_PORT,
                "docker { base scratch }",
                "");
    }

    @Test
    void threadedServerWithAnIconvModule_servesRequestAfterRequest_andAbortsWithoutLibgccS()
            throws Exception {
        RunningApp.assertPortFree(TSERV_PORT);
        Images.Build build = build("tserv", tservSpec(), Images.tservBuilder());
        String log = build.log();
        assertTrue(log.contains("/usr/lib/tserv/mod_latin1.so calls iconv"), log);
        assertTrue(
                log.matches(
                        "(?s).*distrogen: sizes: [^ ]*/libc\\.so\\.6 [0-9.]+ MB <- tserv <- binary \"/usr/local/bin/tserv\"\n.*"),
                "the ten largest, each with its chain: " + log);
        try (MountedImage image = new MountedImage(built.get(built.size() - 1))) {
            String libdir = libdir(image);
            long libgcc = Files.size(image.path(libdir + "/libgcc_s.so.1"));
            long gconv = bytes(image.path(libdir + "/gconv"));
            assertEquals(libgcc, addedBytes(log, libdir + "/libgcc_s.so.1"));
            assertEquals(gconv, addedBytes(log, libdir + "/gconv"));
            assertTrue(Files.isRegularFile(image.path(libdir + "/gconv/ISO8859-1.so")));
            measure(
                    "glibc additions\tlibgcc_s.so.1 "
                            + libgcc
                            + " B\tgconv "
                            + gconv
                            + " B\ttserv image "
                            + image.size()
                            + " B");
            try (RunningApp app = image.start(rootrun)) {
                app.awaitPort(TSERV_PORT, Duration.ofSeconds(20));
                for (int i = 0; i < 3; i++) {
                    String[] answer = get(TSERV_PORT);
                    assertEquals("HTTP/1.0 200 OK", answer[0], app.output());
                    assertEquals(LATIN1, answer[1], "ISO-8859-1 bytes, one a character");
                }
            }
            // The control: without libgcc_s.so.1 the first worker that ends takes the server down.
            Files.delete(image.path(libdir + "/libgcc_s.so.1"));
            try (RunningApp app = image.start(rootrun)) {
                app.awaitPort(TSERV_PORT, Duration.ofSeconds(20));
                try {
                    get(TSERV_PORT);
                } catch (IOException expected) {
                    // the connection may be reset as the process aborts
                }
                assertNotEquals(0, app.awaitExit(Duration.ofSeconds(20)));
                assertTrue(
                        app.output()
                                .contains(
                                        "libgcc_s.so.1 must be installed for pthread_exit to work"),
                        app.output());
            }
        }
    }

    static String phpSpec() {
        return String.join(
                "\n",
                "image \"php-latin1\" tag \"1.0\"",
                "app \"php\" {",
                "    binary \"/usr/bin/php8.2\"",
                "    args   \"-S\" \"127.0.0.1:" + PHP_PORT + "\" \"-t\" \"/srv/www\"",
                "    libs   \"/usr/lib/php/20220829\"",
                "    files  \"/etc/php/8.2/cli\"",
                "}",
                "user \"www\" uid 10002 gid 10002",
                "config \"/srv/www/index.php\" text \"\"\"",
                "    <?php",
                "    ini_set('html_errors', '0');",
                "    header('Content-Type: text/plain; charset=ISO-8859-1');",
                "    $latin1 = @iconv('UTF-8', 'ISO-8859-1', \"caf\\xC3\\xA9 cr\\xC3\\xA8me\\n\");",
                "    if ($latin1 === false) {",
                "        http_response_code(500);",
                "        echo error_get_last()['message'], \"\\n\";",
                "    } else {",
                "        echo $latin1;",
                "    }",
                "    \"\"\"",
                "port " + PHP_PORT,
                "docker { base scratch }",
                "");
    }

    /**
     * A real interpreter's extension: PHP's iconv() to ISO-8859-1 in the image, served by PHP's own
     * web server; without gconv, the error the issue saw.
     */
    @Test
    void phpsIconvExtension_servesLatin1_andWithoutGconvFailsAsTheIssueSaw() throws Exception {
        RunningApp.assertPortFree(PHP_PORT);
        Images.Build build = build("php", phpSpec(), Images.php());
        String log = build.log();
        assertTrue(
                log.contains(" calls iconv, and glibc dlopens the converter of each charset"), log);
        assertTrue(
                log.matches(
                        "(?s).*distrogen: sizes: [^ ]*/libicudata\\.so\\.[0-9.]+ [0-9.]+ MB <- libicuuc\\.so\\.[0-9.]+ <- "
                                + "libxml2\\.so\\.[0-9.]+ <- php8\\.2 <- binary \"/usr/bin/php8\\.2\"\n.*"),
                "the largest file, and its chain to the binary: " + log);
        assertTrue(
                log.matches(
                        "(?s).*distrogen: sizes: [^ ]*/libc\\.so\\.6 [0-9.]+ MB <- php8\\.2 <- binary \"/usr/bin/php8\\.2\"\n.*"),
                "libc: the binary names it, as do the modules, which are declared later: " + log);
        try (MountedImage image = new MountedImage(built.get(built.size() - 1))) {
            String libdir = libdir(image);
            measure(
                    "php image\t"
                            + image.size()
                            + " B\tgconv "
                            + addedBytes(log, libdir + "/gconv")
                            + " B\tbuild "
                            + Math.round(build.seconds())
                            + " s");
            try (RunningApp app = image.start(rootrun)) {
                app.awaitPort(PHP_PORT, Duration.ofSeconds(30));
                for (int i = 0; i < 2; i++) {
                    String[] answer = get(PHP_PORT);
                    assertEquals("HTTP/1.0 200 OK", answer[0], answer[1] + app.output());
                    assertEquals(LATIN1, answer[1], "ISO-8859-1 bytes, one a character");
                }
            }
            // The control: the same image without gconv, as distrogen made it before.
            Command.check(
                    Duration.ofMinutes(1),
                    "rm",
                    "-rf",
                    "--one-file-system",
                    image.path(libdir + "/gconv").toString());
            try (RunningApp app = image.start(rootrun)) {
                app.awaitPort(PHP_PORT, Duration.ofSeconds(30));
                String[] answer = get(PHP_PORT);
                assertEquals("HTTP/1.0 500 Internal Server Error", answer[0], app.output());
                assertEquals(
                        "iconv(): Wrong encoding, conversion from \"UTF-8\" to \"ISO-8859-1\" is not allowed\n",
                        answer[1]);
            }
        }
    }
}
