package dev.distrogen.backend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.distrogen.Golden;
import dev.distrogen.Tools;
import dev.distrogen.backend.dockerfile.DockerfileBackend;
import dev.distrogen.diagnostic.SpecSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The build stage's collection script, run by real shells (dash, and busybox ash as on Alpine): its
 * parsing of recorded ldd output of glibc and musl, and real closures of this machine's programs
 * into a staging root, checked by resolving each path inside that root as the loader in the image
 * will.
 */
class CollectScriptIT {

    static final Path SCRIPTS = Golden.root().resolve("src/main/resources/dev/distrogen/scripts");
    static final Path LDD = Golden.root().resolve("src/test/resources/ldd");

    @TempDir Path temp;

    /**
     * The shells to run under: dash (Debian's sh) and busybox's ash (Alpine's), where installed.
     */
    static Stream<String> shells() {
        List<String> shells = new ArrayList<>();
        for (String shell :
                List.of("/bin/dash", "/usr/bin/dash", "/bin/busybox", "/usr/bin/busybox")) {
            if (Files.isExecutable(Path.of(shell))
                    && shells.stream()
                            .noneMatch(s -> s.endsWith(Path.of(shell).getFileName().toString()))) {
                shells.add(shell);
            }
        }
        if ("1".equals(System.getenv(Tools.REQUIRE))) {
            assertEquals(
                    2, shells.size(), "both dash and busybox must be installed in CI: " + shells);
        }
        Tools.require(!shells.isEmpty(), "neither dash nor busybox is installed");
        return shells.stream();
    }

    record Result(int exit, String out, String err) {}

    /**
     * Removes the staging root's links first: they point outside the temp dir, which JUnit warns
     * about.
     */
    @org.junit.jupiter.api.AfterEach
    void removeLinks() throws IOException {
        removeLinks(temp);
    }

    static void removeLinks(Path temp) throws IOException {
        try (Stream<Path> all = Files.walk(temp)) {
            for (Path p : all.filter(Files::isSymbolicLink).toList()) {
                Files.delete(p);
            }
        }
    }

    /**
     * Runs {@code script} after sourcing the library, with R pointing at a staging root in the temp
     * dir.
     */
    private Result sh(String shell, String script, String... args) throws Exception {
        return sh(
                temp,
                shell,
                ". \"$DG_DIR/collect.sh\"; . \"$DG_DIR/metadata.sh\"; "
                        + "DG_SBOM="
                        + dev.distrogen.plan.ImagePlan.SBOM_PATH
                        + "; "
                        + script,
                args);
    }

    /**
     * Runs {@code script} under {@code shell} in {@code temp}, the scripts' functions only
     * (DG_LIBRARY=1), $R being temp/root.
     */
    static Result sh(Path temp, String shell, String script, String... args) throws Exception {
        List<String> command =
                new ArrayList<>(shell.endsWith("busybox") ? List.of(shell, "sh") : List.of(shell));
        command.addAll(List.of("-c", script, "sh"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(temp.toFile());
        builder.environment().put("DG_ROOT", temp.resolve("root").toString());
        builder.environment().put("DG_DIR", SCRIPTS.toString());
        builder.environment().put("DG_LIBRARY", "1");
        Path out = temp.resolve("out");
        Path err = temp.resolve("err");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the script finished");
        return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    private List<String> libs(String shell, String recording) throws Exception {
        Result r = sh(shell, "dg_ldd_libs < \"$1\"", LDD.resolve(recording).toString());
        assertEquals(0, r.exit(), r.err());
        return r.out().lines().toList();
    }

    @ParameterizedTest
    @MethodSource("shells")
    void lddLibs_glibc_listsEveryLibraryAndTheLoader_notTheVdso(String shell) throws Exception {
        assertEquals(
                List.of(
                        "/lib/x86_64-linux-gnu/libcrypt.so.1",
                        "/lib/x86_64-linux-gnu/libpcre2-8.so.0",
                        "/lib/x86_64-linux-gnu/libssl.so.3",
                        "/lib/x86_64-linux-gnu/libcrypto.so.3",
                        "/lib/x86_64-linux-gnu/libz.so.1",
                        "/lib/x86_64-linux-gnu/libc.so.6",
                        "/lib64/ld-linux-x86-64.so.2"),
                libs(shell, "glibc-x86_64-nginx.txt"));
        assertEquals(
                List.of(
                        "/lib/aarch64-linux-gnu/libpcre2-8.so.0",
                        "/lib/aarch64-linux-gnu/libc.so.6",
                        "/lib/ld-linux-aarch64.so.1"),
                libs(shell, "glibc-aarch64.txt"));
        assertEquals(
                List.of("/opt/my libs/libweird.so", "/lib64/ld-linux-x86-64.so.2"),
                libs(shell, "glibc-space-in-path.txt"));
    }

    @ParameterizedTest
    @MethodSource("shells")
    void lddLibs_musl_listsTheLoaderOnceUnderEachName(String shell) throws Exception {
        assertEquals(
                List.of(
                        "/lib/ld-musl-x86_64.so.1",
                        "/usr/lib/libpcre2-8.so.0",
                        "/lib/libssl.so.1.1",
                        "/lib/libcrypto.so.1.1",
                        "/lib/libz.so.1",
                        "/lib/ld-musl-x86_64.so.1"),
                libs(shell, "musl-x86_64-nginx.txt"));
    }

    @ParameterizedTest
    @MethodSource("shells")
    void lddMissing_namesWhatTheBuildStageLacks(String shell) throws Exception {
        Result r =
                sh(shell, "dg_ldd_missing < \"$1\"", LDD.resolve("glibc-not-found.txt").toString());
        assertEquals(List.of("libfoo.so.1", "libbar.so.2"), r.out().lines().toList());
        assertEquals(
                "",
                sh(
                                shell,
                                "dg_ldd_missing < \"$1\"",
                                LDD.resolve("glibc-x86_64-nginx.txt").toString())
                        .out());
        assertEquals(
                List.of("libgone.so.1"),
                sh(shell, "dg_ldd_missing < \"$1\"", LDD.resolve("musl-not-found.txt").toString())
                        .out()
                        .lines()
                        .toList());
    }

    /**
     * A JNI library: ldd on Debian's lib/libextnet.so alone cannot find libjvm.so (recorded), which
     * lives in lib/server and is already collected by dg_libs; ldd then runs again with
     * LD_LIBRARY_PATH=lib/server (recorded too) and libjvm.so's own libraries (libstdc++) come.
     */
    @ParameterizedTest
    @MethodSource("shells")
    void closure_findsALibraryLddMissesAmongTheCollectedFiles_andItsOwnClosure(String shell)
            throws Exception {
        Path stage = jvmStage(true);
        Result r =
                sh(
                        shell,
                        "PATH=\"$1:$PATH\"; dg_libs \"$2\"",
                        fakeJvmLdd(stage).toString(),
                        stage.resolve(JVM.substring(1) + "/lib").toString());
        assertEquals(0, r.exit(), r.err());
        Path root = temp.resolve("root");
        assertTrue(Files.isRegularFile(resolveInside(root, stage + JVM + "/lib/server/libjvm.so")));
        assertSameFile(
                Path.of("/lib/x86_64-linux-gnu/libstdc++.so.6").toRealPath(),
                resolveInside(root, "/lib/x86_64-linux-gnu/libstdc++.so.6"));
    }

    @ParameterizedTest
    @MethodSource("shells")
    void closure_aLibraryFoundNowhere_failsNamingTheObjectAndTheSoname(String shell)
            throws Exception {
        Path stage = jvmStage(false);
        Result r =
                sh(
                        shell,
                        "PATH=\"$1:$PATH\"; dg_libs \"$2\"",
                        fakeJvmLdd(stage).toString(),
                        stage.resolve(JVM.substring(1) + "/lib").toString());
        assertNotEquals(0, r.exit());
        assertEquals(
                "distrogen/collect.sh:"
                        + line("collect.sh", "dg_die no-library ")
                        + ": "
                        + stage
                        + JVM
                        + "/lib/libextnet.so needs libjvm.so, which the build stage does not have: "
                        + "neither ldd, nor the files collected for the image, nor the RUNPATH/RPATH of "
                        + stage
                        + JVM
                        + "/lib/libextnet.so find it\n",
                r.err());
    }

    /**
     * A real plugin built here: plugin.so has RUNPATH $ORIGIN/private and needs libb.so, which
     * needs libc2.so beside it; a RUNPATH serves only its own object's needs, so the real ldd finds
     * libb.so but not libc2.so. The plugin's RUNPATH finds it, by readelf or by its $ORIGIN string.
     */
    @ParameterizedTest
    @MethodSource("shells")
    void closure_followsTheObjectsRunpathWithOrigin_forWhatItsDependenciesNeed(String shell)
            throws Exception {
        Tools.requireOnPath("the RUNPATH test compiles shared libraries", "gcc");
        Path dir = Files.createDirectories(temp.resolve("stage/plugins/private"));
        Path src = Files.writeString(temp.resolve("x.c"), "int c2(void){return 2;}\n");
        gcc("-shared", "-fPIC", "-o", dir.resolve("libc2.so").toString(), src.toString());
        Files.writeString(src, "int c2(void); int b(void){return c2();}\n");
        gcc(
                "-shared",
                "-fPIC",
                "-o",
                dir.resolve("libb.so").toString(),
                src.toString(),
                "-L" + dir,
                "-lc2");
        Files.writeString(src, "int b(void); int p(void){return b();}\n");
        Path plugin = dir.getParent().resolve("plugin.so");
        gcc(
                "-shared",
                "-fPIC",
                "-o",
                plugin.toString(),
                src.toString(),
                "-L" + dir,
                "-lb",
                "-Wl,--enable-new-dtags,-rpath,$ORIGIN/private");
        Process ldd =
                new ProcessBuilder("ldd", plugin.toString()).redirectErrorStream(true).start();
        assertTrue(
                new String(ldd.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                        .contains("libc2.so => not found"),
                "the case ldd alone cannot resolve");
        ldd.waitFor();
        Result r = sh(shell, "dg_files \"$1\"; dg_closure \"$1\"", plugin.toString());
        assertEquals(0, r.exit(), r.err());
        assertSameFile(
                dir.resolve("libc2.so"),
                resolveInside(temp.resolve("root"), dir.resolve("libc2.so").toString()));
        Result scan = sh(shell, "readelf() { :; }; dg_runpath \"$1\"", plugin.toString());
        assertEquals(
                List.of(dir.toString()),
                scan.out().lines().toList(),
                "without readelf, from the $ORIGIN string");
    }

    @ParameterizedTest
    @MethodSource("shells")
    void app_copiesTheProgramItsLibrariesAndTheLoader_asTheyResolveHere(String shell)
            throws Exception {
        Path program = Path.of("/usr/bin/env");
        Result r = sh(shell, "dg_app \"$1\"", program.toString());
        assertEquals(0, r.exit(), r.err());
        Path root = temp.resolve("root");
        assertSameFile(program, resolveInside(root, program.toString()));
        for (String lib : hostLdd(program)) {
            assertSameFile(Path.of(lib), resolveInside(root, lib));
        }
    }

    @ParameterizedTest
    @MethodSource("shells")
    void need_mirrorsEverySymlinkOnTheWay_relativeAbsoluteAndThroughDirectories(String shell)
            throws Exception {
        Path stage = Files.createDirectories(temp.resolve("stage"));
        Path real = Files.createDirectories(stage.resolve("real"));
        Files.writeString(real.resolve("file"), "content");
        Files.createSymbolicLink(stage.resolve("dirlink"), Path.of("real"));
        Files.createSymbolicLink(stage.resolve("abslink"), stage.resolve("dirlink/file"));
        Files.createSymbolicLink(stage.resolve("chain1"), Path.of("chain2"));
        Files.createSymbolicLink(stage.resolve("chain2"), Path.of("./dirlink/../real/file"));
        Result r =
                sh(
                        shell,
                        "dg_files \"$1\"; dg_files \"$2\"",
                        stage.resolve("abslink").toString(),
                        stage.resolve("chain1").toString());
        assertEquals(0, r.exit(), r.err());
        Path root = temp.resolve("root");
        assertEquals(
                Path.of("real"),
                Files.readSymbolicLink(
                        root.resolve(stage.toString().substring(1)).resolve("dirlink")));
        for (String name : List.of("abslink", "chain1", "chain2", "dirlink/file")) {
            assertEquals(
                    "content",
                    Files.readString(resolveInside(root, stage.resolve(name).toString())),
                    name);
        }
    }

    @ParameterizedTest
    @MethodSource("shells")
    void need_copiesDirectoriesWithTheirModes_andStopsAtLinkLoops(String shell) throws Exception {
        Path dir = Files.createDirectories(temp.resolve("stage/mods/sub"));
        Files.writeString(dir.resolve("mod.so"), "x");
        Files.setPosixFilePermissions(
                dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-x---"));
        Files.createSymbolicLink(dir.resolve("self"), Path.of(".."));
        Result r = sh(shell, "dg_libs \"$1\"", temp.resolve("stage/mods").toString());
        assertEquals(0, r.exit(), r.err());
        Path copied = temp.resolve("root").resolve(dir.toString().substring(1));
        assertEquals("x", Files.readString(copied.resolve("mod.so")));
        assertEquals(
                "rwxr-x---",
                java.nio.file.attribute.PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(copied)));
        assertTrue(Files.isSymbolicLink(copied.resolve("self")));
    }

    /**
     * Issue 17, item 6: a name holding a line break ("a<newline>b.so") beside a directory named as
     * its first half. Names once went through `find | while read`: the file was lost and a
     * directory made outside the root ($R + "b.so"). Now the file comes as it is, and nothing lands
     * beside the root.
     */
    @ParameterizedTest
    @MethodSource("shells")
    void libs_aNameWithALineBreak_isCopiedAsItIs_andNothingLandsOutsideTheRoot(String shell)
            throws Exception {
        Path mods = Files.createDirectories(temp.resolve("stage/mods/a"));
        Files.writeString(mods.resolveSibling("a\nb.so"), "plugin");
        Files.writeString(mods.resolveSibling("a\n"), "trailing");
        Result r = sh(shell, "dg_libs \"$1\"", mods.getParent().toString());
        assertEquals(0, r.exit(), r.err());
        Path copied = temp.resolve("root").resolve(mods.getParent().toString().substring(1));
        assertEquals("plugin", Files.readString(copied.resolve("a\nb.so")));
        assertEquals("trailing", Files.readString(copied.resolve("a\n")));
        assertTrue(Files.isDirectory(copied.resolve("a")));
        try (Stream<Path> beside = Files.list(temp)) {
            assertEquals(
                    List.of("err", "out", "root", "stage"),
                    beside.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    /**
     * A link whose name and target hold line breaks is mirrored byte for byte, and what it points
     * to comes.
     */
    @ParameterizedTest
    @MethodSource("shells")
    void need_aLinkWithLineBreaksInNameAndTarget_isMirroredExactly(String shell) throws Exception {
        Path stage = Files.createDirectories(temp.resolve("stage"));
        Files.writeString(stage.resolve("real\n"), "content");
        Files.createSymbolicLink(stage.resolve("link\n"), Path.of("real\n"));
        Result r = sh(shell, "dg_files \"$1\"", stage.resolve("link\n").toString());
        assertEquals(0, r.exit(), r.err());
        Path copied = temp.resolve("root").resolve(stage.toString().substring(1));
        assertEquals(Path.of("real\n"), Files.readSymbolicLink(copied.resolve("link\n")));
        assertEquals("content", Files.readString(copied.resolve("real\n")));
    }

    /**
     * Issue 17, item 7: a dangling link under a libs or files dir, never declared itself, is copied
     * as the link it is, with a line in the build log; the build goes on.
     */
    @ParameterizedTest
    @MethodSource("shells")
    void libsAndFiles_aDanglingLinkInside_isCopiedAsALink_withALogLine(String shell)
            throws Exception {
        Path mods = Files.createDirectories(temp.resolve("stage/mods"));
        Files.writeString(mods.resolve("real.so"), "x");
        Files.createSymbolicLink(mods.resolve("gone.so"), Path.of("/distrogen-nowhere/gone.so.1"));
        Path share = Files.createDirectories(temp.resolve("stage/share"));
        Files.createSymbolicLink(share.resolve("old"), Path.of("../missing/dir/file"));
        Result r =
                sh(
                        shell,
                        "dg_libs \"$1\"; dg_files \"$2\"; echo done",
                        mods.toString(),
                        share.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals(
                List.of(
                        "distrogen: "
                                + mods
                                + "/gone.so is a dangling symbolic link (nothing at /distrogen-nowhere/gone.so.1 in "
                                + "the build stage): copied as the link it is",
                        "distrogen: "
                                + share
                                + "/old is a dangling symbolic link (nothing at "
                                + temp.resolve("stage/missing/dir/file")
                                + " in the build stage): copied as the link it is",
                        "done"),
                r.out().lines().toList());
        Path root = temp.resolve("root");
        assertEquals(
                Path.of("/distrogen-nowhere/gone.so.1"),
                Files.readSymbolicLink(root.resolve(mods.toString().substring(1) + "/gone.so")));
        assertEquals(
                Path.of("../missing/dir/file"),
                Files.readSymbolicLink(root.resolve(share.toString().substring(1) + "/old")));
        assertEquals(
                "x", Files.readString(root.resolve(mods.toString().substring(1) + "/real.so")));
    }

    /**
     * A declared path that is itself a dangling link still stops the build: the spec asked for it.
     */
    @ParameterizedTest
    @MethodSource("shells")
    void files_aDeclaredDanglingLink_stillFailsNamingIt(String shell) throws Exception {
        Path stage = Files.createDirectories(temp.resolve("stage"));
        Files.createSymbolicLink(stage.resolve("conf"), Path.of("nowhere"));
        Result r = sh(shell, "dg_files \"$1\"", stage.resolve("conf").toString());
        assertEquals(1, r.exit());
        assertTrue(
                r.err()
                        .endsWith(
                                ": "
                                        + stage.resolve("conf")
                                        + " is declared in the spec but does not exist in the build stage\n"),
                r.err());
    }

    /**
     * Collecting a tree is a cp -a and no process per file: 2,000 files, and 400 levels deep,
     * within 10 times what cp -a takes here (the README's benchmark measures the full sizes; a
     * process per file, as before, took over 50 times).
     */
    @ParameterizedTest
    @MethodSource("shells")
    void libs_aBigTree_takesAboutWhatCpTakes(String shell) throws Exception {
        Path wide = CollectBenchmark.files(temp.resolve("wide"), 2_000);
        Path deep = CollectBenchmark.deep(temp.resolve("deep"), 400);
        for (Path tree : List.of(wide, deep)) {
            CollectBenchmark.Timing t = CollectBenchmark.time(shell, tree, temp, 1);
            assertTrue(t.collect() < 10 * t.copy() + 0.5, tree.getFileName() + ": " + t);
        }
    }

    @ParameterizedTest
    @MethodSource("shells")
    void missingPath_failsTheBuild_namingIt(String shell) throws Exception {
        Result r = sh(shell, "dg_app /usr/bin/distrogen-no-such-program");
        assertNotEquals(0, r.exit());
        assertEquals(
                "distrogen/lib.sh:"
                        + line("lib.sh", "dg_die missing ")
                        + ": /usr/bin/distrogen-no-such-program is declared in the spec but does not exist in the build "
                        + "stage\n",
                r.err());
    }

    @ParameterizedTest
    @MethodSource("shells")
    void missingLibrary_failsTheBuild_namingIt(String shell) throws Exception {
        Path bin = Files.createDirectories(temp.resolve("fakebin"));
        Path fakeLdd = bin.resolve("ldd");
        Files.writeString(fakeLdd, "#!/bin/sh\ncat '" + LDD.resolve("glibc-not-found.txt") + "'\n");
        fakeLdd.toFile().setExecutable(true);
        Path elf = temp.resolve("app");
        Files.write(elf, new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1});
        Result r = sh(shell, "PATH=\"$1:$PATH\"; dg_app \"$2\"", bin.toString(), elf.toString());
        assertNotEquals(0, r.exit());
        assertTrue(
                r.err()
                        .contains(
                                ": "
                                        + elf
                                        + " needs libbar.so.2, which the build stage does not have"),
                r.err());
    }

    /**
     * The build stage as generated with -o DIR, run here: every RUN of the Dockerfile, joined as
     * Docker joins it, runs its script from the written distrogen/ folder (COPY puts the same files
     * at /distrogen/ in the stage), under the shell being tested. chown is a no-op here.
     */
    @ParameterizedTest
    @MethodSource("shells")
    void generatedBuildStage_runsItsScriptsFromTheWrittenFolder(String shell) throws Exception {
        String spec =
                "app \"env\" { binary \"/usr/bin/env\" files \"/etc/os-release\" }\nuser \"u\" uid 10001 gid 10001\n"
                        + "config \"/etc/app/it is $x;`y`.conf\" text \"\"\"\n    a 'quoted' line \\\\ with $HOME\n    <<EOF\n    \"\"\" mode 0640\n"
                        + "docker { from \"debian:12\" }\n";
        var c = dev.distrogen.Compiler.compile(new SpecSource("t.dl", temp, spec));
        Path context = Files.createDirectories(temp.resolve("context"));
        String dockerfile = null;
        for (GeneratedFile file :
                new DockerfileBackend()
                        .generate(new GenerationRequest(c.plan().orElseThrow(), "t.dl", true))) {
            Path target = context.resolve(file.path());
            Files.createDirectories(target.getParent());
            Files.write(target, file.content());
            dockerfile = dockerfile == null ? file.text() : dockerfile;
        }
        List<String> runs =
                dockerfile
                        .replace("\\\n", "")
                        .lines()
                        .filter(l -> l.startsWith("RUN "))
                        .map(l -> l.substring(4))
                        .toList();
        assertEquals(
                List.of(
                        "sh /distrogen/collect.sh app /usr/bin/env files /etc/os-release",
                        "sh /distrogen/runtime.sh",
                        "sh /distrogen/metadata.sh /usr/share/sbom/image.cdx.json",
                        "sh /distrogen/layout.sh /distrogen/layout",
                        "sh /distrogen/sizes.sh",
                        "sh /distrogen/layers.sh /distrogen/layout/layers"),
                runs);
        Path bin = Files.createDirectories(temp.resolve("nochown"));
        Files.writeString(bin.resolve("chown"), "#!/bin/sh\n");
        bin.resolve("chown").toFile().setExecutable(true);
        String sh = shell.endsWith("busybox") ? shell + " sh" : shell;
        for (String run : runs) {
            String local =
                    "PATH="
                            + bin
                            + ":$PATH; "
                            + run.replace(" /distrogen/layout", " " + context + "/distrogen/layout")
                                    .replaceFirst(
                                            "^sh /distrogen/", sh + " " + context + "/distrogen/");
            ProcessBuilder builder =
                    new ProcessBuilder(List.of("/bin/sh", "-c", local)).redirectErrorStream(true);
            builder.environment().put("DG_ROOT", temp.resolve("root").toString());
            Process p = builder.start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue(), run + "\n" + output);
        }
        assertTrue(!Files.exists(temp.resolve("root")), "the root is split into the layers");
        String realEnv = Path.of("/usr/bin/env").toRealPath().toString();
        assertTrue(Files.isRegularFile(temp.resolve("app" + realEnv)), "the program: the app's");
        assertTrue(
                Files.isRegularFile(temp.resolve("conf/etc/app/it is $x;`y`.conf")),
                "the config: its own layer");
        assertTrue(
                Files.isRegularFile(temp.resolve("app/etc/passwd"))
                        && Files.isDirectory(temp.resolve("app/tmp")),
                "the accounts and the spec's dirs: the app's");
        try (Stream<Path> libs = Files.walk(temp.resolve("libs"))) {
            assertTrue(
                    libs.anyMatch(f -> f.getFileName().toString().startsWith("libc.so")),
                    "the closure stays below");
        }
        // The image: the layers copied one over the other, as the final stage's COPYs do.
        Path root = Files.createDirectories(temp.resolve("image"));
        for (String layer : List.of("libs", "app", "conf")) {
            Process cp =
                    new ProcessBuilder(
                                    "cp", "-a", temp.resolve(layer) + "/.", root.toString() + "/")
                            .inheritIO()
                            .start();
            assertTrue(cp.waitFor(60, TimeUnit.SECONDS) && cp.exitValue() == 0, layer);
        }
        assertSameFile(Path.of("/usr/bin/env"), resolveInside(root, "/usr/bin/env"));
        assertTrue(Files.exists(resolveInside(root, "/etc/os-release")));
        try (Stream<Path> all = Files.walk(root)) {
            assertTrue(
                    all.anyMatch(p -> p.getFileName().toString().equals("libgcc_s.so.1")),
                    "runtime.sh added what glibc dlopens for thread exit");
        }
        if (Files.isRegularFile(Path.of("/var/lib/dpkg/status"))) {
            // This machine's own dpkg database: env's package and its libraries' have their
            // stanzas.
            Path statusD = root.resolve("var/lib/dpkg/status.d");
            assertTrue(
                    Files.readString(statusD.resolve("coreutils"))
                            .startsWith("Package: coreutils\n"));
            assertTrue(
                    Files.isRegularFile(statusD.resolve("libc6")),
                    "libc6, which owns the loader and libc");
        }
        assertEquals(
                "a 'quoted' line \\\\ with $HOME\n<<EOF\n",
                Files.readString(root.resolve("etc/app/it is $x;`y`.conf")));
        assertEquals(
                "1777",
                String.format(
                        "%o",
                        (Integer) Files.getAttribute(root.resolve("tmp"), "unix:mode") & 07777));
        assertEquals(
                "640",
                String.format(
                        "%o",
                        (Integer)
                                        Files.getAttribute(
                                                root.resolve("etc/app/it is $x;`y`.conf"),
                                                "unix:mode")
                                & 07777),
                "the config's mode from the layout");
    }

    /**
     * builder nix cannot be built here (no nixos/nix image offline): its stage runs nix-collect.sh
     * with the attributes.
     */
    @org.junit.jupiter.api.Test
    void nixBuilder_runsNixCollectWithTheAttributes() throws Exception {
        Path spec = Golden.root().resolve("examples/nginx-nixpkgs/nginx.dl");
        var c = dev.distrogen.Compiler.compile(spec, "nginx.dl");
        String dockerfile =
                new dev.distrogen.backend.dockerfile.DockerfileBackend()
                        .generate(new GenerationRequest(c.plan().orElseThrow(), "nginx.dl", false))
                        .get(0)
                        .text();
        assertTrue(
                dockerfile.contains(
                        "FROM nixos/nix:2.24.9 AS build\nUSER 0:0\nCOPY distrogen/*.sh /distrogen/\n"
                                + "COPY distrogen/nixpkgs.nix /distrogen/\n"
                                + "RUN sh /distrogen/nix-collect.sh --sbom /usr/share/sbom/image.cdx.json nginx\n"),
                dockerfile);
        assertTrue(dockerfile.contains("ENTRYPOINT [\"/usr/local/bin/nginx\"]"), dockerfile);
    }

    // --- scanner metadata (metadata.sh, sbom.sh), against recorded databases

    static final Path DATABASES = Golden.root().resolve("src/test/resources/scan");

    /**
     * A stage root with the recorded dpkg database and usrmerge's links (/lib -> usr/lib, /bin ->
     * usr/bin, /lib64 -> usr/lib64). libc6 registers /lib/x86_64-linux-gnu/libc.so.6 and
     * /lib64/ld-linux-x86-64.so.2, coreutils /bin/cat, as bookworm's do; zlib1g registers
     * /usr/lib/x86_64-linux-gnu/libz.so.1, as packages moved to /usr do. $R holds each file under
     * its real path, as dg_need copies it.
     */
    private Path dpkgStage() throws IOException {
        Path stage = Files.createDirectories(temp.resolve("stage"));
        copyTree(DATABASES.resolve("dpkg"), Files.createDirectories(stage.resolve("var/lib/dpkg")));
        Files.createDirectories(stage.resolve("usr/lib/x86_64-linux-gnu"));
        Files.createDirectories(stage.resolve("usr/bin"));
        Files.createDirectories(stage.resolve("usr/lib64"));
        Files.createSymbolicLink(stage.resolve("lib"), Path.of("usr/lib"));
        Files.createSymbolicLink(stage.resolve("bin"), Path.of("usr/bin"));
        Files.createSymbolicLink(stage.resolve("lib64"), Path.of("usr/lib64"));
        Path root = temp.resolve("root");
        for (String file :
                List.of(
                        "usr/lib/x86_64-linux-gnu/libc.so.6",
                        "usr/lib/x86_64-linux-gnu/libz.so.1.2.13",
                        "usr/bin/cat",
                        "etc/app.conf")) {
            Files.createDirectories(root.resolve(file).getParent());
            Files.writeString(root.resolve(file), file);
        }
        Files.createSymbolicLink(root.resolve("lib"), Path.of("usr/lib"));
        Files.createSymbolicLink(
                root.resolve("usr/lib/x86_64-linux-gnu/libz.so.1"), Path.of("libz.so.1.2.13"));
        Files.createDirectories(root.resolve("usr/lib64"));
        Files.createSymbolicLink(
                root.resolve("usr/lib64/ld-linux-x86-64.so.2"),
                Path.of("/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2"));
        return stage.toRealPath();
    }

    @ParameterizedTest
    @MethodSource("shells")
    void dpkgOwners_matchThroughUsrmergeBothWays_andNameWhatNoPackageOwns(String shell)
            throws Exception {
        Path stage = dpkgStage();
        Result r =
                sh(
                        shell,
                        "dg_root_files > \"$R.files\"; dg_dpkg_paths \"$1\" | dg_owners \"$1\" \"$R.files\" > \"$R.owners\"; "
                                + "cat \"$R.owners\"; dg_unowned \"$R.files\" \"$R.owners\"",
                        stage.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals(
                List.of(
                        "coreutils /usr/bin/cat",
                        "libc6 /usr/lib/x86_64-linux-gnu/libc.so.6",
                        "libc6 /usr/lib64/ld-linux-x86-64.so.2",
                        "zlib1g /usr/lib/x86_64-linux-gnu/libz.so.1",
                        "zlib1g /usr/lib/x86_64-linux-gnu/libz.so.1.2.13",
                        "distrogen: no package owns /etc/app.conf: scanners will not see it"),
                r.out().lines().toList());
    }

    @ParameterizedTest
    @MethodSource("shells")
    void metadata_dpkg_writesOneStanzaPerOwningPackage_asTheStatusHasIt(String shell)
            throws Exception {
        Path stage = dpkgStage();
        // Ubuntu's release files: scanners tell Ubuntu from Debian by /etc/lsb-release.
        Files.createDirectories(stage.resolve("etc"));
        Files.writeString(stage.resolve("usr/lib/os-release"), "ID=ubuntu\nVERSION_ID=\"24.04\"\n");
        Files.createSymbolicLink(stage.resolve("etc/os-release"), Path.of("../usr/lib/os-release"));
        Files.writeString(stage.resolve("etc/debian_version"), "trixie/sid\n");
        Files.writeString(
                stage.resolve("etc/lsb-release"), "DISTRIB_ID=Ubuntu\nDISTRIB_RELEASE=24.04\n");
        Result r = sh(shell, "DG_STAGE=\"$1\"; dg_metadata", stage.toString());
        assertEquals(0, r.exit(), r.err());
        // The release files land under DG_STAGE's own path here, where this fixture's lists do not
        // name them.
        assertEquals(
                List.of(
                        "distrogen: no package owns /etc/app.conf: scanners will not see it",
                        "distrogen: package metadata for scanners: 3 packages own the image's files"),
                r.out().lines().filter(l -> !l.contains(stage.toString())).toList());
        Path statusD = temp.resolve("root/var/lib/dpkg/status.d");
        Map<String, String> recorded = new TreeMap<>();
        for (String stanza : Files.readString(DATABASES.resolve("dpkg/status")).split("\n\n")) {
            recorded.put(
                    stanza.substring("Package: ".length(), stanza.indexOf('\n')),
                    stanza.strip() + "\n");
        }
        try (Stream<Path> files = Files.list(statusD)) {
            assertEquals(
                    List.of("coreutils", "libc6", "zlib1g"),
                    files.map(f -> f.getFileName().toString()).sorted().toList(),
                    "not nginx-removed: its status is deinstall");
        }
        for (String pkg : List.of("coreutils", "libc6", "zlib1g")) {
            assertEquals(recorded.get(pkg), Files.readString(statusD.resolve(pkg)), pkg);
        }
        assertTrue(
                Files.readString(statusD.resolve("zlib1g"))
                        .contains("\nVersion: 1:1.2.13.dfsg-1\n"),
                "the epoch is kept");
        // The release files, as dg_need copies them (DG_STAGE's paths, links and all, in the
        // staging root).
        Path copied = temp.resolve("root").resolve(stage.toString().substring(1));
        for (String file : List.of("etc/os-release", "etc/debian_version", "etc/lsb-release")) {
            assertEquals(
                    Files.readString(stage.resolve(file)),
                    Files.readString(copied.resolve(file)),
                    file);
        }
        assertTrue(
                Files.isSymbolicLink(copied.resolve("etc/os-release")),
                "os-release arrives as the link it is, with its target");
    }

    @ParameterizedTest
    @MethodSource("shells")
    void metadata_apk_keepsTheOwningPackagesEntries_inTheDatabasesOrder(String shell)
            throws Exception {
        Path stage = Files.createDirectories(temp.resolve("stage"));
        Path installed = Golden.root().resolve("src/test/resources/integration/musl/installed");
        Files.createDirectories(stage.resolve("lib/apk/db"));
        Files.copy(installed, stage.resolve("lib/apk/db/installed"));
        Path root = temp.resolve("root");
        for (String file :
                List.of(
                        "lib/ld-musl-x86_64.so.1",
                        "usr/bin/hello",
                        "usr/lib/libgreet.so.1.0",
                        "etc/passwd")) {
            Files.createDirectories(root.resolve(file).getParent());
            Files.writeString(root.resolve(file), file);
        }
        Files.createSymbolicLink(root.resolve("usr/lib/libgreet.so.1"), Path.of("libgreet.so.1.0"));
        Result r = sh(shell, "DG_STAGE=\"$1\"; dg_metadata", stage.toRealPath().toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals(
                List.of(
                        "distrogen: no package owns /etc/passwd: scanners will not see it",
                        "distrogen: package metadata for scanners: 3 packages own the image's files"),
                r.out().lines().toList());
        List<String> expected = new ArrayList<>();
        for (String stanza : Files.readString(installed).split("\n\n")) {
            if (stanza.contains("\nP:musl\n")
                    || stanza.contains("\nP:libgreet\n")
                    || stanza.contains("\nP:hello\n")) {
                expected.add(stanza.strip() + "\n");
            }
        }
        assertEquals(
                String.join("\n", expected) + "\n",
                Files.readString(root.resolve("lib/apk/db/installed")));
    }

    @ParameterizedTest
    @MethodSource("shells")
    void metadata_withoutAPackageDatabase_saysSoOnce_writesNothing_andSucceeds(String shell)
            throws Exception {
        Path stage = Files.createDirectories(temp.resolve("stage"));
        Path root = Files.createDirectories(temp.resolve("root/usr/bin"));
        Files.writeString(root.resolve("app"), "built from source");
        // PATH without rpm: this machine has dpkg, which DG_STAGE keeps out of sight.
        Path bin = Files.createDirectories(temp.resolve("bin"));
        for (String tool : List.of("find", "sed", "sort", "awk", "mkdir", "rm", "cat", "wc")) {
            Path real = Path.of("/usr/bin", tool);
            Files.createSymbolicLink(
                    bin.resolve(tool), Files.exists(real) ? real : Path.of("/bin", tool));
        }
        Result r =
                sh(
                        shell,
                        "PATH=\"$2\"; DG_STAGE=\"$1\"; dg_metadata; echo done",
                        stage.toString(),
                        bin.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals(
                List.of(
                        "distrogen: the build stage has no package database (dpkg, apk or rpm): the image carries no package "
                                + "metadata for scanners",
                        "done"),
                r.out().lines().toList());
        try (Stream<Path> all = Files.walk(temp.resolve("root"))) {
            assertEquals(
                    List.of("/usr/bin/app"),
                    all.filter(Files::isRegularFile)
                            .map(p -> "/" + temp.resolve("root").relativize(p))
                            .toList());
        }
    }

    /**
     * rpm cannot be reduced: rpm -qf names the owners, and a CycloneDX SBOM lists them with epoch,
     * version and release.
     */
    @ParameterizedTest
    @MethodSource("shells")
    void metadata_rpm_writesASbomOfTheOwningPackages(String shell) throws Exception {
        Path stage = Files.createDirectories(temp.resolve("stage"));
        Path root = Files.createDirectories(temp.resolve("root/usr/lib64"));
        Files.writeString(root.resolve("libc.so.6"), "glibc");
        Files.writeString(root.resolve("libcrypto.so.3"), "openssl");
        Files.createDirectories(temp.resolve("root/etc"));
        Files.writeString(temp.resolve("root/etc/app.conf"), "mine");
        // A recorded rpm: its answers to -qa, -qf and -q for a Fedora stage's glibc and
        // openssl-libs.
        Path bin = Files.createDirectories(temp.resolve("fakebin"));
        Files.writeString(
                bin.resolve("rpm"),
                String.join(
                        "\n",
                        "#!/bin/sh",
                        "case \"$1 $4\" in",
                        "  '-qa '*) echo glibc-2.39-17.fc40.x86_64; echo openssl-libs-3.2.2-3.fc40.x86_64 ;;",
                        "  '-qf /usr/lib64/libc.so.6') echo glibc ;;",
                        "  '-qf /usr/lib64/libcrypto.so.3') echo openssl-libs ;;",
                        "  '-qf '*) echo \"file $4 is not owned by any package\"; exit 1 ;;",
                        "  '-q glibc') printf 'glibc\\t2.39-17.fc40\\tpkg:rpm/glibc@2.39-17.fc40?arch=x86_64\\n' ;;",
                        "  '-q openssl-libs') printf 'openssl-libs\\t1:3.2.2-3.fc40\\tpkg:rpm/openssl-libs@3.2.2-3.fc40?arch=x86_64&epoch=1\\n' ;;",
                        "  *) exit 2 ;;",
                        "esac",
                        ""));
        bin.resolve("rpm").toFile().setExecutable(true);
        Result r =
                sh(
                        shell,
                        "PATH=\"$2:$PATH\"; DG_STAGE=\"$1\"; dg_metadata",
                        stage.toString(),
                        bin.toString());
        assertEquals(0, r.exit(), r.err());
        if (shell.endsWith("busybox")) {
            // busybox ash runs its own rpm applet, which has no database (-qa): as in an Alpine
            // stage, no metadata.
            assertTrue(
                    r.out().startsWith("distrogen: the build stage has no package database"),
                    r.out());
            return;
        }
        assertTrue(
                r.out()
                        .contains(
                                "distrogen: package metadata for scanners: 2 packages own the image's files"),
                r.out());
        assertTrue(r.out().contains("distrogen: no package owns /etc/app.conf"), r.out());
        var sbom =
                new com.fasterxml.jackson.databind.ObjectMapper()
                        .readTree(
                                temp.resolve("root" + dev.distrogen.plan.ImagePlan.SBOM_PATH)
                                        .toFile());
        List<String> components = new ArrayList<>();
        sbom.path("components")
                .forEach(
                        c ->
                                components.add(
                                        c.path("name").asText()
                                                + " "
                                                + c.path("version").asText()
                                                + " "
                                                + c.path("purl").asText()));
        assertEquals(
                List.of(
                        "glibc 2.39-17.fc40 pkg:rpm/glibc@2.39-17.fc40?arch=x86_64",
                        "openssl-libs 1:3.2.2-3.fc40 pkg:rpm/openssl-libs@3.2.2-3.fc40?arch=x86_64&epoch=1"),
                components);
    }

    @ParameterizedTest
    @MethodSource("shells")
    void nixComponents_splitStorePathNamesAsParseDrvNameDoes(String shell) throws Exception {
        Path paths = temp.resolve("paths");
        Files.writeString(
                paths,
                String.join(
                        "\n",
                        "/nix/store/0123456789abcdfghijklmnpqrsvwxyz-nginx-1.26.3",
                        "/nix/store/0123456789abcdfghijklmnpqrsvwxyz-gcc-13.2.0-lib",
                        "/nix/store/0123456789abcdfghijklmnpqrsvwxyz-user-environment",
                        "/nix/store/0123456789abcdfghijklmnpqrsvwxyz-perl5.38.2-URI-5.21",
                        ""));
        Result r = sh(shell, "dg_nix_components < \"$1\" | cut -f 1,2,3", paths.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals(
                List.of(
                        "nginx\t1.26.3\tpkg:nix/nginx@1.26.3",
                        "gcc\t13.2.0-lib\tpkg:nix/gcc@13.2.0-lib",
                        "user-environment\t\tpkg:nix/user-environment",
                        "perl5.38.2-URI\t5.21\tpkg:nix/perl5.38.2-URI@5.21"),
                r.out().lines().toList());
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }

    /**
     * packages.sh: the stage's own package manager, found at build time, gets the names as single
     * words.
     */
    @ParameterizedTest
    @MethodSource("shells")
    void packages_useTheStagesPackageManager_orFailNamingTheImage(String shell) throws Exception {
        Path bin = Files.createDirectories(temp.resolve("pm"));
        Path log = temp.resolve("pm.log");
        for (String tool : List.of("apk", "dnf")) {
            Path fake = bin.resolve(tool);
            Files.writeString(
                    fake,
                    "#!/bin/sh\nfor a in \"$@\"; do echo \""
                            + tool
                            + " [$a]\"; done >> '"
                            + log
                            + "'\n");
            fake.toFile().setExecutable(true);
        }
        Result apk =
                sh(
                        shell,
                        ". \"$1\"; PATH=\"$2\"; dg_packages 'alpine:3' 'nginx' 'tini=0.19.0-r3'",
                        PACKAGES.toString(),
                        bin.toString());
        assertEquals(0, apk.exit(), apk.err());
        assertEquals(
                List.of("apk [add]", "apk [--no-cache]", "apk [nginx]", "apk [tini=0.19.0-r3]"),
                Files.readAllLines(log));
        Result none =
                sh(
                        shell,
                        ". \"$1\"; PATH=/distrogen-nowhere; dg_packages 'debian:bookworm-slim' 'nginx-light'",
                        PACKAGES.toString());
        assertEquals(1, none.exit());
        assertEquals(
                "distrogen/packages.sh:"
                        + line("packages.sh", "dg_die no-package-manager ")
                        + ": the build stage debian:bookworm-slim has none of apt-get, apk, dnf or microdnf to install "
                        + "nginx-light: build on an image that has one, or one that already holds them\n",
                none.err());
    }

    /**
     * smoke.sh in a root holding busybox only: the program runs there with the image's env only, a
     * success prints its output, a failure stops with it; busybox's chroot runs it as root and says
     * so.
     */
    @ParameterizedTest
    @MethodSource("shells")
    void smoke_runsTheProgramInTheRoot_failingWithItsOwnOutput(String shell) throws Exception {
        Tools.requireRoot("the smoke test chroots into the collected root");
        Path busybox = Path.of("/bin/busybox");
        Tools.require(Files.isExecutable(busybox), "busybox-static is not installed");
        Path bin = Files.createDirectories(temp.resolve("root/bin"));
        Files.copy(busybox, bin.resolve("busybox"));
        String call =
                ". \"$1\"; R=\"$DG_ROOT\"; dg_smoke 10001:10001 'GREETING=it is $x' -- /bin/busybox sh -c ";
        Result ok =
                sh(
                        shell,
                        call + "'echo \"$GREETING as $(/bin/busybox id -u), HOME=${HOME-unset}\"'",
                        SMOKE.toString());
        assertEquals(0, ok.exit(), ok.err());
        // busybox's sh runs its own chroot applet; dash finds coreutils' (installed with dash).
        boolean busyboxChroot = shell.endsWith("busybox");
        assertEquals("it is $x as " + (busyboxChroot ? "0" : "10001") + ", HOME=unset\n", ok.out());
        assertEquals(
                busyboxChroot
                        ? "distrogen: this build stage's chroot (busybox) cannot change user: the smoke test runs as "
                                + "root, not as 10001:10001\n"
                        : "",
                ok.err());
        Result bad = sh(shell, call + "'echo missing libfoo.so >&2; exit 3'", SMOKE.toString());
        assertEquals(1, bad.exit());
        assertTrue(bad.out().contains("missing libfoo.so"), bad.out());
        assertTrue(
                bad.err()
                        .endsWith(
                                ": smoke test: /bin/busybox sh -c echo missing libfoo.so >&2; exit 3 exited with "
                                        + "status 3 in the image's root (as "
                                        + (busyboxChroot ? "0:0" : "10001:10001")
                                        + ", with the image's environment only); its output is above\n"),
                bad.err());
        if (busyboxChroot) {
            return; // busybox's sh finds its own chroot applet whatever PATH says
        }
        Result without =
                sh(
                        shell,
                        ". \"$1\"; PATH=/distrogen-nowhere; dg_smoke 0:0 -- /bin/busybox true",
                        SMOKE.toString());
        assertEquals(1, without.exit());
        assertTrue(
                without.err()
                        .startsWith(
                                "distrogen/smoke.sh:"
                                        + line("smoke.sh", "dg_die no-chroot ")
                                        + ": the build stage has neither unshare nor chroot"),
                without.err());
    }

    // --- helpers

    /**
     * The line of {@code script} that holds {@code text}, counted from 1: where a failure must
     * point.
     */
    static int line(String script, String text) throws IOException {
        List<String> lines = Files.readAllLines(SCRIPTS.resolve(script));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " is not in " + script);
    }

    static final Path PACKAGES = SCRIPTS.resolve("packages.sh");
    static final Path SMOKE = SCRIPTS.resolve("smoke.sh");

    private static final String JVM = "/usr/lib/jvm/java-17-openjdk-amd64";

    /**
     * A stand-in JRE lib directory under the temp dir: ELF headers only, libjvm.so in lib/server or
     * absent.
     */
    private Path jvmStage(boolean withJvm) throws IOException {
        Path stage = temp.resolve("stage");
        Path lib = Files.createDirectories(stage.resolve(JVM.substring(1) + "/lib/server"));
        byte[] elf = {0x7f, 'E', 'L', 'F', 2, 1, 1};
        Files.write(lib.getParent().resolve("libextnet.so"), elf);
        Files.write(lib.getParent().resolve("libjava.so"), elf);
        if (withJvm) {
            Files.write(lib.resolve("libjvm.so"), elf);
        }
        return stage;
    }

    /**
     * An ldd that prints the recordings of the real one for libextnet.so, alone or with
     * LD_LIBRARY_PATH naming lib/server, moved under {@code stage}; other files are not dynamic.
     */
    private Path fakeJvmLdd(Path stage) throws IOException {
        Path bin = Files.createDirectories(temp.resolve("fakebin"));
        Path fake = bin.resolve("ldd");
        Files.writeString(
                fake,
                "#!/bin/sh\n"
                        + "case $1 in *libextnet.so) ;; *) echo '\tnot a dynamic executable'; exit 1 ;; esac\n"
                        + "case \":${LD_LIBRARY_PATH:-}:\" in *\":"
                        + stage
                        + JVM
                        + "/lib/server:\"*) f=server ;; *) f= ;; esac\n"
                        + "sed 's|"
                        + JVM
                        + "|"
                        + stage
                        + JVM
                        + "|' '"
                        + LDD
                        + "/glibc-x86_64-jvm-libextnet'${f:+-$f}'.txt'\n");
        fake.toFile().setExecutable(true);
        return bin;
    }

    private static void gcc(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("gcc"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
    }

    private static List<String> hostLdd(Path program) throws Exception {
        Process p = new ProcessBuilder("ldd", program.toString()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        List<String> libs = new ArrayList<>();
        for (String line : out.lines().toList()) {
            var m = java.util.regex.Pattern.compile("(?:=> )?(/\\S+) \\(0x").matcher(line);
            if (m.find()) {
                libs.add(m.group(1));
            }
        }
        assertFalse(libs.isEmpty(), "ldd found libraries of " + program);
        return libs;
    }

    /**
     * Resolves {@code path} inside {@code root} as a process chrooted there would: links followed,
     * absolute ones from root.
     */
    static Path resolveInside(Path root, String path) throws IOException {
        Path current = root;
        List<String> parts = new ArrayList<>(List.of(path.substring(1).split("/")));
        for (int hops = 0; !parts.isEmpty(); ) {
            String part = parts.remove(0);
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                current = current.equals(root) ? root : current.getParent();
                continue;
            }
            Path next = current.resolve(part);
            if (Files.isSymbolicLink(next)) {
                assertTrue(++hops < 40, "link loop at " + next);
                String target = Files.readSymbolicLink(next).toString();
                parts.addAll(0, List.of(target.split("/")));
                if (target.startsWith("/")) {
                    current = root;
                }
                continue;
            }
            current = next;
        }
        return current;
    }

    private static void assertSameFile(Path host, Path copy) throws IOException {
        assertTrue(
                Files.isRegularFile(copy, LinkOption.NOFOLLOW_LINKS),
                copy + " is a file in the staging root");
        assertArrayEquals(Files.readAllBytes(host), Files.readAllBytes(copy), host.toString());
    }
}
