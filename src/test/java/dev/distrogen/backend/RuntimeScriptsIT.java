package dev.distrogen.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.distrogen.Golden;
import dev.distrogen.Tools;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The build stage's run-time additions (runtime.sh) and size report (sizes.sh), run by dash, bash
 * and busybox sh as the Dockerfile runs them, after collect.sh filled a staging root from this
 * machine (Debian 12, glibc 2.36, as the image tests' build stages), with programs compiled here:
 * tserv, a threaded server that needs libgcc_s.so.1 only when a worker thread exits, and its
 * modules, one of which converts to ISO-8859-1 with iconv. ldd lists neither need.
 */
class RuntimeScriptsIT {

    static final Path SCRIPTS = CollectBenchmark.SCRIPTS;
    static final Path TSERV = Golden.root().resolve("src/test/resources/apps/tserv");

    @TempDir Path temp;
    Path stage;
    Path root;
    Path bin;

    /** glibc's directory on this machine (the real one of libc.so.6), found, not assumed. */
    String libdir;

    static Stream<String> shells() {
        List<String> shells = new ArrayList<>(CollectScriptIT.shells().toList());
        if (Files.isExecutable(Path.of("/bin/bash"))) {
            shells.add("/bin/bash");
        }
        return shells.stream();
    }

    @BeforeEach
    void compile() throws Exception {
        Tools.requireOnPath("compiles the test server, and the scripts run ldd", "gcc", "ldd");
        stage = temp.resolve("distrogen");
        root = stage.resolve("root");
        bin = temp.resolve("bin");
        Files.createDirectories(bin.resolve("mods"));
        gcc("-o", bin.resolve("tserv"), TSERV.resolve("tserv.c"), "-pthread", "-ldl");
        gcc(
                "-shared",
                "-fPIC",
                "-o",
                bin.resolve("mods/mod_latin1.so"),
                TSERV.resolve("mod_latin1.c"));
        gcc("-shared", "-fPIC", "-o", bin.resolve("mod_hello.so"), TSERV.resolve("mod_hello.c"));
        String ldd = exec(List.of("ldd", bin.resolve("tserv").toString()));
        Matcher libc = Pattern.compile("libc\\.so\\.6 => (/\\S+)").matcher(ldd);
        assertTrue(libc.find(), ldd);
        libdir = Path.of(libc.group(1)).toRealPath().getParent().toString();
    }

    /** The staging root's links point outside the temp dir, which JUnit warns about. */
    @AfterEach
    void removeLinks() throws IOException {
        try (Stream<Path> all = Files.walk(temp)) {
            for (Path p : all.filter(Files::isSymbolicLink).toList()) {
                Files.delete(p);
            }
        }
    }

    record Result(int exit, String out, String err) {}

    private void gcc(Object... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("gcc", "-O2", "-Wall"));
        for (Object a : args) {
            command.add(a.toString());
        }
        exec(command);
    }

    private static String exec(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), command + ": " + out);
        return out;
    }

    /** sh SCRIPT ARG... as a RUN step runs it, with the root at {@link #root}. */
    private Result sh(String shell, Stream<String> env, String script, String... args)
            throws Exception {
        List<String> command = new ArrayList<>(List.of(shell));
        if (shell.endsWith("busybox")) {
            command.add("sh");
        }
        command.add(SCRIPTS.resolve(script).toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("DG_ROOT", root.toString());
        env.forEach(e -> builder.environment().put(e.split("=")[0], e.split("=", 2)[1]));
        Path out = temp.resolve("out");
        Path err = temp.resolve("err");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(process.waitFor(300, TimeUnit.SECONDS), "the script finished");
        return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    private Result sh(String shell, String script, String... args) throws Exception {
        return sh(shell, Stream.empty(), script, args);
    }

    private void collect(String shell, String... args) throws Exception {
        Result r = sh(shell, "collect.sh", args);
        assertEquals(0, r.exit(), r.err());
    }

    private boolean inRoot(String path) {
        return Files.exists(root.resolve(path.substring(1)), LinkOption.NOFOLLOW_LINKS);
    }

    private static long bytes(Path path) throws IOException {
        try (Stream<Path> all = Files.walk(path)) {
            return all.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .mapToLong(p -> p.toFile().length())
                    .sum();
        }
    }

    private static long additions(Result r) {
        return r.out().lines().filter(l -> l.startsWith("distrogen: runtime: + ")).count();
    }

    @ParameterizedTest
    @MethodSource("shells")
    void threadedServer_getsLibgccS_whichLddDoesNotList_andNoConverters(String shell)
            throws Exception {
        collect(shell, "app", bin + "/tserv", "libs", bin + "/mod_hello.so");
        assertFalse(
                exec(List.of("ldd", bin + "/tserv")).contains("libgcc_s"), "ldd does not list it");
        Result r = sh(shell, "runtime.sh");
        assertEquals(0, r.exit(), r.err());
        long size = Files.size(Path.of(libdir, "libgcc_s.so.1"));
        assertEquals(
                "distrogen: runtime: + "
                        + libdir
                        + "/libgcc_s.so.1 ("
                        + size
                        + " B): glibc dlopens it for pthread_exit and thread cancellation, and C++ unwinds with it;"
                        + " ldd does not list it\n",
                r.out(),
                "one line an addition, with its bytes and reason");
        assertTrue(inRoot(libdir + "/libgcc_s.so.1"));
        assertFalse(inRoot(libdir + "/gconv"), "nothing calls iconv: no converters");
        assertFalse(inRoot(libdir + "/libnss_files.so.2"), "glibc 2.36 has files and dns built in");
        assertTrue(
                Files.readString(stage.resolve("declared"))
                        .contains(
                                libdir
                                        + "/libgcc_s.so.1\tglibc, for thread exit and C++ unwinding (runtime.sh)\n"),
                "sizes.sh learns who added it");
    }

    @ParameterizedTest
    @MethodSource("shells")
    void iconvInAModule_getsTheConvertersATraceSaw_withTheirConfiguration(String shell)
            throws Exception {
        collect(shell, "app", bin + "/tserv", "libs", bin + "/mods");
        Path traced = temp.resolve("traced");
        Files.writeString(traced, libdir + "/gconv/ISO8859-1.so\n" + libdir + "/libgcc_s.so.1\n");
        Result r = sh(shell, "runtime.sh", traced.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(inRoot(libdir + "/gconv/gconv-modules"), r.out());
        assertTrue(inRoot(libdir + "/gconv/ISO8859-1.so"), r.out());
        assertFalse(inRoot(libdir + "/gconv/IBM1390.so"), "only what the trace saw");
        assertTrue(
                r.out()
                        .contains(
                                "a converter the trace saw loaded: "
                                        + bin
                                        + "/mods/mod_latin1.so calls iconv, and glibc dlopens the converter of each charset"),
                r.out());
    }

    /**
     * Without a trace every converter comes (the charset is known at run time only), once however
     * often the step runs, and the log's bytes are what the root gained.
     */
    @Test
    void iconvWithoutATrace_getsEveryConverter_once_andSaysItsBytes() throws Exception {
        String shell = shells().findFirst().orElseThrow();
        collect(shell, "app", bin + "/tserv", "libs", bin + "/mods");
        Result first = sh(shell, "runtime.sh");
        Result again = sh(shell, "runtime.sh");
        assertEquals(0, first.exit() + again.exit(), first.err() + again.err());
        assertTrue(inRoot(libdir + "/gconv/IBM1390.so") && inRoot(libdir + "/gconv/gconv-modules"));
        long gconv = bytes(root.resolve(libdir.substring(1) + "/gconv"));
        assertTrue(
                first.out()
                        .contains(
                                "distrogen: runtime: + "
                                        + libdir
                                        + "/gconv ("
                                        + gconv
                                        + " B): every converter"),
                first.out());
        assertEquals(2, additions(first), first.out());
        assertEquals(0, additions(again), "nothing twice: " + again.out());
    }

    @ParameterizedTest
    @MethodSource("shells")
    void glibcOlderThan2_34_getsTheNssModulesOfFilesAndDns(String shell) throws Exception {
        collect(shell, "app", bin + "/tserv");
        Result r = sh(shell, Stream.of("DG_GLIBC_VERSION=2.31"), "runtime.sh");
        assertEquals(0, r.exit(), r.err());
        assertTrue(
                inRoot(libdir + "/libnss_files.so.2") && inRoot(libdir + "/libnss_dns.so.2"),
                r.out());
        assertTrue(
                r.out()
                        .contains(
                                "glibc 2.31 (older than 2.34) dlopens it for dns lookups (nsswitch.conf)"),
                r.out());
        assertEquals(3, additions(r), r.out());
    }

    @ParameterizedTest
    @MethodSource("shells")
    void aRootWithoutGlibc_getsNothing_andOneLineSaysWhy(String shell) throws Exception {
        Path file = temp.resolve("static.txt");
        Files.writeString(file, "no ELF here\n");
        collect(shell, "files", file.toString());
        Result r = sh(shell, "runtime.sh");
        assertEquals(0, r.exit(), r.err());
        assertEquals(
                "distrogen: runtime: no glibc in the image (static, or musl, which loads nothing by itself): nothing to add\n",
                r.out());
    }

    /**
     * Three hops: mods/mod_big.so needs lib/libbig.so (its RUNPATH), which needs lib/libhuge.so (4
     * MB of data); ldd of mod_big lists both, and the report names the direct needer at each step,
     * then the spec's statement.
     */
    @ParameterizedTest
    @MethodSource("shells")
    void sizes_namesTheTenLargest_withTheChainToTheSpecsStatement(String shell) throws Exception {
        Path lib = Files.createDirectories(bin.resolve("lib"));
        Path src = Files.createDirectories(temp.resolve("src"));
        Files.writeString(
                src.resolve("huge.c"),
                "const char huge_data[4000000] = {1};\nint huge(void) { return huge_data[7]; }\n");
        Files.writeString(
                src.resolve("big.c"), "int huge(void);\nint big(void) { return huge() + 1; }\n");
        Files.writeString(
                src.resolve("mod_big.c"),
                "int big(void);\nint tserv_handle(void) { return big(); }\n");
        gcc("-shared", "-fPIC", "-o", lib.resolve("libhuge.so"), src.resolve("huge.c"));
        gcc(
                "-shared",
                "-fPIC",
                "-o",
                lib.resolve("libbig.so"),
                src.resolve("big.c"),
                "-L" + lib,
                "-lhuge",
                "-Wl,-rpath,$ORIGIN");
        gcc(
                "-shared",
                "-fPIC",
                "-o",
                bin.resolve("mods/mod_big.so"),
                src.resolve("mod_big.c"),
                "-L" + lib,
                "-lbig",
                "-Wl,-rpath," + lib);
        collect(shell, "app", bin + "/tserv", "libs", bin + "/mods");
        assertEquals(0, sh(shell, "runtime.sh").exit());
        Result r = sh(shell, "sizes.sh");
        assertEquals(0, r.exit(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(11, lines.size(), r.out());
        long files;
        try (Stream<Path> all = Files.walk(root)) {
            files = all.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).count();
        }
        assertTrue(
                lines.get(0)
                        .matches(
                                "distrogen: sizes: the image holds "
                                        + files
                                        + " files, [0-9.]+ MB; the ten largest, and what pulled each in:"),
                lines.get(0));
        String tservStatement = " <- binary \"" + bin + "/tserv\"";
        assertEquals(
                "distrogen: sizes: "
                        + lib
                        + "/libhuge.so 4.0 MB <- libbig.so <- mod_big.so <- libs \""
                        + bin
                        + "/mods\"",
                lines.get(1));
        assertTrue(
                lines.get(2)
                        .matches(
                                "distrogen: sizes: "
                                        + Pattern.quote(libdir)
                                        + "/libc\\.so\\.6 [0-9.]+ MB <- tserv"
                                        + Pattern.quote(tservStatement)),
                lines.get(2));
        assertTrue(
                lines.stream()
                        .anyMatch(
                                l ->
                                        l.matches(
                                                ".*/ld-[^ /]*\\.so\\.[0-9] [0-9.]+ kB <- tserv"
                                                        + Pattern.quote(tservStatement))),
                r.out());
        assertTrue(
                lines.stream()
                        .filter(l -> l.contains("/gconv/"))
                        .allMatch(
                                l ->
                                        l.endsWith(
                                                " <- glibc's iconv, called by mod_latin1.so (runtime.sh)")),
                r.out());
        assertTrue(lines.stream().anyMatch(l -> l.contains("/gconv/")), r.out());
        assertEquals(
                lines.stream().map(l -> l.replaceAll(" <- .*", "")).toList(),
                sh(shell, "sizes.sh").out().lines().map(l -> l.replaceAll(" <- .*", "")).toList(),
                "the report changes nothing");
    }

    /**
     * An Alpine-like stage: musl and busybox's applets alone on PATH (musl's ldd is its loader's
     * --list). Nothing to add, one line says why, and the report still ends at the statement.
     */
    @Test
    void musl_withBusyboxAlone_getsNothing_andItsSizesStillEndAtTheStatement() throws Exception {
        Tools.requireOnPath("builds the musl program", "musl-gcc", "busybox");
        Path loader;
        try (Stream<Path> lib = Files.list(Path.of("/lib"))) {
            loader =
                    lib.filter(p -> p.getFileName().toString().matches("ld-musl-.*\\.so\\.1"))
                            .findFirst()
                            .orElse(null);
        }
        Tools.require(loader != null, "musl's loader is in /lib");
        Path tools = Files.createDirectories(temp.resolve("busybox"));
        String busybox = exec(List.of("sh", "-c", "command -v busybox")).strip();
        for (String applet : exec(List.of(busybox, "--list")).split("\n")) {
            Files.createSymbolicLink(tools.resolve(applet), Path.of(busybox));
        }
        Files.writeString(
                tools.resolve("ldd"), "#!" + busybox + " sh\nexec " + loader + " --list \"$@\"\n");
        tools.resolve("ldd").toFile().setExecutable(true);
        Path musl = Golden.root().resolve("src/test/resources/integration/musl");
        exec(
                List.of(
                        "musl-gcc",
                        "-O2",
                        "-o",
                        bin + "/hello",
                        musl + "/hello.c",
                        musl + "/greet.c"));
        List<String> path = List.of("PATH=" + tools);
        for (String[] step :
                List.of(
                        new String[] {"collect.sh", "app", bin + "/hello"},
                        new String[] {"runtime.sh"})) {
            Result r =
                    sh(
                            tools + "/sh",
                            path.stream(),
                            step[0],
                            java.util.Arrays.copyOfRange(step, 1, step.length));
            assertEquals(0, r.exit(), r.err());
            if (step[0].equals("runtime.sh")) {
                assertEquals(
                        "distrogen: runtime: no glibc in the image (static, or musl, which loads nothing by itself): nothing to add\n",
                        r.out());
            }
        }
        Result r = sh(tools + "/sh", path.stream(), "sizes.sh");
        assertEquals(0, r.exit(), r.err());
        assertTrue(
                r.out()
                        .lines()
                        .anyMatch(
                                l ->
                                        l.matches(
                                                "distrogen: sizes: /\\S*libc\\S* [0-9.]+ kB <- hello <- binary \""
                                                        + Pattern.quote(bin + "/hello")
                                                        + "\"")),
                r.out());
    }
}
