package dev.distrogen.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.distrogen.Golden;
import dev.distrogen.Tools;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution as a user installs it (README.md: Install): the tarball unpacked, bin/distrogen
 * symlinked into another folder, run as a real process from a third one. Runs after package.
 */
class DistributionIT {

    private static final String VERSION = System.getProperty("distrogen.version", "unknown");

    @TempDir Path tmp;
    private Path home;

    @BeforeEach
    void unpack() throws Exception {
        Tools.requireOnPath(
                "the distribution test unpacks the tarball and runs the launcher", "tar", "sh");
        Path tarball = Golden.root().resolve("target/distrogen-" + VERSION + ".tar.gz");
        assertTrue(Files.isRegularFile(tarball), "no " + tarball + ": mvn package makes it");
        Path unpacked = Files.createDirectories(tmp.resolve("opt"));
        Run tar = run(unpacked, Map.of(), "tar", "xzf", tarball.toString());
        assertEquals(0, tar.exit(), tar.err());
        home = unpacked.resolve("distrogen-" + VERSION);
    }

    @Test
    void tarball_holdsLauncherJarManPagesCompletionsAndDocs() throws IOException {
        assertTrue(Files.isExecutable(home.resolve("bin/distrogen")));
        assertTrue(Files.isRegularFile(home.resolve("lib/distrogen.jar")));
        for (String page :
                List.of(
                        "README.md",
                        "ARCHITECTURE.md",
                        "CONTRIBUTING.md",
                        "docs/language.md",
                        "docs/diagnostics.md")) {
            assertEquals(
                    Files.readString(Golden.root().resolve(page)),
                    Files.readString(home.resolve(page)),
                    page);
        }
        assertEquals(
                Files.readString(Golden.root().resolve("LICENSE")),
                Files.readString(home.resolve("LICENSE")));
        for (String command :
                List.of(
                        "distrogen",
                        "distrogen-check",
                        "distrogen-init",
                        "distrogen-help",
                        "distrogen-generate-completion")) {
            String page = Files.readString(home.resolve("share/man/man1/" + command + ".1"));
            assertTrue(
                    page.contains(
                            ".TH \""
                                    + command.toUpperCase(java.util.Locale.ROOT).replace("-", "\\-")
                                    + "\" \"1\""),
                    page);
        }
        String main = Files.readString(home.resolve("share/man/man1/distrogen.1"));
        assertTrue(main.contains("\\-\\-target"), main);
        assertTrue(
                main.contains("2026-01-01"), "the page's date is the release's, not the build's");
        assertTrue(
                Files.readString(home.resolve("share/zsh/site-functions/_distrogen"))
                        .startsWith("#compdef distrogen\n"));
        assertTrue(
                Files.readString(home.resolve("share/man/man5/distrogen.dl.5"))
                        .contains(
                                "\n.TH \"DISTROGEN.DL\" 5 \"2026-01-01\" \"distrogen "
                                        + VERSION
                                        + "\" \"Distrogen Manual\"\n"));
    }

    /** The pages as man shows them: every section a man page has, and no warning from groff. */
    @Test
    void manPages_readAsManShowsThem() throws Exception {
        Tools.requireOnPath(
                "the man page test renders the pages with man (apt-get install man-db groff-base)",
                "man",
                "groff");
        Map<String, String> env =
                Map.of("PATH", "/usr/bin:/bin", "MANWIDTH", "80", "LC_ALL", "C.UTF-8");
        Run main =
                run(
                        tmp,
                        env,
                        "man",
                        "--warnings=all",
                        "-l",
                        home.resolve("share/man/man1/distrogen.1").toString());
        assertEquals(0, main.exit(), main.err());
        assertEquals("", main.err());
        String page = main.out().replaceAll(".\b", "");
        List<String> sections = page.lines().filter(l -> l.matches("[A-Z][A-Z ]+")).toList();
        assertEquals(
                List.of(
                        "NAME",
                        "SYNOPSIS",
                        "DESCRIPTION",
                        "OPTIONS",
                        "ARGUMENTS",
                        "COMMANDS",
                        "EXIT STATUS",
                        "ENVIRONMENT",
                        "FILES",
                        "EXAMPLES",
                        "SEE ALSO"),
                sections,
                page);
        for (String text :
                List.of(
                        "DISTROGEN_CDS",
                        "XDG_CACHE_HOME",
                        "JAVA_HOME",
                        "-t, --target=TARGET",
                        "       70\n",
                        "distrogen app.dl --target dockerfile -o build",
                        "distrogen.dl(5)")) {
            assertTrue(page.contains(text), text + " in\n" + page);
        }
        Run language =
                run(
                        tmp,
                        env,
                        "man",
                        "--warnings=all",
                        "-l",
                        home.resolve("share/man/man5/distrogen.dl.5").toString());
        assertEquals(0, language.exit(), language.err());
        assertEquals("", language.err());
        String reference = language.out().replaceAll(".\b", "");
        for (String text :
                List.of(
                        "NAME\n       distrogen.dl - the spec language of distrogen",
                        "\nSTATEMENTS\n",
                        "   app NAME { ... }",
                        "       binary PATH\n",
                        "    binary  \"/usr/sbin/nginx\"",
                        "SEE ALSO\n       distrogen(1)")) {
            assertTrue(reference.contains(text), text + " in\n" + reference);
        }
    }

    @Test
    void zip_holdsTheSameFilesAsTheTarball() throws IOException {
        TreeSet<String> inZip = new TreeSet<>();
        try (InputStream in =
                        Files.newInputStream(
                                Golden.root().resolve("target/distrogen-" + VERSION + ".zip"));
                ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (!e.isDirectory()) {
                    inZip.add(e.getName());
                }
            }
        }
        TreeSet<String> inTar = new TreeSet<>();
        try (Stream<Path> files = Files.walk(home.getParent())) {
            files.filter(Files::isRegularFile)
                    .forEach(f -> inTar.add(home.getParent().relativize(f).toString()));
        }
        assertEquals(inTar, inZip);
    }

    @Test
    void symlinkedLauncher_runsFromAnotherDirectory_withJavaOnPath() throws Exception {
        Path link = symlinkChain();
        Path work = Files.createDirectories(tmp.resolve("work"));
        Map<String, String> env =
                Map.of("PATH", link.getParent() + ":" + javaBin() + ":/usr/bin:/bin");

        Run version = shell(work, env, "--version");
        assertEquals(0, version.exit(), version.err());
        assertEquals("distrogen " + VERSION + "\n", version.out());

        Path spec = Golden.root().resolve("examples/nginx/nginx.dl");
        Run dockerfile = shell(work, env, spec.toString(), "--target", "dockerfile");
        assertEquals(0, dockerfile.exit(), dockerfile.err());
        assertEquals(
                Files.readString(
                        Golden.root().resolve("examples/nginx/generated/dockerfile/Dockerfile")),
                dockerfile.out());

        Run written = shell(work, env, spec.toString(), "--target", "nix", "-o", "out");
        assertEquals(0, written.exit(), written.err());
        assertTrue(
                Files.isRegularFile(work.resolve("out/default.nix")),
                "-o resolves against the working directory");
    }

    /** As the checkout's ./distrogen (Utf8NamesTest): names are UTF-8 under LANG=C too. */
    @Test
    void underLangC_theLauncher_readsUtf8Names() throws Exception {
        Path link = symlinkChain();
        Path work = Files.createDirectories(tmp.resolve("utf8"));
        Files.writeString(
                work.resolve("ünï.dl"),
                """
                app "web" { binary "/usr/bin/web" }
                user "web" uid 10001 gid 10001
                config "/etc/web/café.conf" from "café.conf"
                """);
        Files.writeString(work.resolve("café.conf"), "x\n");
        Map<String, String> env =
                Map.of("PATH", link.getParent() + ":" + javaBin() + ":/usr/bin:/bin", "LANG", "C");

        Run plan = shell(work, env, "ünï.dl");
        assertEquals(0, plan.exit(), plan.err());
        assertTrue(plan.out().startsWith("# Image plan of ünï.dl,"), plan.out());
        assertTrue(plan.out().contains("café.conf  <- café.conf"), plan.out());
    }

    @Test
    void launcher_prefersJavaHome() throws Exception {
        Path link = symlinkChain();
        Path fakeHome = Files.createDirectories(tmp.resolve("jdk/bin"));
        Path java = fakeHome.resolve("java");
        Files.writeString(
                java, "#!/bin/sh\necho via-java-home >&2\nexec '" + javaBin() + "/java' \"$@\"\n");
        assertTrue(java.toFile().setExecutable(true));
        Run run =
                run(
                        tmp,
                        Map.of(
                                "PATH",
                                "/usr/bin:/bin",
                                "JAVA_HOME",
                                fakeHome.getParent().toString()),
                        link.toString(),
                        "--version");
        assertEquals(0, run.exit(), run.err());
        assertEquals("distrogen " + VERSION + "\n", run.out());
        assertEquals("via-java-home\n", run.err());
    }

    @Test
    void launcher_makesAClassDataSharingArchiveOnce_inTheUsersCache_andRunsWithIt()
            throws Exception {
        Path link = symlinkChain();
        Path jdk = Files.createDirectories(tmp.resolve("jdk/bin"));
        Path calls = tmp.resolve("java-calls");
        Files.writeString(
                jdk.resolve("java"),
                "#!/bin/sh\necho \"$*\" >> '"
                        + calls
                        + "'\nexec '"
                        + javaBin()
                        + "/java' \"$@\"\n");
        assertTrue(jdk.resolve("java").toFile().setExecutable(true));
        Path home = Files.createDirectories(tmp.resolve("home"));
        Map<String, String> env =
                Map.of(
                        "PATH",
                        "/usr/bin:/bin",
                        "HOME",
                        home.toString(),
                        "JAVA_HOME",
                        jdk.getParent().toString());
        Path spec = Golden.root().resolve("examples/nginx/nginx.dl");

        Run first = run(tmp, env, link.toString(), spec.toString(), "--target", "nix");
        assertEquals(0, first.exit(), first.err());
        assertEquals("", first.err());
        List<Path> archives;
        try (Stream<Path> files = Files.list(home.resolve(".cache/distrogen"))) {
            archives = files.toList();
        }
        assertEquals(1, archives.size(), "one archive, no temporary file left: " + archives);
        Path archive = archives.get(0);
        assertTrue(
                archive.getFileName().toString().matches("classes-\\d+\\.jsa"), archive.toString());

        Run second = run(tmp, env, link.toString(), spec.toString(), "--target", "nix");
        assertEquals(first.out(), second.out());
        assertEquals("", second.err());
        List<String> javaCalls = Files.readAllLines(calls);
        assertEquals(3, javaCalls.size(), "the warm-up, then one run each: " + javaCalls);
        assertTrue(javaCalls.get(0).contains("-XX:ArchiveClassesAtExit="), javaCalls.get(0));
        assertTrue(javaCalls.get(2).contains("-XX:SharedArchiveFile=" + archive), javaCalls.get(2));

        // The archive is one this JVM maps for this jar: -Xshare:on fails if it cannot.
        Run strict =
                run(
                        tmp,
                        Map.of(),
                        javaBin() + "/java",
                        "-XX:SharedArchiveFile=" + archive,
                        "-Xshare:on",
                        "-XX:TieredStopAtLevel=1",
                        "-XX:+UseSerialGC",
                        "-cp",
                        this.home.resolve("lib/distrogen.jar").toString(),
                        "dev.distrogen.cli.Main",
                        "--version");
        assertEquals(0, strict.exit(), strict.out() + strict.err());
    }

    @Test
    void launcher_withoutAWritableCache_runsWithoutTheArchive() throws Exception {
        Path link = symlinkChain();
        Map<String, String> env =
                Map.of(
                        "PATH",
                        javaBin() + ":/usr/bin:/bin",
                        "XDG_CACHE_HOME",
                        "/proc/distrogen-cannot-write");
        Run run = run(tmp, env, link.toString(), "--version");
        assertEquals(0, run.exit(), run.err());
        assertEquals("distrogen " + VERSION + "\n", run.out());
        assertEquals("", run.err());

        Path noHome = tmp.resolve("no-such-home");
        Run homeless =
                run(
                        tmp,
                        Map.of("PATH", javaBin() + ":/usr/bin:/bin", "HOME", noHome.toString()),
                        link.toString(),
                        "--version");
        assertEquals(0, homeless.exit(), homeless.err());
        assertFalse(
                Files.exists(noHome),
                "a HOME that does not exist is not made (such as /nonexistent)");
    }

    @Test
    void launcher_withoutJava_saysWhatItNeeds_exitsTwo() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("nojava"));
        for (String tool : List.of("readlink", "dirname")) {
            Files.copy(
                    whereIs(tool),
                    empty.resolve(tool),
                    java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        }
        Run run =
                run(
                        tmp,
                        Map.of("PATH", empty.toString()),
                        "/bin/sh",
                        home.resolve("bin/distrogen").toString(),
                        "--version");
        assertEquals(2, run.exit(), run.out());
        assertEquals(
                "distrogen: needs Java 17 or later: put java on PATH or set JAVA_HOME\n",
                run.err());
    }

    @Test
    void bashCompletion_completesOptionsCommandsAndSpecFiles() throws Exception {
        Tools.requireOnPath("the completion test sources the script in bash", "bash");
        Path script = home.resolve("share/bash-completion/completions/distrogen");
        String complete =
                "source '"
                        + script
                        + "'; COMP_WORDS=(distrogen \"$1\"); COMP_CWORD=1; COMP_LINE=\"distrogen $1\"; "
                        + "COMP_POINT=${#COMP_LINE}; _complete_distrogen; printf '%s\\n' \"${COMPREPLY[@]}\"";
        Run option =
                run(tmp, Map.of("PATH", "/usr/bin:/bin"), "bash", "-c", complete, "bash", "--tar");
        assertEquals(0, option.exit(), option.err());
        assertTrue(option.out().lines().toList().contains("--target"), option.out());
        Run command =
                run(tmp, Map.of("PATH", "/usr/bin:/bin"), "bash", "-c", complete, "bash", "ch");
        assertTrue(command.out().lines().toList().contains("check"), command.out());
        Files.writeString(tmp.resolve("web.dl"), "");
        Files.writeString(tmp.resolve("web.conf"), "");
        Run spec = run(tmp, Map.of("PATH", "/usr/bin:/bin"), "bash", "-c", complete, "bash", "we");
        assertEquals(
                List.of("web.dl"),
                spec.out().lines().toList(),
                "the spec's .dl file, not its config: " + spec.err());
        String completeHelp =
                "source '"
                        + script
                        + "'; COMP_WORDS=(distrogen help \"$1\"); COMP_CWORD=2; "
                        + "COMP_LINE=\"distrogen help $1\"; COMP_POINT=${#COMP_LINE}; _complete_distrogen; printf '%s\\n' \"${COMPREPLY[@]}\"";
        Run helpCommand =
                run(tmp, Map.of("PATH", "/usr/bin:/bin"), "bash", "-c", completeHelp, "bash", "");
        assertEquals(
                List.of("check", "init", "lock", "generate-completion"),
                helpCommand.out().lines().toList(),
                helpCommand.err());
    }

    @Test
    void zshCompletion_isFoundOnFpath_andLoadsTheCompletionScript() throws Exception {
        Tools.requireOnPath("the zsh completion test runs zsh's compinit", "zsh");
        String script =
                "fpath=($1 $fpath); autoload -U compinit && compinit -u -D; print -r -- \"$_comps[distrogen]\"; "
                        + "autoload -Uz _distrogen; { _distrogen } 2>/dev/null; print -r -- \"$+functions[_complete_distrogen]\"";
        Run run =
                run(
                        tmp,
                        Map.of("PATH", "/usr/bin:/bin", "HOME", tmp.toString()),
                        "zsh",
                        "-f",
                        "-c",
                        script,
                        "zsh",
                        home.resolve("share/zsh/site-functions").toString());
        assertEquals("_distrogen\n1\n", run.out(), run.err());
    }

    /**
     * bin/distrogen <- tmp/links/a (absolute) <- tmp/bin/distrogen (relative): a chain of links.
     */
    private Path symlinkChain() throws IOException {
        Path links = Files.createDirectories(tmp.resolve("links"));
        Path a = Files.createSymbolicLink(links.resolve("a"), home.resolve("bin/distrogen"));
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        return Files.createSymbolicLink(bin.resolve("distrogen"), bin.relativize(a));
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin").toString();
    }

    private static Path whereIs(String tool) {
        for (String dir : List.of("/usr/bin", "/bin")) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return Path.of(dir, tool);
            }
        }
        throw new AssertionError(tool + " not found");
    }

    private record Run(int exit, String out, String err) {}

    private static Run run(Path dir, Map<String, String> env, String... args) throws Exception {
        Path out = Files.createTempFile("dist", ".out");
        Path err = Files.createTempFile("dist", ".err");
        try {
            List<String> command = List.of(args);
            ProcessBuilder builder =
                    new ProcessBuilder(command)
                            .directory(dir.toFile())
                            .redirectOutput(out.toFile())
                            .redirectError(err.toFile())
                            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            builder.environment().clear();
            builder.environment().putAll(env);
            Process process = builder.start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("timed out: " + command);
            }
            return new Run(
                    process.exitValue(),
                    Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** {@code distrogen ARGS} as a user types it: the shell finds it on PATH. */
    private static Run shell(Path dir, Map<String, String> env, String... args) throws Exception {
        List<String> command =
                new ArrayList<>(List.of("/bin/sh", "-c", "exec distrogen \"$@\"", "sh"));
        command.addAll(List.of(args));
        return run(dir, env, command.toArray(String[]::new));
    }
}
