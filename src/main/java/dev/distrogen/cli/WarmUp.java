package dev.distrogen.cli;

import dev.distrogen.backend.Backends;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A representative run for the class-data-sharing archive the distribution's launcher makes on
 * first use (-XX:ArchiveClassesAtExit): writes a starter spec into a temporary folder, then checks
 * it and renders every target, so the archive holds the classes any command needs. Prints nothing;
 * exits 0 when every step worked.
 */
public final class WarmUp {

    private WarmUp() {}

    public static void main(String[] args) throws IOException {
        Main.trimStartUp();
        Path dir = Files.createTempDirectory("distrogen-warm-up");
        int worst;
        try {
            worst = run("init", "warm", "-o", dir.toString());
            String spec = dir.resolve("warm.dl").toString();
            worst = Math.max(worst, run("check", spec));
            for (String target : Backends.names()) {
                worst =
                        Math.max(
                                worst,
                                target.equals("all")
                                        ? run(
                                                spec,
                                                "-t",
                                                target,
                                                "-o",
                                                dir.resolve("all").toString())
                                        : run(spec, "-t", target));
            }
            worst = Math.max(worst, run("--help"));
        } finally {
            delete(dir);
        }
        System.exit(worst);
    }

    private static int run(String... args) {
        PrintWriter discard =
                new PrintWriter(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
        return Main.run(
                FileSystems.getDefault(), InputStream.nullInputStream(), discard, discard, args);
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(
                            f -> {
                                try {
                                    Files.delete(f);
                                } catch (IOException e) {
                                    throw new UncheckedIOException(e);
                                }
                            });
        }
    }
}
