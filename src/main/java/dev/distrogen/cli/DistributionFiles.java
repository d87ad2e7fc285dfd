package dev.distrogen.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * Build time only (Maven runs it at prepare-package; picocli-codegen is not in the jar): writes
 * the bash/zsh completion script and the AsciiDoc man pages, one per command, from the same
 * command model distrogen runs with.
 *   DistributionFiles COMPLETION-SCRIPT MAN-PAGE-DIR
 */
public final class DistributionFiles {

    private DistributionFiles() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: DistributionFiles COMPLETION-SCRIPT MAN-PAGE-DIR");
        }
        CommandLine tree = Main.commandTree(FileSystems.getDefault(), System.in);
        Path completion = Path.of(args[0]);
        Files.createDirectories(completion.toAbsolutePath().getParent());
        Files.writeString(completion, BashCompletion.script(tree), StandardCharsets.UTF_8);
        int exit = ManPageGenerator.generateManPage(Path.of(args[1]).toFile(), null, new boolean[0], true, tree.getCommandSpec());
        if (exit != 0) {
            throw new IOException("man pages: picocli's ManPageGenerator exited " + exit);
        }
    }
}
