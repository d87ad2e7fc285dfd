package dev.distrogen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The command line, in process, on an in-memory file system: exit codes, stdout, stderr, files. */
class CliTest {

    private static final String SPEC =
            """
            image "web" tag "1.0"
            app "web" {
                binary "/usr/bin/web"
                args "--config" "/etc/web/web.conf"
                env GREETING = "hello \\"world\\""
            }
            user "web" uid 10001 gid 10001
            dir "/var/lib/web" owner "web" mode 0750 persistent
            config "/etc/web/web.conf" from "web.conf"
            port 8080
            """;

    private FileSystem fs;
    private Path project;

    @BeforeEach
    void setUp() throws IOException {
        fs =
                Jimfs.newFileSystem(
                        Configuration.unix().toBuilder()
                                .setAttributeViews("basic", "owner", "posix", "unix")
                                .build());
        project = Files.createDirectories(fs.getPath("/home/dev/web"));
        Files.writeString(project.resolve("web.dl"), SPEC);
        Files.writeString(project.resolve("web.conf"), "listen 8080\n");
    }

    @AfterEach
    void tearDown() throws IOException {
        fs.close();
    }

    private CliRun run(String... args) {
        return CliRun.run(fs, args);
    }

    @Test
    void generate_planTarget_printsTreeOnStdout_exitsZero() {
        CliRun run = run("/home/dev/web/web.dl", "--target", "plan");
        assertEquals(0, run.exit(), run.err());
        assertEquals("", run.err());
        assertTrue(
                run.out().contains("│       └── [-rw-r--r-- root root]  web.conf  <- web.conf\n"),
                run.out());
        assertTrue(run.out().contains("        └── [drwxr-x--- web  web ]  web\n"), run.out());
        assertTrue(run.out().contains("  User          10001:10001\n"), run.out());
    }

    @Test
    void generate_defaultTargetIsPlan() {
        assertEquals(
                run("/home/dev/web/web.dl", "--target", "plan").out(),
                run("/home/dev/web/web.dl").out());
    }

    @Test
    void generate_jsonTarget_parsesBackToTheSpec() throws IOException {
        CliRun run = run("/home/dev/web/web.dl", "-t", "json");
        assertEquals(0, run.exit(), run.err());
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertEquals("web", json.at("/image/name").asText());
        assertEquals(10001, json.at("/user/uid").asInt());
        assertEquals("GREETING=hello \"world\"", json.at("/config/Env/0").asText());
        assertEquals("--config", json.at("/config/Cmd/0").asText());
        assertEquals("8080/tcp", json.at("/config/ExposedPorts/0").asText());
        JsonNode dir = findFile(json, "/var/lib/web");
        assertEquals("0750", dir.get("mode").asText());
        assertEquals(10001, dir.get("uid").asInt());
        assertEquals("1777", findFile(json, "/tmp").get("mode").asText());
        assertEquals("web.conf", findFile(json, "/etc/web/web.conf").get("from").asText());
        assertTrue(
                findFile(json, "/etc/passwd")
                        .get("text")
                        .asText()
                        .contains("web:x:10001:10001::/nonexistent:/sbin/nologin\n"));
    }

    private static JsonNode findFile(JsonNode json, String path) {
        for (JsonNode file : json.get("files")) {
            if (file.get("path").asText().equals(path)) {
                return file;
            }
        }
        throw new AssertionError("no file " + path);
    }

    @Test
    void generate_specWithErrors_exitsOne_reportsLineAndColumn_printsNothing() throws IOException {
        Files.writeString(project.resolve("bad.dl"), SPEC.replace("port 8080", "port 80800"));
        CliRun run = run("/home/dev/web/bad.dl", "--color=never");
        assertEquals(1, run.exit());
        assertEquals("", run.out());
        assertTrue(
                run.err()
                        .startsWith(
                                "/home/dev/web/bad.dl:10:6: error[DG040]: port 80800 is out of range\n"),
                run.err());
        assertTrue(run.err().endsWith("\n1 error\n"), run.err());
    }

    @Test
    void generate_warningsOnly_stillGenerates_unlessStrict() throws IOException {
        Files.writeString(project.resolve("warn.dl"), SPEC.replace("port 8080", "port 80"));
        CliRun run = run("/home/dev/web/warn.dl", "--color=never");
        assertEquals(0, run.exit());
        assertTrue(run.err().contains("warning[DG042]"), run.err());
        assertTrue(run.out().contains("ExposedPorts  80/tcp"), run.out());

        CliRun strict = run("/home/dev/web/warn.dl", "--strict", "--color=never");
        assertEquals(1, strict.exit());
        assertEquals("", strict.out());
    }

    @Test
    void generate_missingSpecFile_exitsTwo() {
        CliRun run = run("/home/dev/web/nope.dl");
        assertEquals(2, run.exit());
        assertEquals("distrogen: /home/dev/web/nope.dl: no such file\n", run.err());
    }

    @Test
    void generate_directoryAsSpec_exitsTwo() {
        CliRun run = run("/home/dev/web");
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("is a directory"), run.err());
    }

    @Test
    void generate_unknownTarget_exitsTwo_suggestsTheClosest() {
        CliRun run = run("/home/dev/web/web.dl", "--target", "jsno");
        assertEquals(2, run.exit());
        assertTrue(
                run.err()
                        .startsWith(
                                "distrogen: unknown target 'jsno'; did you mean `json`?\nThe targets are:\n"
                                        + "  plan        the image plan: file tree with owners and modes, and the image config\n"
                                        + "  json        the spec with defaults applied"),
                run.err());
        assertTrue(
                run.err()
                        .endsWith(
                                "\n  all         with -o DIR: every target above and a CI workflow, as a repository skeleton\n"
                                        + "Try 'distrogen --help' for more information.\n"),
                run.err());
    }

    @Test
    void badCommandLine_exitsTwo_withoutStackTrace() {
        for (String[] args :
                List.of(
                        new String[] {},
                        new String[] {"--bogus"},
                        new String[] {"check"},
                        new String[] {"x.dl", "--color=sometimes"},
                        new String[] {"x.dl", "-o"})) {
            CliRun run = run(args);
            assertEquals(2, run.exit(), String.join(" ", args));
            assertFalse(run.err().contains("Exception") || run.err().contains("\tat "), run.err());
        }
    }

    @Test
    void help_listsTargetsAndExitCodes() {
        CliRun run = run("--help");
        assertEquals(0, run.exit());
        assertTrue(run.out().contains("plan, json"), run.out());
        assertTrue(run.out().contains("Exit codes:"), run.out());
        assertTrue(run.out().contains("  3    the output could not be written"), run.out());
        CliRun check = run("check", "--help");
        assertEquals(0, check.exit());
        assertTrue(check.out().contains("--strict"), check.out());
        assertTrue(check.out().contains("Exit codes:"), check.out());
    }

    @Test
    void version_printsTheVersion() {
        CliRun run = run("--version");
        assertEquals(0, run.exit());
        assertTrue(run.out().matches("distrogen \\d+\\.\\d+\\.\\d+\\S*\n"), run.out());
    }

    @Test
    void check_cleanSpec_printsOk() throws IOException {
        // Clean for every target: with a build stage for the Dockerfile (without one, check warns:
        // DG083).
        Files.writeString(project.resolve("web.dl"), SPEC + "docker { from \"web:1\" }\n");
        CliRun run = run("check", "/home/dev/web/web.dl");
        assertEquals(0, run.exit());
        assertEquals("/home/dev/web/web.dl: ok\n", run.out());
        assertEquals("", run.err());
    }

    @Test
    void check_severalSpecs_reportsEach_exitsWithTheWorst() throws IOException {
        Files.writeString(project.resolve("web.dl"), SPEC + "docker { from \"web:1\" }\n");
        Files.writeString(project.resolve("bad.dl"), "app \"web\" { }\n");
        CliRun run = run("check", "--color=never", "/home/dev/web/web.dl", "/home/dev/web/bad.dl");
        assertEquals(1, run.exit());
        assertEquals("/home/dev/web/web.dl: ok\n", run.out());
        assertTrue(
                run.err().contains("/home/dev/web/bad.dl:1:1: error[DG010]: `app` has no `binary`"),
                run.err());
        assertTrue(
                run.err()
                        .contains(
                                "/home/dev/web/bad.dl:1:1: error[DG010]: the spec declares no `user`"),
                run.err());

        CliRun missing = run("check", "/home/dev/web/web.dl", "/home/dev/web/nope.dl");
        assertEquals(2, missing.exit());
    }

    @Test
    void check_configFromFileIsResolvedOnTheSpecsFileSystem() throws IOException {
        Files.delete(project.resolve("web.conf"));
        CliRun run = run("check", "--color=never", "/home/dev/web/web.dl");
        assertEquals(1, run.exit());
        assertTrue(
                run.err().contains("error[DG023]: config source \"web.conf\" does not exist"),
                run.err());
    }

    @Test
    void color_alwaysPaintsDiagnostics_neverDoesNot() throws IOException {
        Files.writeString(project.resolve("bad.dl"), "app \"web\" { }\n");
        assertTrue(
                run("check", "--color=always", "/home/dev/web/bad.dl")
                        .err()
                        .contains("\u001b[1;31merror[DG010]:"));
        assertFalse(
                run("check", "--color=never", "/home/dev/web/bad.dl").err().contains("\u001b["));
    }

    @Test
    void output_createsTheDirectory_writesFiles_andAManifest_leavingNoTemporaryFile()
            throws IOException {
        CliRun run = run("/home/dev/web/web.dl", "-t", "plan", "-o", "/home/dev/web/out/plan");
        assertEquals(0, run.exit(), run.err());
        assertEquals("", run.out());
        Path out = fs.getPath("/home/dev/web/out/plan");
        assertEquals(run("/home/dev/web/web.dl").out(), Files.readString(out.resolve("plan.txt")));
        assertTrue(Files.readString(out.resolve(".distrogen-manifest")).contains("  plan.txt\n"));
        assertEquals(
                "rw-r--r--",
                PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(out.resolve("plan.txt"))));
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(
                    List.of(".distrogen-lock", ".distrogen-manifest", "plan.txt"),
                    files.map(f -> f.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void output_rerun_replacesItsOwnFiles() throws IOException {
        assertEquals(0, run("/home/dev/web/web.dl", "-t", "json", "-o", "/out").exit());
        Files.writeString(project.resolve("web.dl"), SPEC.replace("port 8080", "port 9090"));
        CliRun again = run("/home/dev/web/web.dl", "-t", "json", "-o", "/out");
        assertEquals(0, again.exit(), again.err());
        assertTrue(Files.readString(fs.getPath("/out/spec.json")).contains("9090/tcp"));
    }

    @Test
    void output_neverReplacesAFileTheUserWroteOrEdited_unlessForced() throws IOException {
        assertEquals(0, run("/home/dev/web/web.dl", "-t", "json", "-o", "/out").exit());
        Path json = fs.getPath("/out/spec.json");
        Files.writeString(json, "{\"edited\": true}\n");
        Files.writeString(project.resolve("web.dl"), SPEC.replace("port 8080", "port 9090"));

        CliRun refused = run("/home/dev/web/web.dl", "-t", "json", "-o", "/out");
        assertEquals(3, refused.exit());
        assertTrue(
                refused.err()
                        .contains(
                                "/out/spec.json was edited since distrogen wrote it; nothing was written"),
                refused.err());
        assertEquals("{\"edited\": true}\n", Files.readString(json));

        CliRun forced = run("/home/dev/web/web.dl", "-t", "json", "-o", "/out", "--force");
        assertEquals(0, forced.exit(), forced.err());
        assertTrue(Files.readString(json).contains("9090/tcp"));
    }

    @Test
    void output_withoutManifest_aFileThatOnlyMentionsDistrogen_isNotReplaced() throws IOException {
        Path out = Files.createDirectories(fs.getPath("/out"));
        String handWritten = "# hand-written, not generated by distrogen\nFROM scratch\n";
        Files.writeString(out.resolve("Dockerfile"), handWritten);
        CliRun run =
                run("/home/dev/web/web.dl", "-t", "dockerfile", "--from", "web:1", "-o", "/out");
        assertEquals(3, run.exit(), run.err());
        assertEquals(handWritten, Files.readString(out.resolve("Dockerfile")));
        assertFalse(Files.exists(out.resolve(".distrogen-manifest")));
    }

    @Test
    void output_withoutManifest_aFileWithDistrogensOwnHeader_isReplaced() throws IOException {
        // A Dockerfile printed to standard output and saved, then regenerated with -o.
        String printed = run("/home/dev/web/web.dl", "-t", "dockerfile", "--from", "web:1").out();
        Path out = Files.createDirectories(fs.getPath("/out"));
        Files.writeString(out.resolve("Dockerfile"), printed);
        Files.writeString(project.resolve("web.dl"), SPEC.replace("port 8080", "port 9090"));
        CliRun run =
                run("/home/dev/web/web.dl", "-t", "dockerfile", "--from", "web:1", "-o", "/out");
        assertEquals(0, run.exit(), run.err());
        assertTrue(Files.readString(out.resolve("Dockerfile")).contains("EXPOSE 9090/tcp"));
    }

    @Test
    void output_replacingAFile_keepsItsMode() throws IOException {
        assertEquals(0, run("/home/dev/web/web.dl", "-o", "/out").exit());
        Path plan = fs.getPath("/out/plan.txt");
        Files.setPosixFilePermissions(plan, PosixFilePermissions.fromString("rw-rw-r--"));
        Files.writeString(project.resolve("web.dl"), SPEC.replace("port 8080", "port 9090"));
        assertEquals(0, run("/home/dev/web/web.dl", "-o", "/out").exit());
        assertTrue(Files.readString(plan).contains("9090/tcp"));
        assertEquals(
                "rw-rw-r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(plan)));
    }

    @Test
    void output_anEmptyDirectoryName_isAUsageError_forEveryTargetAndInit_noLockAnywhere()
            throws IOException {
        List<List<String>> commands = new java.util.ArrayList<>();
        for (String target : dev.distrogen.backend.Backends.names()) {
            commands.add(List.of("/home/dev/web/web.dl", "-t", target, "-o", ""));
            commands.add(List.of("/home/dev/web/web.dl", "-t", target, "--output="));
        }
        commands.add(List.of("init", "web", "-o", ""));
        for (List<String> args : commands) {
            CliRun run = run(args.toArray(String[]::new));
            assertEquals(2, run.exit(), args + ": " + run.err());
            assertTrue(
                    run.err()
                            .startsWith(
                                    "distrogen: -o '' names no directory (write -o . for the current one)\n"),
                    run.err());
        }
        try (Stream<Path> all = Files.walk(fs.getPath("/"))) {
            assertEquals(
                    List.of(),
                    all.filter(
                                    p ->
                                            p.getFileName() != null
                                                    && p.getFileName()
                                                            .toString()
                                                            .startsWith(".distrogen"))
                            .toList());
        }
    }

    @Test
    void output_intoAPathThatIsAFile_exitsThree() throws IOException {
        Files.writeString(fs.getPath("/home/dev/web/taken"), "x");
        CliRun run = run("/home/dev/web/web.dl", "-o", "/home/dev/web/taken");
        assertEquals(3, run.exit());
        assertTrue(run.err().startsWith("distrogen: cannot "), run.err());
        assertEquals("x", Files.readString(fs.getPath("/home/dev/web/taken")));
    }
}
