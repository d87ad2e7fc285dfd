package dev.distrogen.check;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.distrogen.Compiler;
import dev.distrogen.Compiler.Compilation;
import dev.distrogen.Golden;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Bad input never produces an exception: thousands of mangled versions of the example (cut
 * short, characters deleted, duplicated or replaced by the language's own punctuation) each
 * compile to diagnostics or a plan, and every diagnostic renders.
 */
class NoStackTraceTest {

    private static final String ALPHABET = "{}=/\"#\n 0123456789ax\\";

    @Test
    void mangledSpecs_giveDiagnosticsOrAPlan_neverAnException() throws Exception {
        Path example = Golden.root().resolve("examples/nginx/nginx.dl");
        String text = Files.readString(example);
        Random random = new Random(20261123);
        DiagnosticFormatter formatter = new DiagnosticFormatter(false);
        for (int i = 0; i < 3000; i++) {
            String mangled = mangle(text, random);
            SpecSource source = new SpecSource("m.dl", example.getParent(), mangled);
            Compilation c = Compiler.compile(source);
            assertTrue(c.plan().isPresent() || c.diagnostics().hasErrors(), mangled);
            String rendered = formatter.format(source, c.diagnostics().sorted(), c.diagnostics().summary());
            assertFalse(rendered.contains("Exception"), rendered);
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
