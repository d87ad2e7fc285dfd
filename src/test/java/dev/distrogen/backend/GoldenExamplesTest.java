package dev.distrogen.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.distrogen.Compiler;
import dev.distrogen.Compiler.Compilation;
import dev.distrogen.Golden;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every example, every target: the files a target writes with {@code -o DIR} are kept in {@code
 * examples/NAME/generated/TARGET/} and must match byte for byte, with no file missing and none left
 * over. Examples must check clean: they are what users copy.
 */
class GoldenExamplesTest {

    static final Path EXAMPLES = Golden.root().resolve("examples");

    @TestFactory
    Stream<DynamicTest> everyExampleAndTarget() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path spec : Golden.exampleSpecs()) {
            for (Backend backend : Backends.all()) {
                String name = EXAMPLES.relativize(spec) + " --target " + backend.name();
                tests.add(DynamicTest.dynamicTest(name, () -> assertGolden(spec, backend)));
            }
        }
        assertTrue(tests.size() >= Backends.all().size(), "no example found under " + EXAMPLES);
        return tests.stream();
    }

    private static void assertGolden(Path spec, Backend backend) throws Exception {
        Compilation compilation = Compiler.compile(spec, spec.getFileName().toString());
        assertTrue(
                compilation.diagnostics().isEmpty(),
                "an example must check clean: " + compilation.diagnostics().sorted());
        List<GeneratedFile> files =
                backend.generate(
                        new GenerationRequest(
                                compilation.plan().orElseThrow(),
                                spec.getFileName().toString(),
                                true));
        Path expectedDir = spec.getParent().resolve("generated").resolve(backend.name());
        TreeSet<String> produced = new TreeSet<>();
        for (GeneratedFile file : files) {
            Golden.assertMatches(expectedDir.resolve(file.path()), file.text());
            produced.add(file.path());
        }
        if (!Golden.updating()) {
            assertEquals(
                    produced,
                    filesUnder(expectedDir),
                    "files in " + Golden.root().relativize(expectedDir));
        }
        assertDeclared(backend, compilation, files);
    }

    /**
     * A target writes the files it declares (which the checks keep from-files away from), and
     * copies of from-files.
     */
    private static void assertDeclared(
            Backend backend, Compilation compilation, List<GeneratedFile> files) {
        TreeSet<String> copies = new TreeSet<>();
        compilation
                .plan()
                .orElseThrow()
                .files()
                .forEach(
                        f -> {
                            if (f.content().orElseThrow()
                                    instanceof dev.distrogen.plan.FileContent.SourceFile source) {
                                copies.add(source.specRelative());
                            }
                        });
        assertTrue(
                backend.fileNames().contains(files.get(0).path()),
                "the main file is declared: " + files.get(0).path());
        for (GeneratedFile file : files) {
            boolean declared =
                    backend.fileNames().stream()
                            .anyMatch(
                                    n -> file.path().equals(n) || file.path().startsWith(n + "/"));
            assertTrue(
                    declared || copies.contains(file.path()),
                    backend.name()
                            + " writes "
                            + file.path()
                            + ", which it does not declare in fileNames()");
        }
    }

    @TestFactory
    Stream<DynamicTest> theSkeleton_writesOnlyWhatItDeclares() {
        Backend all = Backends.byName("all").orElseThrow();
        return Golden.exampleSpecs().stream()
                .map(
                        spec ->
                                DynamicTest.dynamicTest(
                                        EXAMPLES.relativize(spec).toString(),
                                        () -> {
                                            Compilation compilation =
                                                    Compiler.compile(
                                                            spec,
                                                            spec.getFileName().toString(),
                                                            dev.distrogen.model.Overrides.from(
                                                                    "builder:1"));
                                            assertDeclared(
                                                    all,
                                                    compilation,
                                                    all.generate(
                                                            new GenerationRequest(
                                                                    compilation
                                                                            .plan()
                                                                            .orElseThrow(),
                                                                    spec.getFileName().toString(),
                                                                    true)));
                                        }));
    }

    private static TreeSet<String> filesUnder(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            TreeSet<String> names = new TreeSet<>();
            files.filter(Files::isRegularFile)
                    .forEach(f -> names.add(dir.relativize(f).toString().replace('\\', '/')));
            return names;
        }
    }
}
