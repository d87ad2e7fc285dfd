package dev.distrogen.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.distrogen.Tools;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The build scripts as files: shellcheck finds nothing in them (POSIX sh, every severity it reports
 * by default), each failure names the script and the line it stopped at, and a failure they did not
 * foresee still names the script and the step.
 */
class BuildScriptsIT {

    private static final Path SCRIPTS = CollectBenchmark.SCRIPTS;
    private static final Pattern DIE = Pattern.compile("dg_die ([a-z-]+) ");

    @TempDir Path temp;

    static List<Path> scripts() throws IOException {
        try (Stream<Path> files = Files.list(SCRIPTS)) {
            return files.filter(f -> f.toString().endsWith(".sh")).sorted().toList();
        }
    }

    @Test
    void shellcheck_findsNothing_inAnyScript() throws Exception {
        Tools.requireOnPath("the build scripts are checked by shellcheck", "shellcheck");
        List<String> command =
                new ArrayList<>(
                        List.of("shellcheck", "--shell=sh", "--external-sources", "--format=gcc"));
        scripts().forEach(s -> command.add(s.getFileName().toString()));
        Process p =
                new ProcessBuilder(command)
                        .directory(SCRIPTS.toFile())
                        .redirectErrorStream(true)
                        .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(2, TimeUnit.MINUTES));
        assertEquals("", out);
        assertEquals(0, p.exitValue());
    }

    /**
     * dg_die finds its caller's line by the key that follows it: each key once in all the scripts.
     */
    @Test
    void everyDieKey_standsOnce() throws IOException {
        Map<String, List<String>> where = new TreeMap<>();
        for (Path script : scripts()) {
            List<String> lines = Files.readAllLines(script);
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = DIE.matcher(lines.get(i));
                while (m.find()) {
                    where.computeIfAbsent(m.group(1), k -> new ArrayList<>())
                            .add(script.getFileName() + ":" + (i + 1));
                }
            }
        }
        assertTrue(where.size() >= 15, "keys found: " + where.keySet());
        where.values().removeIf(places -> places.size() == 1);
        assertEquals(Map.of(), where);
    }

    /**
     * Run as the Dockerfile runs them: the message with script and line, then what the script was
     * doing.
     */
    @ParameterizedTest
    @MethodSource("dev.distrogen.backend.CollectScriptIT#shells")
    void aFailure_namesTheScriptItsLine_andTheStep(String shell) throws Exception {
        Result missing =
                run(
                        shell,
                        "root",
                        "collect.sh",
                        "app",
                        "/usr/bin/env",
                        "files",
                        "/etc/distrogen-no-such-file");
        assertEquals(1, missing.exit());
        assertEquals(
                "distrogen/lib.sh:"
                        + CollectScriptIT.line("lib.sh", "dg_die missing ")
                        + ": /etc/distrogen-no-such-file is declared in the spec but does not exist in the build stage\n"
                        + "distrogen/collect.sh: stopped with status 1 while collecting files /etc/distrogen-no-such-file\n",
                missing.err());
        // Unforeseen: the root cannot be made (a file stands where its parent should be).
        Files.writeString(temp.resolve("blocked"), "");
        Result blocked = run(shell, "blocked/root", "collect.sh", "files", "/etc/os-release");
        assertTrue(blocked.exit() != 0);
        assertTrue(
                blocked.err()
                        .endsWith(
                                "distrogen/collect.sh: stopped with status "
                                        + blocked.exit()
                                        + " while collecting files /etc/os-release\n"),
                blocked.err());
        Result usage = run(shell, "root", "layout.sh");
        assertEquals(
                "distrogen/layout.sh:"
                        + CollectScriptIT.line("layout.sh", "dg_die layout-usage ")
                        + ": usage: layout.sh DIR\ndistrogen/layout.sh: stopped with status 1\n",
                usage.err());
    }

    /** layout.sh reads data, never code; an entry that would leave the root stops the build. */
    @ParameterizedTest
    @MethodSource("dev.distrogen.backend.CollectScriptIT#shells")
    void layout_refusesAnEntryOutsideTheRoot_andReadsPathsAsData(String shell) throws Exception {
        Path layout = Files.createDirectories(temp.resolve("layout"));
        Files.writeString(
                layout.resolve("entries"),
                "dir 0:0 0755 /a b/$(touch x)\ndir 0:0 0755 /ok/../../outside\n");
        Result r = run(shell, "root", "layout.sh", layout.toString());
        assertEquals(1, r.exit());
        assertTrue(
                r.err()
                        .startsWith(
                                "distrogen/layout.sh:"
                                        + CollectScriptIT.line("layout.sh", "dg_die bad-path ")
                                        + ": not a path in the image: /ok/../../outside\n"),
                r.err());
        assertTrue(!Files.exists(temp.resolve("outside")) && !Files.exists(temp.resolve("x")));
    }

    record Result(int exit, String err) {}

    /** Runs {@code script} as a build step does, with its root at {@code root} in the temp dir. */
    private Result run(String shell, String root, String script, String... args) throws Exception {
        List<String> command =
                new ArrayList<>(shell.endsWith("busybox") ? List.of(shell, "sh") : List.of(shell));
        command.add(SCRIPTS.resolve(script).toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(temp.toFile());
        builder.environment().put("DG_ROOT", temp.resolve(root).toString());
        Path err = temp.resolve("err");
        Process p =
                builder.redirectError(err.toFile())
                        .redirectOutput(temp.resolve("out").toFile())
                        .start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return new Result(p.exitValue(), Files.readString(err));
    }
}
