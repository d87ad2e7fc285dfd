package dev.distrogen.backend;

import dev.distrogen.Golden;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Not a test: how long the build stage's collect.sh takes to collect a `libs` tree, against `cp -a`
 * of the same tree, under each shell given (default /bin/dash). Run it as the README's "Benchmark"
 * section says; it prints one line per tree and shell, the best of three runs. Arguments: the
 * number of files, the depth of the deep tree, then shells.
 */
public final class CollectBenchmark {

    static final Path SCRIPTS = Golden.root().resolve("src/main/resources/dev/distrogen/scripts");

    private CollectBenchmark() {}

    public static void main(String[] args) throws Exception {
        int files = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int depth = args.length > 1 ? Integer.parseInt(args[1]) : 1_900;
        List<String> shells =
                args.length > 2 ? List.of(args).subList(2, args.length) : List.of("/bin/dash");
        Path work = Files.createTempDirectory(Path.of("/tmp"), "dg");
        try {
            Path wide = files(work.resolve("w"), files);
            Path deep = deep(work.resolve("d"), depth);
            for (String shell : shells) {
                print(files + " files", shell, time(shell, wide, work, 3));
                print(depth + " levels", shell, time(shell, deep, work, 3));
            }
        } finally {
            delete(work);
        }
    }

    /** Seconds for cp -a and for collect.sh, the best of three each. */
    record Timing(double copy, double collect) {
        double ratio() {
            return collect / copy;
        }
    }

    private static void print(String tree, String shell, Timing t) {
        System.out.printf(
                Locale.ROOT,
                "%s, %s: cp -a %.2f s, collect.sh libs %.2f s (%.1fx)%n",
                tree,
                shell,
                t.copy(),
                t.collect(),
                t.ratio());
    }

    /** {@code count} small files of text, 100 to a folder, as in node_modules. */
    static Path files(Path dir, int count) throws IOException {
        for (int i = 0; i < count; i++) {
            Path file = dir.resolve(String.format(Locale.ROOT, "m%03d/f%05d.js", i / 100, i));
            Files.createDirectories(file.getParent());
            Files.writeString(file, "module.exports = " + i + ";\n");
        }
        return dir;
    }

    /** A directory {@code depth} levels deep ("d/d/d..."), a file at each level. */
    static Path deep(Path dir, int depth) throws IOException {
        Path level = dir;
        for (int i = 0; i < depth; i++) {
            Files.createDirectories(level);
            Files.writeString(level.resolve("f"), i + "\n");
            level = level.resolve("d");
        }
        return dir;
    }

    /**
     * cp -a of {@code tree}, then collect.sh libs of it under {@code shell}, each into a fresh root
     * in {@code work}; the best of {@code runs}.
     */
    static Timing time(String shell, Path tree, Path work, int runs) throws Exception {
        double copy = Double.MAX_VALUE;
        double collect = Double.MAX_VALUE;
        for (int i = 0; i < runs; i++) {
            Path root = work.resolve("root");
            delete(root);
            Files.createDirectories(root);
            long start = System.nanoTime();
            run(List.of("cp", "-a", tree.toString(), root.resolve("copy").toString()), null);
            copy = Math.min(copy, (System.nanoTime() - start) / 1e9);
            delete(root);
            List<String> command =
                    new ArrayList<>(
                            shell.endsWith("busybox") ? List.of(shell, "sh") : List.of(shell));
            command.addAll(
                    List.of(SCRIPTS.resolve("collect.sh").toString(), "libs", tree.toString()));
            start = System.nanoTime();
            run(command, root);
            collect = Math.min(collect, (System.nanoTime() - start) / 1e9);
        }
        delete(work.resolve("root"));
        return new Timing(copy, collect);
    }

    private static void run(List<String> command, Path root) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (root != null) {
            builder.environment().put("DG_ROOT", root.toString());
        }
        Process p = builder.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException(command + " failed: " + out);
        }
    }

    static void delete(Path dir) throws Exception {
        if (Files.exists(dir)) {
            run(List.of("rm", "-rf", dir.toString()), null);
        }
    }
}
