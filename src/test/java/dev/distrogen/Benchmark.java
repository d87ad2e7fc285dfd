package dev.distrogen;

import dev.distrogen.Compiler.Compilation;
import dev.distrogen.backend.Backend;
import dev.distrogen.backend.Backends;
import dev.distrogen.backend.GenerationRequest;
import dev.distrogen.diagnostic.SpecSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Not a test: how long each target takes on big specs (50,000 dirs; 10,000 configs), to show
 * that every step is near-linear. Run it as ARCHITECTURE.md's "Benchmark" section says; it prints one
 * line per spec and target, the best of three runs (the machine may be busy). Arguments: the
 * sizes, default 50000 10000.
 */
public final class Benchmark {

    private Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        int dirs = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        int configs = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        run(dirs + " dirs", spec(dirs, 0));
        run(configs + " configs", spec(0, configs));
    }

    /** A spec with {@code dirs} directories and {@code configs} text configs, 100 to a folder. */
    static String spec(int dirs, int configs) {
        StringBuilder s = new StringBuilder("""
                image "big" tag "1.0"
                app "big" { binary "/usr/bin/big" args "--serve" }
                user "big" uid 10001 gid 10001
                docker { from "big:1" }
                """);
        for (int i = 0; i < dirs; i++) {
            s.append(String.format(Locale.ROOT, "dir \"/srv/g%03d/d%05d\" owner \"big\" mode 0750%n", i / 100, i));
        }
        for (int i = 0; i < configs; i++) {
            s.append(String.format(Locale.ROOT, "config \"/etc/big/c%03d/f%05d.conf\" text \"key = %d\\n\"%n", i / 100, i, i));
        }
        return s.toString();
    }

    /** Something to time, the best of three. */
    private interface Step {
        Object run() throws Exception;
    }

    private static void run(String what, String text) throws Exception {
        List<String> times = new ArrayList<>();
        SpecSource source = new SpecSource("big.dl", Path.of("."), text);
        Compilation c = Compiler.compile(source);
        if (c.plan().isEmpty()) {
            throw new IllegalStateException("the benchmark spec does not compile: " + c.diagnostics().sorted().get(0));
        }
        times.add("compile " + best(() -> Compiler.compile(source)));
        for (Backend backend : Backends.all()) {
            times.add(backend.name() + " " + best(() -> backend.generate(new GenerationRequest(c.plan().get(), "big.dl", false))));
        }
        Backend all = Backends.byName("all").orElseThrow();
        times.add("all " + best(() -> all.generate(new GenerationRequest(c.plan().get(), "big.dl", true))));
        System.out.println(what + " (" + text.length() / 1024 + " KiB): " + String.join(", ", times));
    }

    private static String best(Step step) throws Exception {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            step.run();
            best = Math.min(best, System.nanoTime() - start);
        }
        return String.format(Locale.ROOT, "%.2f s", best / 1e9);
    }
}
