package dev.distrogen.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.distrogen.Golden;
import dev.distrogen.Tools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The build stage's run-time additions (runtime.sh) and size report (sizes.sh), run by dash, bash
 * and busybox sh against a staging root filled by collect.sh from this machine (Debian 12, glibc
 * 2.36, the same as the image tests' build stages), with test programs compiled here: tserv, a
 * threaded server that needs libgcc_s.so.1 only when a worker thread exits, and its modules, one
 * of which converts to ISO-8859-1 with iconv.
 */
class RuntimeScriptsTest {

    static final Path SCRIPTS = Golden.root().resolve("src/main/resources/dev/distrogen/backend/dockerfile");
    static final Path APPS = Golden.root().resolve("src/test/resources/apps/tserv");
    static final String LIBDIR = "/usr/lib/x86_64-linux-gnu";

    @TempDir
    Path temp;
    Path root;
    Path bin;

    static Stream<String> shells() {
        List<String> shells = new ArrayList<>();
        for (String shell : List.of("/usr/bin/dash", "/usr/bin/bash", "/usr/bin/busybox")) {
            if (Files.isExecutable(Path.of(shell))) {
                shells.add(shell);
            }
        }
        Tools.require(!shells.isEmpty(), "none of dash, bash, busybox is installed");
        return shells.stream();
    }

    @BeforeEach
    void compile() throws Exception {
        Tools.requireOnPath("compiles the test server", "gcc", "ldd");
        Tools.require(Files.exists(Path.of(LIBDIR, "libc.so.6")), "this machine is not Debian x86_64 with glibc");
        root = temp.resolve("root");
        bin = temp.resolve("bin");
        Files.createDirectories(bin);
        run(List.of("gcc", "-O2", "-o", bin.resolve("tserv").toString(), APPS.resolve("tserv.c").toString(), "-pthread", "-ldl"));
        run(List.of("gcc", "-O2", "-shared", "-fPIC", "-o", bin.resolve("mod_latin1.so").toString(),
                APPS.resolve("mod_latin1.c").toString()));
        run(List.of("gcc", "-O2", "-shared", "-fPIC", "-o", bin.resolve("mod_hello.so").toString(),
                APPS.resolve("mod_hello.c").toString()));
    }

    /** The staging root's links point outside the temp dir, which JUnit warns about: removed first. */
    @AfterEach
    void removeLinks() throws IOException {
        try (Stream<Path> all = Files.walk(temp)) {
            for (Path p : all.filter(Files::isSymbolicLink).toList()) {
                Files.delete(p);
            }
        }
    }

    record Result(int exit, String out, String err) {
    }

    private static void run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), command + ": " + out);
    }

    /** Runs {@code script} after sourcing collect.sh, runtime.sh and sizes.sh, with R at the staging root. */
    private Result sh(String shell, String script) throws Exception {
        List<String> command = new ArrayList<>(shell.endsWith("busybox") ? List.of(shell, "sh") : List.of(shell));
        command.addAll(List.of("-c", ". \"$D/collect.sh\"; . \"$D/runtime.sh\"; . \"$D/sizes.sh\"; R=\"$DG_ROOT\"; "
                + "B=\"$DG_BIN\"; mkdir -p \"$R\"; " + script));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("D", SCRIPTS.toString());
        builder.environment().put("DG_ROOT", root.toString());
        builder.environment().put("DG_BIN", bin.toString());
        builder.environment().put("TMPDIR", temp.toString());
        Path out = temp.resolve("out");
        Path err = temp.resolve("err");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(process.waitFor(300, TimeUnit.SECONDS), "the script finished");
        return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    private boolean inRoot(String path) {
        return Files.exists(root.resolve(path.substring(1)));
    }

    @ParameterizedTest
    @MethodSource("shells")
    void threadedServer_getsLibgccS_whichLddDoesNotList_andNoConverters(String shell) throws Exception {
        Result r = sh(shell, "dg_app \"$B/tserv\"; dg_libs \"$B/mod_hello.so\"; ldd \"$B/tserv\"; dg_runtime");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().lines().filter(l -> !l.startsWith("distrogen:")).noneMatch(l -> l.contains("libgcc_s")),
                "ldd does not list it: " + r.out());
        assertTrue(r.out().contains("distrogen: adds " + LIBDIR + "/libgcc_s.so.1 ("), r.out());
        assertTrue(r.out().contains("glibc loads it with dlopen when a thread exits or is cancelled"), r.out());
        assertTrue(inRoot(LIBDIR + "/libgcc_s.so.1"), "copied into the root");
        assertFalse(inRoot(LIBDIR + "/gconv"), "nothing calls iconv: no converters");
        assertFalse(inRoot(LIBDIR + "/libnss_files.so.2"), "glibc 2.36 has files and dns built in");
        assertEquals(1, r.out().lines().filter(l -> l.startsWith("distrogen: adds")).count(), "one line an addition: " + r.out());
    }

    @ParameterizedTest
    @MethodSource("shells")
    void iconvInAModule_getsTheConvertersATraceSaw_withTheirConfiguration(String shell) throws Exception {
        Path traced = temp.resolve("traced");
        Files.writeString(traced, LIBDIR + "/gconv/ISO8859-1.so\n" + LIBDIR + "/libgcc_s.so.1\n");
        Result r = sh(shell, "dg_app \"$B/tserv\"; dg_libs \"$B/mod_latin1.so\"; dg_runtime '" + traced + "'");
        assertEquals(0, r.exit(), r.err());
        assertTrue(inRoot(LIBDIR + "/gconv/gconv-modules"), r.out());
        assertTrue(inRoot(LIBDIR + "/gconv/ISO8859-1.so"), r.out());
        assertFalse(inRoot(LIBDIR + "/gconv/IBM1390.so"), "only what the trace saw");
        assertTrue(r.out().contains("a converter the trace saw loaded: " + bin.resolve("mod_latin1.so") + " calls iconv"), r.out());
    }

    @Test
    void iconvWithoutATrace_getsEveryConverter_once() throws Exception {
        Result r = sh("/usr/bin/dash", "dg_app \"$B/tserv\"; dg_libs \"$B/mod_latin1.so\"; dg_runtime; dg_runtime");
        assertEquals(0, r.exit(), r.err());
        assertTrue(inRoot(LIBDIR + "/gconv/IBM1390.so") && inRoot(LIBDIR + "/gconv/gconv-modules"), r.out());
        assertEquals(1, r.out().lines().filter(l -> l.contains("/gconv (")).count(), "once: " + r.out());
        assertTrue(r.out().contains("every converter and their configuration"), r.out());
    }

    @ParameterizedTest
    @MethodSource("shells")
    void glibcOlderThan2_34_getsTheNssModulesOfFilesAndDns(String shell) throws Exception {
        Result r = sh(shell, "dg_app \"$B/tserv\"; DG_GLIBC_VERSION=2.31 dg_runtime");
        assertEquals(0, r.exit(), r.err());
        assertTrue(inRoot(LIBDIR + "/libnss_files.so.2") && inRoot(LIBDIR + "/libnss_dns.so.2"), r.out());
        assertTrue(r.out().contains("glibc 2.31 (older than 2.34) loads it with dlopen for dns lookups"), r.out());
    }

    @ParameterizedTest
    @MethodSource("shells")
    void aRootWithoutGlibc_getsNothing_andOneLineSaysWhy(String shell) throws Exception {
        Path file = temp.resolve("static.txt");
        Files.writeString(file, "no ELF here\n");
        Result r = sh(shell, "dg_files '" + file + "'; dg_runtime");
        assertEquals(0, r.exit(), r.err());
        assertEquals("distrogen: no glibc in the image (static, or musl, which loads nothing by itself): no run-time additions\n",
                r.out());
    }

    @ParameterizedTest
    @MethodSource("shells")
    void sizes_namesTheTenLargest_withTheChainToTheSpecsStatement(String shell) throws Exception {
        Path traced = temp.resolve("traced");
        Files.writeString(traced, LIBDIR + "/gconv/libCNS.so\n" + LIBDIR + "/gconv/ISO-2022-CN.so\n");
        Result r = sh(shell, "dg_app \"$B/tserv\"; dg_libs \"$B/mod_latin1.so\"; dg_runtime '" + traced + "' >/dev/null; "
                + "dg_sizes app \"$B/tserv\" libs \"$B/mod_latin1.so\"");
        assertEquals(0, r.exit(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals("distrogen: the ten largest files of the image, and what pulled each in:", lines.get(0));
        assertTrue(lines.size() > 5 && lines.size() <= 11, r.out());
        assertTrue(lines.get(1).matches("distrogen:   " + LIBDIR + "/libc\\.so\\.6 [0-9.]+ MB <- tserv <- app \"" + bin
                + "/tserv\""), lines.get(1));
        assertTrue(r.out().contains(LIBDIR + "/gconv/libCNS.so "), r.out());
        assertTrue(lines.stream().anyMatch(l -> l.matches(".*/ld-linux-x86-64\\.so\\.2 [0-9.]+ kB <- libc\\.so\\.6 <- tserv <- app .*")),
                r.out());
        assertTrue(lines.stream().filter(l -> l.contains("/gconv/")).allMatch(l -> l.endsWith("<- the C library, which loads it by itself")),
                r.out());
    }
}
