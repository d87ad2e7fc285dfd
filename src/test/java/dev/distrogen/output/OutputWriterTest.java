package dev.distrogen.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.distrogen.Golden;
import dev.distrogen.backend.GeneratedFile;
import dev.distrogen.cli.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writing into -o DIR on the real file system: links, stale files, locking, interrupted runs. */
class OutputWriterTest {

    @TempDir Path tmp;

    static OutputWriter writer(boolean force) {
        return new OutputWriter(force, OutputWriterTest::noWarning);
    }

    static void noWarning(String warning) {
        throw new AssertionError("no warning expected: " + warning);
    }

    private static List<GeneratedFile> files(String... pathsAndTexts) {
        List<GeneratedFile> files = new ArrayList<>();
        for (int i = 0; i < pathsAndTexts.length; i += 2) {
            files.add(GeneratedFile.text(pathsAndTexts[i], pathsAndTexts[i + 1]));
        }
        return files;
    }

    @Test
    void aLinkedDirectoryInsideTheOutput_isNotWrittenThrough_exit3NamingIt() throws IOException {
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
        Path out = Files.createDirectories(tmp.resolve("out"));
        Files.createSymbolicLink(out.resolve(".github"), elsewhere);
        CliRun run =
                CliRun.run(
                        Golden.root().resolve("examples/nginx/nginx.dl").toString(),
                        "--target",
                        "all",
                        "-o",
                        out.toString());
        assertEquals(3, run.exit(), run.err());
        assertTrue(run.err().contains(out.resolve(".github") + " is a symbolic link"), run.err());
        try (Stream<Path> there = Files.list(elsewhere)) {
            assertEquals(0, there.count(), "nothing written through the link");
        }
        assertFalse(Files.exists(out.resolve("Dockerfile")), "nothing written at all");
    }

    @Test
    void aLockFileThatIsALink_isRefused_exit3NamingIt_nothingCreatedWhereItPoints()
            throws IOException {
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Path out = Files.createDirectories(tmp.resolve("out"));
        Path lock =
                Files.createSymbolicLink(
                        out.resolve(DirectoryLock.NAME), outside.resolve("created"));
        for (boolean force : List.of(false, true)) {
            CliRun run =
                    CliRun.run(
                            Golden.root().resolve("examples/nginx/nginx.dl").toString(),
                            "-t",
                            "plan",
                            "-o",
                            out.toString(),
                            force ? "--force" : "--strict");
            assertEquals(3, run.exit(), run.err());
            assertEquals(
                    "distrogen: "
                            + lock
                            + " is a symbolic link; distrogen locks the directory with a plain file there "
                            + "and does not follow links: nothing was written (remove the link)\n",
                    run.err());
            assertFalse(
                    Files.exists(
                            outside.resolve("created"), java.nio.file.LinkOption.NOFOLLOW_LINKS));
            assertFalse(Files.exists(out.resolve("plan.txt")));
        }
        Files.writeString(outside.resolve("created"), "the user's\n");
        assertEquals(
                3,
                CliRun.run(
                                Golden.root().resolve("examples/nginx/nginx.dl").toString(),
                                "-t",
                                "plan",
                                "-o",
                                out.toString())
                        .exit(),
                "a link to an existing file is refused too");
        assertEquals("the user's\n", Files.readString(outside.resolve("created")));
    }

    @Test
    void aLinkedFolderDeeperDown_isRefusedToo() throws IOException {
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
        Path out = Files.createDirectories(tmp.resolve("out/www"));
        Files.createSymbolicLink(out.resolve("html"), elsewhere);
        OutputException e =
                assertThrows(
                        OutputException.class,
                        () ->
                                writer(true)
                                        .write(
                                                tmp.resolve("out"),
                                                "t",
                                                files("www/html/index.html", "x")));
        assertTrue(
                e.getMessage().startsWith(out.resolve("html") + " is a symbolic link"),
                e.getMessage());
        assertFalse(Files.exists(elsewhere.resolve("index.html")));
    }

    @Test
    void aFileTheTargetNoLongerWrites_isRemoved_andSaidSo() throws OutputException, IOException {
        Path out = tmp.resolve("out");
        writer(false).write(out, "t", files("a", "1", "sub/b", "2"));
        writer(false).write(out, "other", files("c", "3"));
        OutputWriter.Result again = writer(false).write(out, "t", files("a", "1"));
        assertEquals(List.of(out.resolve("sub/b")), again.removed());
        assertFalse(Files.exists(out.resolve("sub/b")));
        assertEquals("3", Files.readString(out.resolve("c")), "another target's file stays");
        String manifest = Files.readString(out.resolve(Manifest.NAME));
        assertFalse(manifest.contains("sub/b"), manifest);
        assertTrue(manifest.contains("# target other\n") && manifest.contains("  c\n"), manifest);
    }

    @Test
    void cli_aConfigRemovedFromTheSpec_itsCopyIsRemoved_andSaidSo() throws IOException {
        Path spec = tmp.resolve("web.dl");
        String text =
                """
                app "web" { binary "/usr/bin/web" }
                user "web" uid 10001 gid 10001
                config "/etc/web/a.conf" from "a.conf"
                config "/etc/web/b.conf" from "b.conf"
                docker { from "web:1" }
                """;
        Files.writeString(spec, text);
        Files.writeString(tmp.resolve("a.conf"), "a\n");
        Files.writeString(tmp.resolve("b.conf"), "b\n");
        Path out = tmp.resolve("out");
        assertEquals(
                0, CliRun.run(spec.toString(), "-t", "dockerfile", "-o", out.toString()).exit());
        assertTrue(Files.exists(out.resolve("b.conf")));
        Files.writeString(spec, text.replace("config \"/etc/web/b.conf\" from \"b.conf\"\n", ""));
        CliRun again = CliRun.run(spec.toString(), "-t", "dockerfile", "-o", out.toString());
        assertEquals(0, again.exit(), again.err());
        assertTrue(
                again.err()
                        .contains(
                                "distrogen: removed "
                                        + out.resolve("b.conf")
                                        + ", which dockerfile no longer generates"),
                again.err());
        assertFalse(Files.exists(out.resolve("b.conf")));
    }

    @Test
    void aStaleFileTheUserEdited_isRefused_nothingWritten_unlessForced()
            throws OutputException, IOException {
        Path out = tmp.resolve("out");
        writer(false).write(out, "t", files("a", "1", "b", "2"));
        Files.writeString(out.resolve("b"), "mine");
        OutputException e =
                assertThrows(
                        OutputException.class,
                        () -> writer(false).write(out, "t", files("a", "new")));
        assertTrue(
                e.getMessage()
                        .contains(
                                out.resolve("b") + " is no longer generated, but was edited since"),
                e.getMessage());
        assertEquals("1", Files.readString(out.resolve("a")), "nothing written");
        assertEquals("mine", Files.readString(out.resolve("b")));
        writer(true).write(out, "t", files("a", "new"));
        assertFalse(Files.exists(out.resolve("b")));
    }

    @Test
    void aFileTwoTargetsWrote_staysUntilNeitherWritesIt() throws OutputException, IOException {
        Path out = tmp.resolve("out");
        writer(false).write(out, "dockerfile", files("Dockerfile", "d", "app.conf", "c"));
        writer(false).write(out, "nix", files("default.nix", "n", "app.conf", "c"));
        writer(false).write(out, "dockerfile", files("Dockerfile", "d"));
        assertTrue(Files.exists(out.resolve("app.conf")), "nix still writes it");
        writer(false).write(out, "nix", files("default.nix", "n"));
        assertFalse(Files.exists(out.resolve("app.conf")));
    }

    @Test
    void temporaryFilesOfAKilledRun_areRemovedByTheNext_othersKept()
            throws OutputException, IOException {
        Path out = Files.createDirectories(tmp.resolve("out"));
        Files.writeString(out.resolve(".Dockerfile.8123456789.tmp"), "half");
        Files.writeString(out.resolve("." + Manifest.NAME + ".42.tmp"), "half");
        Files.writeString(out.resolve(".notes.1.tmp"), "the user's");
        writer(false).write(out, "t", files("Dockerfile", "# Generated by distrogen\n"));
        assertFalse(Files.exists(out.resolve(".Dockerfile.8123456789.tmp")));
        assertFalse(Files.exists(out.resolve("." + Manifest.NAME + ".42.tmp")));
        assertTrue(Files.exists(out.resolve(".notes.1.tmp")), "not a file distrogen writes there");
        try (Stream<Path> left = Files.list(out)) {
            assertEquals(
                    List.of(".distrogen-lock", ".distrogen-manifest", ".notes.1.tmp", "Dockerfile"),
                    left.map(p -> p.getFileName().toString()).sorted().toList(),
                    "no journal left; the lock file, empty");
        }
    }

    @Test
    void aRunStoppedHalfWay_leavesAJournal_theNextRunKnowsOldAndNewContentAsOurs()
            throws OutputException, IOException {
        Path out = tmp.resolve("out");
        writer(false).write(out, "t", files("a", "old a", "b", "old b"));
        // As a run killed after its journal and one of its two files: a is new, b still old.
        Manifest before = Manifest.read(out, Manifest.NAME, OutputWriterTest::noWarning);
        Files.writeString(
                out.resolve(Manifest.JOURNAL),
                before.after(
                                "t",
                                Map.of(
                                        "a",
                                        Manifest.sha256("new a".getBytes()),
                                        "b",
                                        Manifest.sha256("new b".getBytes())))
                        .render());
        Files.writeString(out.resolve("a"), "new a");
        OutputWriter.Result next =
                writer(false).write(out, "t", files("a", "newer a", "b", "newer b"));
        assertEquals(2, next.changed().size());
        assertFalse(Files.exists(out.resolve(Manifest.JOURNAL)));
        assertManifestMatchesDisk(out);
    }

    @Test
    void concurrentRunsIntoOneDirectory_takeTurns_theManifestAlwaysMatchesTheFiles()
            throws Exception {
        Path out = tmp.resolve("out");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 15; round++) {
                List<Future<?>> runs = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    String who = round + "-" + t;
                    List<GeneratedFile> files =
                            t % 2 == 0
                                    ? files("Dockerfile", who, "a.conf", who, "x/1", who)
                                    : files("Dockerfile", who, "b.conf", who, "y/2", who);
                    runs.add(pool.submit(() -> writer(false).write(out, "dockerfile", files)));
                }
                for (Future<?> run : runs) {
                    run.get();
                }
                assertManifestMatchesDisk(out);
                assertEquals(
                        1,
                        Files.readAllLines(out.resolve(Manifest.NAME)).stream()
                                .filter(l -> !l.startsWith("#"))
                                .map(l -> l.substring(66))
                                .map(p -> read(out.resolve(p)))
                                .distinct()
                                .count(),
                        "every file from one run");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Every file the manifest lists is there with its hash; no other file is there. */
    static void assertManifestMatchesDisk(Path out) throws IOException, OutputException {
        Manifest manifest = Manifest.read(out, Manifest.NAME, OutputWriterTest::noWarning);
        for (Map.Entry<String, String> e : manifest.hashes().entrySet()) {
            assertEquals(
                    e.getValue(),
                    Manifest.sha256(Files.readAllBytes(out.resolve(e.getKey()))),
                    e.getKey());
        }
        try (Stream<Path> all = Files.walk(out)) {
            assertEquals(
                    manifest.hashes().keySet().stream().sorted().toList(),
                    all.filter(Files::isRegularFile)
                            .map(p -> out.relativize(p).toString())
                            .filter(p -> !p.equals(Manifest.NAME) && !p.equals(DirectoryLock.NAME))
                            .sorted()
                            .toList());
        }
    }
}
