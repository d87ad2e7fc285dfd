package dev.distrogen;

import dev.distrogen.check.Checks;
import dev.distrogen.check.Diagnostic;
import dev.distrogen.check.Diagnostics;
import dev.distrogen.check.SpecSource;
import dev.distrogen.model.SourceLocation;
import dev.distrogen.model.Spec;
import dev.distrogen.parse.ParseResult;
import dev.distrogen.parse.SpecParser;
import dev.distrogen.plan.ImagePlan;
import dev.distrogen.plan.PlanBuilder;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The whole front end: read, parse, check, plan. Backends take it from there. */
public final class Compiler {

    static final String NOT_UTF8 = "DG007";

    private Compiler() {
    }

    /** The result of compiling one spec: its diagnostics, and a plan when there was no error. */
    public record Compilation(SpecSource source, Optional<Spec> spec, Optional<ImagePlan> plan, Diagnostics diagnostics) {
    }

    /**
     * Reads a spec file (UTF-8; a byte-order mark is ignored).
     *
     * @param displayName how diagnostics name the file
     */
    public static Compilation compile(Path file, String displayName) throws IOException {
        Path baseDir = file.toAbsolutePath().normalize().getParent();
        byte[] bytes = Files.readAllBytes(file);
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return compile(new SpecSource(displayName, baseDir, text.startsWith("\uFEFF") ? text.substring(1) : text));
        } catch (CharacterCodingException e) {
            SpecSource source = new SpecSource(displayName, baseDir, "");
            Diagnostics diagnostics = new Diagnostics();
            diagnostics.add(Diagnostic.error(NOT_UTF8, new SourceLocation(1, 1, 1), "the file is not UTF-8 text")
                    .withHint("save the spec as UTF-8"));
            return new Compilation(source, Optional.empty(), Optional.empty(), diagnostics);
        }
    }

    public static Compilation compile(SpecSource source) {
        Diagnostics diagnostics = new Diagnostics();
        ParseResult parsed = SpecParser.parse(source);
        diagnostics.addAll(parsed.diagnostics());
        if (parsed.spec().isEmpty()) {
            return new Compilation(source, Optional.empty(), Optional.empty(), diagnostics);
        }
        Spec spec = parsed.spec().get();
        List<Diagnostic> problems = Checks.run(spec);
        diagnostics.addAll(problems);
        Optional<ImagePlan> plan = diagnostics.hasErrors() ? Optional.empty() : Optional.of(PlanBuilder.build(spec));
        return new Compilation(source, Optional.of(spec), plan, diagnostics);
    }
}
