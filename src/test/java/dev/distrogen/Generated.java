package dev.distrogen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.distrogen.Compiler.Compilation;
import dev.distrogen.backend.Backend;
import dev.distrogen.backend.Backends;
import dev.distrogen.backend.GeneratedFile;
import dev.distrogen.backend.GenerationException;
import dev.distrogen.backend.GenerationRequest;
import dev.distrogen.backend.all.AllBackend;
import dev.distrogen.diagnostic.Severity;
import dev.distrogen.diagnostic.SpecSource;
import dev.distrogen.model.Spec;
import dev.distrogen.plan.ImagePlan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tests' one way from a spec to its outputs: compile, generate a target, read the result back
 * as its tools read it. Each spec is compiled once and each target generated once per run, so the
 * K8s, Compose, Docs and Workflow tests share the work and the parsing.
 */
public final class Generated {

    private static final Map<Object, Generated> CACHE = new ConcurrentHashMap<>();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Compilation compilation;
    private final String specName;
    private final Map<String, List<GeneratedFile>> files = new ConcurrentHashMap<>();

    private Generated(Compilation compilation, String specName) {
        List<String> errors =
                compilation.diagnostics().sorted().stream()
                        .filter(d -> d.severity() == Severity.ERROR)
                        .map(Object::toString)
                        .toList();
        assertEquals(List.of(), errors, specName);
        this.compilation = compilation;
        this.specName = specName;
    }

    /** A spec file, such as an example. */
    public static Generated of(Path spec) {
        return CACHE.computeIfAbsent(
                spec.toAbsolutePath().normalize(),
                key -> {
                    try {
                        return new Generated(
                                Compiler.compile(spec, spec.getFileName().toString()),
                                spec.getFileName().toString());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }

    /** A spec's text, as a test writes it (its from files resolve against /tmp). */
    public static Generated of(String text) {
        return CACHE.computeIfAbsent(
                text,
                key ->
                        new Generated(
                                Compiler.compile(new SpecSource("spec.dl", Path.of("/tmp"), text)),
                                "spec.dl"));
    }

    public ImagePlan plan() {
        return compilation.plan().orElseThrow();
    }

    public Spec spec() {
        return compilation.spec().orElseThrow();
    }

    /** The files a target writes into an output directory. */
    public List<GeneratedFile> files(String target) {
        return files.computeIfAbsent(
                target,
                t -> {
                    Backend backend =
                            Backends.byName(t, List.of())
                                    .orElseThrow(() -> new AssertionError("no target " + t));
                    try {
                        return backend.generate(new GenerationRequest(plan(), specName, true));
                    } catch (GenerationException e) {
                        throw new AssertionError(t + ": " + e.getMessage(), e);
                    }
                });
    }

    /** The target's main file: what it prints. */
    public String text(String target) {
        return files(target).get(0).text();
    }

    /** One file of the target, by its path in the output directory. */
    public String text(String target, String path) {
        return files(target).stream()
                .filter(f -> f.path().equals(path))
                .findFirst()
                .orElseThrow(() -> new AssertionError(target + " writes no " + path))
                .text();
    }

    /**
     * The GitHub workflow of the skeleton alone (no other part: a spec without a build stage has
     * one too).
     */
    public String workflow() {
        return files
                .computeIfAbsent(
                        "workflow",
                        w -> {
                            try {
                                return new AllBackend(List.of())
                                        .generate(new GenerationRequest(plan(), specName, true));
                            } catch (GenerationException e) {
                                throw new AssertionError(e.getMessage(), e);
                            }
                        })
                .stream()
                .filter(f -> f.path().equals(".github/workflows/image.yml"))
                .findFirst()
                .orElseThrow()
                .text();
    }

    /** The YAML documents of the target's main file, as SnakeYAML reads them. */
    public List<Object> yaml(String target) {
        return GeneratedOutputs.yamlDocuments(text(target));
    }

    /** The target's main file as Jackson reads it. */
    public JsonNode json(String target) {
        try {
            return JSON.readTree(text(target));
        } catch (IOException e) {
            throw new AssertionError(target + " is not JSON", e);
        }
    }
}
