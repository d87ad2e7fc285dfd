package dev.distrogen.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * Build time only (Maven runs it at prepare-package; picocli-codegen is not in the jar): from the
 * command model distrogen runs with and the project's own texts, writes into BUILD-DIR
 *
 * <ul>
 *   <li>distrogen-completion.bash, the bash/zsh completion script;
 *   <li>dist/man-adoc/, an AsciiDoc page per command (asciidoctor then makes the man pages);
 *       distrogen(1) is src/dist/man/distrogen.adoc around picocli's sections;
 *   <li>dist/man/distrogen.dl.5, the spec language, from docs/language.md.
 * </ul>
 *
 * DistributionFiles PROJECT-DIR BUILD-DIR DATE
 */
public final class DistributionFiles {

    private DistributionFiles() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            throw new IllegalArgumentException(
                    "usage: DistributionFiles PROJECT-DIR BUILD-DIR DATE");
        }
        Path project = Path.of(args[0]);
        Path build = Path.of(args[1]);
        CommandLine tree = Main.commandTree(FileSystems.getDefault(), System.in);
        Files.createDirectories(build);
        Files.writeString(
                build.resolve("distrogen-completion.bash"),
                BashCompletion.script(tree),
                StandardCharsets.UTF_8);
        commandPages(tree, project, build.resolve("dist/man-adoc"));
        String version = tree.getCommandSpec().versionProvider().getVersion()[0];
        String language =
                Files.readString(project.resolve("docs/language.md"), StandardCharsets.UTF_8);
        Path man = Files.createDirectories(build.resolve("dist/man"));
        Files.writeString(
                man.resolve("distrogen.dl.5"),
                MarkdownRoff.convert(
                        language,
                        new MarkdownRoff.Page(
                                "distrogen.dl",
                                5,
                                "the spec language of distrogen",
                                args[2],
                                version,
                                "Distrogen Manual"),
                        List.of("distrogen(1)", "distrogen-check(1)")),
                StandardCharsets.UTF_8);
    }

    /**
     * picocli's pages, their exit codes as EXIT STATUS; distrogen(1) our page, which includes
     * picocli's sections.
     */
    private static void commandPages(CommandLine tree, Path project, Path dir) throws IOException {
        int exit =
                ManPageGenerator.generateManPage(
                        dir.toFile(), null, new boolean[0], true, tree.getCommandSpec());
        if (exit != 0) {
            throw new IOException("man pages: picocli's ManPageGenerator exited " + exit);
        }
        try (Stream<Path> pages = Files.list(dir)) {
            for (Path page : pages.filter(p -> p.toString().endsWith(".adoc")).toList()) {
                String text = Files.readString(page, StandardCharsets.UTF_8);
                Files.writeString(
                        page,
                        text.replaceAll("(?m)^==\\s+Exit codes:\\s*$", "== Exit status"),
                        StandardCharsets.UTF_8);
            }
        }
        // A leading _ keeps asciidoctor from making a page of it: it is included.
        Files.move(
                dir.resolve("distrogen.adoc"),
                dir.resolve("_distrogen.adoc"),
                StandardCopyOption.REPLACE_EXISTING);
        Files.copy(
                project.resolve("src/dist/man/distrogen.adoc"),
                dir.resolve("distrogen.adoc"),
                StandardCopyOption.REPLACE_EXISTING);
    }
}
