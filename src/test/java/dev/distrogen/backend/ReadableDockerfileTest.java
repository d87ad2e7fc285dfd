package dev.distrogen.backend;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.distrogen.Golden;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The generated Dockerfile reads like a hand-written one (issue: "a wall of shell"): the build
 * scripts live in distrogen/ beside it, so every example's Dockerfile is short, each line fits a
 * screen, and no RUN carries a shell library that a build log would echo in full.
 */
class ReadableDockerfileTest {

    private static final int MAX_LINES = 40;
    private static final int MAX_LINE = 140;
    private static final int MAX_RUN = 400;

    @TestFactory
    Stream<DynamicTest> everyExample_hasAShortDockerfile() throws IOException {
        try (Stream<Path> files = Files.list(Golden.root().resolve("examples"))) {
            List<Path> dockerfiles =
                    files.map(e -> e.resolve("generated/dockerfile/Dockerfile"))
                            .filter(Files::exists)
                            .sorted()
                            .toList();
            assertTrue(dockerfiles.size() >= 8, "the examples' Dockerfiles: " + dockerfiles);
            return dockerfiles.stream()
                    .map(
                            f ->
                                    DynamicTest.dynamicTest(
                                            f.getParent()
                                                    .getParent()
                                                    .getParent()
                                                    .getFileName()
                                                    .toString(),
                                            () -> assertReadable(Files.readString(f))));
        }
    }

    @Test
    void theNginxExample_isAsShortAsTheHandWrittenOnesInThePosts() throws IOException {
        String nginx =
                Files.readString(
                        Golden.root().resolve("examples/nginx/generated/dockerfile/Dockerfile"));
        long lines = nginx.lines().count();
        assertTrue(lines >= 20 && lines <= MAX_LINES, lines + " lines:\n" + nginx);
    }

    private static void assertReadable(String dockerfile) {
        List<String> lines = dockerfile.lines().toList();
        assertTrue(lines.size() <= MAX_LINES, lines.size() + " lines:\n" + dockerfile);
        lines.forEach(
                l ->
                        assertTrue(
                                l.length() <= MAX_LINE,
                                "a line of " + l.length() + " characters: " + l));
        for (String instruction : dockerfile.replace("\\\n", " ").split("\n")) {
            if (instruction.startsWith("RUN ")) {
                assertTrue(
                        instruction.length() <= MAX_RUN,
                        "a RUN of " + instruction.length() + " characters: " + instruction);
                assertTrue(
                        instruction.startsWith("RUN sh /distrogen/"),
                        "a RUN calls a script of distrogen/: " + instruction);
            }
        }
    }
}
