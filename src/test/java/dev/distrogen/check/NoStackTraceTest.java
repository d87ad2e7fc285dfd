package dev.distrogen.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.distrogen.Compiler;
import dev.distrogen.Compiler.Compilation;
import dev.distrogen.GeneratedOutputs;
import dev.distrogen.Golden;
import dev.distrogen.backend.Backend;
import dev.distrogen.backend.Backends;
import dev.distrogen.backend.GeneratedFile;
import dev.distrogen.backend.GenerationException;
import dev.distrogen.backend.GenerationRequest;
import dev.distrogen.diagnostic.DiagnosticFormatter;
import dev.distrogen.diagnostic.SpecSource;
import dev.distrogen.output.OutputException;
import dev.distrogen.output.OutputWriter;
import dev.distrogen.plan.ImagePlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fuzzer. Bad input never produces an exception: mangled versions of every example (cut short,
 * characters deleted, duplicated or replaced by the language's own punctuation) and generated specs
 * whose every string is an injection payload for some output language. Each compiles to diagnostics
 * or a plan, every diagnostic renders, every target renders every plan (a target may refuse one,
 * with a message, but never fail), and what it renders parses: YAML (SnakeYAML), JSON (Jackson),
 * the Dockerfile's instructions exactly distrogen's, IMAGE.md's blocks (CommonMark). This is the
 * quick run of the unit tests; NoStackTraceIT runs four times as many mangled specs, other ones,
 * and parses a sample of the Nix expressions with real Nix.
 *
 * <p>{@code mvn test -Dtest=NoStackTraceTest -Ddistrogen.fuzz=100} runs a hundred times as many
 * (ARCHITECTURE.md: "The fuzzer").
 */
class NoStackTraceTest {

    /** How many times the bounded runs of {@code mvn verify} to make. */
    static final int SCALE = Integer.getInteger("distrogen.fuzz", 1);

    private static final String ALPHABET = "{}=/\"#\n 0123456789ax\\";

    @Test
    void mangledSpecs_giveDiagnosticsOrAPlan_neverAnException() throws Exception {
        fuzzMangled(100 * SCALE, 20261123L);
    }

    @Test
    void hostileSpecs_everyTargetRenders_andItsOutputsParse() {
        fuzzHostile(300 * SCALE, 13L);
    }

    /**
     * {@code perSpec} mangled versions of every example and error case; each spec's mangling seeded
     * from {@code seed}.
     */
    static void fuzzMangled(int perSpec, long seed) throws IOException {
        DiagnosticFormatter formatter = new DiagnosticFormatter(false);
        int plans = 0;
        int specs = 0;
        int parsed = 0;
        for (Path spec : Golden.allSpecs()) {
            String text = Files.readString(spec);
            Random random = new Random(seed + spec.getFileName().hashCode());
            for (int i = 0; i < perSpec; i++) {
                String mangled = mangle(text, random);
                SpecSource source = new SpecSource("m.dl", spec.getParent(), mangled);
                Compilation c = Compiler.compile(source);
                specs++;
                assertTrue(c.plan().isPresent() || c.diagnostics().hasErrors(), mangled);
                String rendered =
                        formatter.format(
                                source, c.diagnostics().sorted(), c.diagnostics().summary());
                assertFalse(rendered.contains("Exception"), rendered);
                if (c.plan().isPresent()) {
                    plans++;
                    List<GeneratedFile> files = new ArrayList<>();
                    for (Backend backend : Backends.all()) {
                        files.addAll(generate(backend, c.plan().get(), mangled));
                    }
                    if (plans % 3 == 0) {
                        parsed += GeneratedOutputs.assertParse(files);
                    }
                }
            }
        }
        System.err.println(
                "[distrogen fuzz] mangled: "
                        + specs
                        + " specs, "
                        + plans
                        + " plans through every target, "
                        + parsed
                        + " outputs of every third parsed");
        assertTrue(
                plans > specs / 10,
                "enough mangled specs still compile to exercise the targets: " + plans);
    }

    /** {@code count} generated hostile specs, from {@code seed}. */
    static void fuzzHostile(int count, long seed) {
        Random random = new Random(seed);
        int plans = 0;
        int documents = 0;
        for (int i = 0; i < count; i++) {
            String spec = HostileSpecs.generate(random);
            Compilation c =
                    Compiler.compile(
                            new SpecSource(HostileSpecs.name(random), Golden.root(), spec));
            assertTrue(c.plan().isPresent() || c.diagnostics().hasErrors(), spec);
            GeneratedOutputs.assertDisplaySafe(
                    new DiagnosticFormatter(false)
                            .format(
                                    c.source(),
                                    c.diagnostics().sorted(),
                                    c.diagnostics().summary()));
            if (c.plan().isPresent()) {
                plans++;
                documents +=
                        GeneratedOutputs.assertParse(generateEveryTarget(c.plan().get(), spec));
            }
        }
        System.err.println(
                "[distrogen fuzz] hostile: "
                        + count
                        + " specs, "
                        + plans
                        + " plans, "
                        + documents
                        + " outputs parsed");
        assertTrue(
                plans > count / 10,
                "enough hostile specs compile to exercise the targets: " + plans);
    }

    /**
     * Output directories tampered with between two runs (HostileOutputs): the second run writes or
     * refuses (exit 3), but never touches a file outside the directory, never loses an edit without
     * --force, never leaves a staged copy, and when it writes, the manifest matches the files.
     */
    @Test
    void hostileOutputDirectories_nothingOutsideIsTouched_noEditIsLost(@TempDir Path tmp)
            throws IOException {
        Random random = new Random(1717L);
        Path source = Files.writeString(tmp.resolve("copy.conf"), "the user's config\n");
        int count = 150 * SCALE;
        int refused = 0;
        for (int i = 0; i < count; i++) {
            Path root = Files.createDirectories(tmp.resolve("r" + i));
            Path outside = Files.createDirectories(root.resolve("outside"));
            Files.writeString(outside.resolve("victim.txt"), "victim\n");
            Path out = root.resolve("out");
            List<String> warnings = new ArrayList<>();
            write(out, HostileOutputs.files(random, source), false, warnings);
            List<Path> edited =
                    HostileOutputs.tamper(
                            random, out, outside, sha256(outside.resolve("victim.txt")));
            Map<Path, String> before = snapshot(root);
            boolean force = random.nextBoolean();
            List<GeneratedFile> files = HostileOutputs.files(random, source);
            boolean written = write(out, files, force, warnings);
            refused += written ? 0 : 1;
            Map<Path, String> after = snapshot(root);
            String context = "round " + i + (force ? " --force" : "") + ", warnings " + warnings;
            for (Map.Entry<Path, String> e : before.entrySet()) {
                if (e.getKey().startsWith(outside) || (!force && edited.contains(e.getKey()))) {
                    assertEquals(e.getValue(), after.get(e.getKey()), e.getKey() + ", " + context);
                }
            }
            assertEquals(
                    before.keySet().stream().filter(p -> p.startsWith(outside)).toList(),
                    after.keySet().stream().filter(p -> p.startsWith(outside)).toList(),
                    context);
            assertFalse(
                    after.keySet().stream()
                            .anyMatch(p -> p.getFileName().toString().endsWith(".tmp")),
                    context);
            if (written) {
                for (String line : Files.readAllLines(out.resolve(".distrogen-manifest"))) {
                    // The files this run wrote are there as listed; another target's may have gone
                    // since (a planted one too).
                    String path = line.startsWith("#") ? null : line.substring(66);
                    String there = path == null ? null : after.get(out.resolve(path));
                    if (there != null || files.stream().anyMatch(f -> f.path().equals(path))) {
                        assertEquals(line.substring(0, 64), there, line + ", " + context);
                    }
                }
            }
        }
        System.err.println(
                "[distrogen fuzz] hostile output directories: "
                        + count
                        + " rounds, "
                        + refused
                        + " refused");
        assertTrue(
                refused > count / 10 && refused < count * 9 / 10,
                "both outcomes exercised: " + refused + " refused");
    }

    /**
     * One run of the writer; false when it refused (an OutputException, as the command line reports
     * it).
     */
    private static boolean write(
            Path out, List<GeneratedFile> files, boolean force, List<String> warnings) {
        try {
            new OutputWriter(force, warnings::add).write(out, "t", files);
            return true;
        } catch (OutputException refused) {
            return false;
        }
    }

    /**
     * Every file and link under {@code root} (links not followed): a file's SHA-256, a link's
     * target.
     */
    private static Map<Path, String> snapshot(Path root) throws IOException {
        Map<Path, String> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.toList()) {
                if (Files.isSymbolicLink(p)) {
                    files.put(p, "-> " + Files.readSymbolicLink(p));
                } else if (Files.isRegularFile(p)) {
                    files.put(p, sha256(p));
                }
            }
        }
        return files;
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of()
                    .formatHex(
                            MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Every file of every target (each single target, then all of them as --target all -o writes
     * them).
     */
    static List<GeneratedFile> generateEveryTarget(ImagePlan plan, String spec) {
        List<GeneratedFile> files = new ArrayList<>();
        for (Backend backend : Backends.all()) {
            files.addAll(generate(backend, plan, spec));
        }
        files.addAll(generate(Backends.byName("all").orElseThrow(), plan, spec));
        return files;
    }

    private static List<GeneratedFile> generate(Backend backend, ImagePlan plan, String spec) {
        try {
            return backend.generate(new GenerationRequest(plan, "m.dl", true));
        } catch (GenerationException refused) {
            return List.of(); // A message for the user, as intended.
        } catch (RuntimeException e) {
            throw new AssertionError(backend.name() + " failed on:\n" + spec, e);
        }
    }

    private static String mangle(String text, Random random) {
        StringBuilder s = new StringBuilder(text);
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits && s.length() > 0; e++) {
            int at = random.nextInt(s.length());
            switch (random.nextInt(4)) {
                case 0 -> s.setLength(at);
                case 1 -> s.deleteCharAt(at);
                case 2 -> s.insert(at, s.charAt(random.nextInt(s.length())));
                default -> s.setCharAt(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
        }
        return s.toString();
    }
}
