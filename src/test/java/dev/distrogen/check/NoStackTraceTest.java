package dev.distrogen.check;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.distrogen.Compiler;
import dev.distrogen.Compiler.Compilation;
import dev.distrogen.GeneratedOutputs;
import dev.distrogen.Golden;
import dev.distrogen.Tools;
import dev.distrogen.backend.Backend;
import dev.distrogen.backend.Backends;
import dev.distrogen.backend.GeneratedFile;
import dev.distrogen.backend.GenerationException;
import dev.distrogen.backend.GenerationRequest;
import dev.distrogen.diagnostic.DiagnosticFormatter;
import dev.distrogen.diagnostic.SpecSource;
import dev.distrogen.plan.ImagePlan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The fuzzer. Bad input never produces an exception: mangled versions of every example (cut
 * short, characters deleted, duplicated or replaced by the language's own punctuation) and
 * generated specs whose every string is an injection payload for some output language. Each
 * compiles to diagnostics or a plan, every diagnostic renders, every target renders every plan
 * (a target may refuse one, with a message, but never fail), and what it renders parses: YAML
 * (SnakeYAML), JSON (Jackson), the Dockerfile's instructions exactly distrogen's, IMAGE.md's
 * blocks (CommonMark), a sample of the Nix expressions (nix-instantiate --parse).
 *
 * <p>{@code mvn test -Dtest=NoStackTraceTest -Ddistrogen.fuzz=100} runs a hundred times as many
 * (ARCHITECTURE.md: "The fuzzer").
 */
class NoStackTraceTest {

    /** How many times the bounded run of {@code mvn verify} to make. */
    static final int SCALE = Integer.getInteger("distrogen.fuzz", 1);
    private static final String ALPHABET = "{}=/\"#\n 0123456789ax\\";

    @Test
    void mangledSpecs_giveDiagnosticsOrAPlan_neverAnException() throws Exception {
        DiagnosticFormatter formatter = new DiagnosticFormatter(false);
        int plans = 0;
        int specs = 0;
        int parsed = 0;
        for (Path spec : Golden.allSpecs()) {
            String text = Files.readString(spec);
            Random random = new Random(20261123L + spec.getFileName().hashCode());
            for (int i = 0; i < 500 * SCALE; i++) {
                String mangled = mangle(text, random);
                SpecSource source = new SpecSource("m.dl", spec.getParent(), mangled);
                Compilation c = Compiler.compile(source);
                specs++;
                assertTrue(c.plan().isPresent() || c.diagnostics().hasErrors(), mangled);
                String rendered = formatter.format(source, c.diagnostics().sorted(), c.diagnostics().summary());
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
        System.err.println("[distrogen fuzz] mangled: " + specs + " specs, " + plans + " plans through every target, "
                + parsed + " outputs of every third parsed");
        assertTrue(plans > 100 * SCALE, "enough mangled specs still compile to exercise the targets: " + plans);
    }

    @Test
    void hostileSpecs_everyTargetRenders_andItsOutputsParse() {
        Random random = new Random(13L);
        int plans = 0;
        int documents = 0;
        int count = 800 * SCALE;
        for (int i = 0; i < count; i++) {
            String spec = HostileSpecs.generate(random);
            Compilation c = Compiler.compile(new SpecSource(HostileSpecs.name(random), Golden.root(), spec));
            assertTrue(c.plan().isPresent() || c.diagnostics().hasErrors(), spec);
            new DiagnosticFormatter(false).format(c.source(), c.diagnostics().sorted(), c.diagnostics().summary());
            if (c.plan().isPresent()) {
                plans++;
                documents += GeneratedOutputs.assertParse(generateEveryTarget(c.plan().get(), spec));
            }
        }
        System.err.println("[distrogen fuzz] hostile: " + count + " specs, " + plans + " plans, " + documents
                + " outputs parsed");
        assertTrue(plans > count / 10, "enough hostile specs compile to exercise the targets: " + plans);
    }

    @Test
    void hostileSpecs_aSampleOfNixExpressions_parseWithNix() {
        Tools.requireOnPath("the Nix tests need nix-bin (apt-get install nix-bin, as .ci/run does)", "nix-instantiate");
        Random random = new Random(2028L);
        List<String> expressions = new ArrayList<>();
        while (expressions.size() < 30 * SCALE) {
            String spec = HostileSpecs.generate(random);
            Compilation c = Compiler.compile(new SpecSource(HostileSpecs.name(random), Golden.root(), spec));
            if (c.plan().isEmpty()) {
                continue;
            }
            for (GeneratedFile file : generateEveryTarget(c.plan().get(), spec)) {
                if (file.path().equals("default.nix")) {
                    expressions.add(file.text());
                }
            }
        }
        GeneratedOutputs.assertNixParses(expressions);
        System.err.println("[distrogen fuzz] nix-instantiate --parse: " + expressions.size() + " expressions");
    }

    /** Every file of every target (each single target, then all of them as --target all -o writes them). */
    private static List<GeneratedFile> generateEveryTarget(ImagePlan plan, String spec) {
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
