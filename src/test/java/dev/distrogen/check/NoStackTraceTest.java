package dev.distrogen.check;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.distrogen.Compiler;
import dev.distrogen.Compiler.Compilation;
import dev.distrogen.Golden;
import dev.distrogen.diagnostic.DiagnosticFormatter;
import dev.distrogen.diagnostic.SpecSource;
import dev.distrogen.backend.Backend;
import dev.distrogen.backend.Backends;
import dev.distrogen.backend.GenerationException;
import dev.distrogen.backend.GenerationRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Bad input never produces an exception: thousands of mangled versions of the example (cut
 * short, characters deleted, duplicated or replaced by the language's own punctuation) each
 * compile to diagnostics or a plan, every diagnostic renders, and every target renders every
 * plan (a target may refuse one, with a message, but never fail).
 */
class NoStackTraceTest {

    private static final String ALPHABET = "{}=/\"#\n 0123456789ax\\";

    @Test
    void mangledSpecs_giveDiagnosticsOrAPlan_neverAnException() throws Exception {
        DiagnosticFormatter formatter = new DiagnosticFormatter(false);
        int plans = 0;
        for (Path spec : Golden.allSpecs()) {
            String text = Files.readString(spec);
            Random random = new Random(20261123L + spec.getFileName().hashCode());
            for (int i = 0; i < 700; i++) {
                String mangled = mangle(text, random);
                SpecSource source = new SpecSource("m.dl", spec.getParent(), mangled);
                Compilation c = Compiler.compile(source);
                assertTrue(c.plan().isPresent() || c.diagnostics().hasErrors(), mangled);
                String rendered = formatter.format(source, c.diagnostics().sorted(), c.diagnostics().summary());
                assertFalse(rendered.contains("Exception"), rendered);
                if (c.plan().isPresent()) {
                    plans++;
                    generateEveryTarget(c, mangled);
                }
            }
        }
        assertTrue(plans > 100, "enough mangled specs still compile to exercise the targets: " + plans);
    }

    private static void generateEveryTarget(Compilation c, String spec) {
        for (Backend backend : Backends.all()) {
            try {
                backend.generate(new GenerationRequest(c.plan().get(), "m.dl", true));
            } catch (GenerationException refused) {
                // A message for the user, as intended.
            } catch (RuntimeException e) {
                throw new AssertionError(backend.name() + " failed on:\n" + spec, e);
            }
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
