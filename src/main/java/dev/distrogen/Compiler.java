package dev.distrogen;

import dev.distrogen.backend.Backends;
import dev.distrogen.check.Checks;
import dev.distrogen.diagnostic.Code;
import dev.distrogen.diagnostic.Diagnostic;
import dev.distrogen.diagnostic.Diagnostics;
import dev.distrogen.diagnostic.SpecSource;
import dev.distrogen.model.Overrides;
import dev.distrogen.model.SourceLocation;
import dev.distrogen.model.Spec;
import dev.distrogen.output.OutputWriter;
import dev.distrogen.parse.ParseResult;
import dev.distrogen.parse.SpecParser;
import dev.distrogen.plan.ImagePlan;
import dev.distrogen.plan.PlanBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** The whole front end: read, parse, check, plan. Backends take it from there. */
public final class Compiler {

    private Compiler() {}

    /** The result of compiling one spec: its diagnostics, and a plan when there was no error. */
    public record Compilation(
            SpecSource source,
            Optional<Spec> spec,
            Optional<ImagePlan> plan,
            Diagnostics diagnostics) {}

    /**
     * The largest spec distrogen reads: far above any real one, far below what would exhaust
     * memory.
     */
    public static final int MAX_SPEC_BYTES = 4 << 20;

    /** A spec file larger than {@link #MAX_SPEC_BYTES} (or endless, as /dev/zero). */
    public static final class SpecTooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        SpecTooLarge() {
            super("larger than " + (MAX_SPEC_BYTES >> 20) + " MiB, the most a spec may hold");
        }
    }

    /**
     * Reads a spec file (UTF-8; a byte-order mark is ignored), at most {@link #MAX_SPEC_BYTES}.
     *
     * @param displayName how diagnostics name the file
     */
    public static Compilation compile(Path file, String displayName) throws IOException {
        return compile(file, displayName, Overrides.NONE);
    }

    /**
     * {@link #compile(Path, String)}, with what the command line adds: the plan is built from both.
     */
    public static Compilation compile(Path file, String displayName, Overrides overrides)
            throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return compile(
                    readSpec(in),
                    file.toAbsolutePath().normalize().getParent(),
                    displayName,
                    overrides);
        }
    }

    /**
     * Reads a spec's bytes, at most {@link #MAX_SPEC_BYTES}: a larger (or endless) input is
     * refused.
     */
    public static byte[] readSpec(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_SPEC_BYTES + 1);
        if (bytes.length > MAX_SPEC_BYTES) {
            throw new SpecTooLarge();
        }
        return bytes;
    }

    /**
     * Compiles a spec's bytes (UTF-8; a byte-order mark is ignored), read from standard input for
     * instance; its {@code from} files resolve against {@code baseDir}.
     */
    public static Compilation compile(byte[] bytes, Path baseDir, String displayName) {
        return compile(bytes, baseDir, displayName, Overrides.NONE);
    }

    public static Compilation compile(
            byte[] bytes, Path baseDir, String displayName, Overrides overrides) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        SpecSource source =
                new SpecSource(
                        displayName, baseDir, text.startsWith("\uFEFF") ? text.substring(1) : text);
        Optional<SourceLocation> malformed = firstMalformedByte(bytes);
        if (malformed.isPresent()) {
            Diagnostics diagnostics = new Diagnostics();
            diagnostics.add(
                    Diagnostic.error(
                                    Code.NOT_UTF8,
                                    malformed.get(),
                                    "the file is not UTF-8 text: a byte here is not "
                                            + "valid UTF-8")
                            .withHint("save the spec as UTF-8"));
            return new Compilation(source, Optional.empty(), Optional.empty(), diagnostics);
        }
        return compile(source, overrides);
    }

    /**
     * DG008 on each line that holds a NUL: no output can carry one, and the parser would read past
     * it as if it were text.
     */
    private static Diagnostics nulCharacters(String text) {
        Diagnostics found = new Diagnostics();
        int line = 1;
        int column = 1;
        boolean reported = false;
        for (int i = 0; i < text.length(); i = text.offsetByCodePoints(i, 1)) {
            int c = text.codePointAt(i);
            if (c == 0 && !reported) {
                found.add(
                        Diagnostic.error(
                                        Code.NUL_CHARACTER,
                                        new SourceLocation(line, column, 1),
                                        "a NUL character: no generated file can hold one (Nix strings, shell words, file names and the "
                                                + "environment end at it)")
                                .withHint(
                                        "remove it; for a binary config file, use `from` "
                                                + "with a file beside the spec"));
                reported = true;
            }
            column++;
            if (c == '\n') {
                line++;
                column = 1;
                reported = false;
            }
        }
        return found;
    }

    /** Where the first byte that is not UTF-8 stands, if any. */
    private static Optional<SourceLocation> firstMalformedByte(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CoderResult result =
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(in, CharBuffer.allocate(bytes.length + 1), true);
        if (!result.isError()) {
            return Optional.empty();
        }
        int position = in.position();
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < position; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        int column =
                new String(bytes, lineStart, position - lineStart, StandardCharsets.UTF_8).length()
                        + 1;
        return Optional.of(new SourceLocation(line, column, 1));
    }

    /**
     * The names distrogen writes into an output directory itself, which a copied {@code from} file
     * may not take.
     */
    static Set<String> generatedFileNames() {
        Set<String> names = new TreeSet<>(Backends.fileNames());
        names.addAll(OutputWriter.OWN_FILES);
        return names;
    }

    public static Compilation compile(SpecSource source) {
        return compile(source, Overrides.NONE);
    }

    public static Compilation compile(SpecSource source, Overrides overrides) {
        Diagnostics nul = nulCharacters(source.text());
        if (!nul.isEmpty()) {
            return new Compilation(source, Optional.empty(), Optional.empty(), nul);
        }
        Diagnostics diagnostics = new Diagnostics();
        ParseResult parsed = SpecParser.parse(source);
        diagnostics.addAll(parsed.diagnostics());
        if (parsed.spec().isEmpty()) {
            return new Compilation(source, Optional.empty(), Optional.empty(), diagnostics);
        }
        Spec spec = parsed.spec().get();
        List<Diagnostic> problems = Checks.run(spec, generatedFileNames(), overrides);
        diagnostics.addAll(problems);
        Optional<ImagePlan> plan =
                diagnostics.hasErrors()
                        ? Optional.empty()
                        : Optional.of(PlanBuilder.build(spec, overrides));
        return new Compilation(source, Optional.of(spec), plan, diagnostics);
    }
}
