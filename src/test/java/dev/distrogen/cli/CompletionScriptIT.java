package dev.distrogen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.distrogen.Tools;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The completion script of generate-completion, sourced in a real bash and zsh, in a folder with
 * specs, other files and directories: the completion function is called as the shell calls it.
 */
class CompletionScriptIT {

    @TempDir Path dir;
    private Path script;

    @BeforeEach
    void writeScriptAndFiles() throws IOException {
        CliRun run = CliRun.run("generate-completion");
        assertEquals(0, run.exit(), run.err());
        script = Files.writeString(dir.resolve("completion.bash"), run.out());
        Path work = Files.createDirectories(dir.resolve("work"));
        Files.createDirectories(work.resolve("htdocs"));
        Files.createDirectories(work.resolve("sub"));
        for (String file :
                List.of(
                        "http.dl",
                        "httpd.conf",
                        "other.dl",
                        "sub/app.dl",
                        "sub/app.conf",
                        "my app.dl")) {
            Files.writeString(work.resolve(file), "");
        }
    }

    @Test
    void bash_spec_completesDlFilesAndDirectories_notOtherFiles() throws Exception {
        assertEquals(List.of("htdocs", "http.dl"), bash("distrogen", "ht"));
        assertEquals(List.of("htdocs", "http.dl"), bash("distrogen", "check", "ht"));
        assertEquals(List.of("sub/app.dl"), bash("distrogen", "sub/"));
        assertEquals(List.of("my app.dl"), bash("distrogen", "my"));
        assertEquals(
                List.of("htdocs", "http.dl"),
                bash("distrogen", "--color", "never", "ht"),
                "a spec after options");
    }

    @Test
    void bash_firstWord_alsoOffersTheCommands() throws Exception {
        assertEquals(List.of("check"), bash("distrogen", "ch"));
        assertEquals(
                List.of(
                        "check",
                        "generate-completion",
                        "help",
                        "htdocs",
                        "http.dl",
                        "init",
                        "lock",
                        "my app.dl",
                        "other.dl",
                        "sub"),
                sorted(bash("distrogen", "")));
    }

    @Test
    void bash_output_completesDirectoriesOnly() throws Exception {
        assertEquals(List.of("htdocs"), bash("distrogen", "x.dl", "-o", "ht"));
        assertEquals(List.of("htdocs"), bash("distrogen", "x.dl", "--templates", "ht"));
        assertEquals(List.of("htdocs"), bash("distrogen", "init", "shop", "--output", "ht"));
    }

    @Test
    void bash_optionValues_completeTheirCandidates_alsoAfterAnEqualsSign() throws Exception {
        assertEquals(List.of("dockerfile", "docs"), bash("distrogen", "x.dl", "--target", "d"));
        assertEquals(List.of("dockerfile", "docs"), bash("distrogen", "x.dl", "-t", "d"));
        assertEquals(
                List.of("distroless-static", "distroless-base", "distroless-cc"),
                bash("distrogen", "x.dl", "--base", "dist"));
        // bash splits --color=al into three words: --color, =, al.
        assertEquals(List.of("auto", "always", "never"), bash("distrogen", "x.dl", "--color", "="));
        assertEquals(List.of("always"), bash("distrogen", "x.dl", "--color", "=", "al"));
        assertEquals(List.of("always"), bash("distrogen", "check", "--color", "=", "al"));
    }

    @Test
    void bash_options_andHelpsCommands() throws Exception {
        assertEquals(List.of("--target", "--templates"), bash("distrogen", "x.dl", "--t"));
        assertEquals(
                List.of("check", "init", "lock", "generate-completion"),
                bash("distrogen", "help", ""));
    }

    @Test
    void bash_theScriptLeavesBashsDefaultCompletionOn() throws Exception {
        String text = Files.readString(script);
        assertFalse(text.contains("+o default"), "turning default completion off loses file names");
        assertTrue(text.endsWith("\ncomplete -F _complete_distrogen -o default distrogen\n"), text);
    }

    @Test
    void shellcheck_findsNothing() throws Exception {
        Tools.requireOnPath("the completion script is checked with shellcheck", "shellcheck");
        Run run = run(List.of("shellcheck", "-s", "bash", script.toString()));
        assertEquals(0, run.exit(), run.out());
    }

    /**
     * zsh runs the script through bashcompinit's _bash_complete, as the distribution's _distrogen
     * does; compadd (a builtin of completion widgets) is replaced by a function that prints the
     * matches it is given, which zsh then filters by the word typed ($PREFIX).
     */
    @Test
    void zsh_throughBashcompinit_completesSpecsDirectoriesAndValues() throws Exception {
        Tools.requireOnPath("the zsh completion test runs zsh's bashcompinit", "zsh");
        List<String> spec = zsh("distrogen", "ht");
        assertTrue(spec.containsAll(List.of("htdocs", "http.dl")), spec.toString());
        assertFalse(spec.contains("httpd.conf"), spec.toString());
        assertTrue(zsh("distrogen", "x.dl", "-o", "").containsAll(List.of("htdocs", "sub")));
        assertFalse(zsh("distrogen", "x.dl", "-o", "").contains("http.dl"));
        // zsh keeps --color=al as one word: the matches keep the option in front.
        assertEquals(
                List.of("--color=auto", "--color=always", "--color=never"),
                zsh("distrogen", "x.dl", "--color=al"));
        assertTrue(zsh("distrogen", "x.dl", "--target", "").contains("dockerfile"));
    }

    private List<String> bash(String... words) throws Exception {
        String complete =
                "source \"$1\"; shift; COMP_WORDS=(\"$@\"); COMP_CWORD=$(( $# - 1 )); COMP_LINE=\"$*\"; "
                        + "COMP_POINT=${#COMP_LINE}; _complete_distrogen; printf '%s\\n' \"${COMPREPLY[@]}\"";
        Tools.requireOnPath("the completion test sources the script in bash", "bash");
        List<String> command =
                new ArrayList<>(
                        List.of("bash", "--norc", "-c", complete, "bash", script.toString()));
        command.addAll(List.of(words));
        return lines(run(command));
    }

    private List<String> zsh(String... words) throws Exception {
        String complete =
                "autoload -U +X bashcompinit && bashcompinit; compdef() { :; }; source \"$1\"; shift; "
                        + "compadd() { local m; for m in \"${(@P)${@[-1]}}\"; do print -r -- \"$m\"; done; }; "
                        + "compset() { return 1; }; _default() { return 1; }; "
                        + "words=(\"$@\"); CURRENT=$#; PREFIX=${words[CURRENT]}; _bash_complete -F _complete_distrogen -o default -o filenames";
        List<String> command =
                new ArrayList<>(List.of("zsh", "-f", "-c", complete, "zsh", script.toString()));
        command.addAll(List.of(words));
        return lines(run(command));
    }

    private static List<String> lines(Run run) {
        assertEquals(0, run.exit(), run.out());
        return run.out().lines().filter(l -> !l.isEmpty()).toList();
    }

    private static List<String> sorted(List<String> list) {
        return list.stream().sorted().toList();
    }

    private record Run(int exit, String out) {}

    private Run run(List<String> command) throws Exception {
        Path out = dir.resolve("out");
        ProcessBuilder builder =
                new ProcessBuilder(command)
                        .directory(dir.resolve("work").toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(out.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().put("HOME", dir.toString());
        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("timed out: " + command);
        }
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
    }
}
