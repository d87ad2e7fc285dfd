package dev.distrogen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Expected-output files. {@code mvn test -DupdateGolden=true} rewrites them from the current
 * output; otherwise a missing file fails the test, so no case passes without an expectation.
 */
public final class Golden {

    private Golden() {}

    /** The repository's root folder (Maven passes it; the working directory otherwise). */
    public static Path root() {
        String root = System.getProperty("distrogen.root");
        return Path.of(root == null || root.isEmpty() ? "." : root).toAbsolutePath().normalize();
    }

    public static boolean updating() {
        return Boolean.parseBoolean(System.getProperty("distrogen.updateGolden"));
    }

    public static void assertMatches(Path expectedFile, String actual) {
        try {
            if (updating()) {
                Files.createDirectories(expectedFile.getParent());
                Files.writeString(expectedFile, actual, StandardCharsets.UTF_8);
                return;
            }
            if (!Files.exists(expectedFile)) {
                fail(
                        "no expected output "
                                + root().relativize(expectedFile)
                                + "; review the output and create it with: mvn test -DupdateGolden=true");
            }
            assertEquals(
                    Files.readString(expectedFile, StandardCharsets.UTF_8),
                    actual,
                    "output differs from " + root().relativize(expectedFile));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every example spec, sorted. */
    public static List<Path> exampleSpecs() {
        try (Stream<Path> files = Files.walk(root().resolve("examples"), 2)) {
            return files.filter(f -> f.toString().endsWith(".dl")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The examples and the escapes spec, whose strings try to break out of every language. */
    public static List<Path> allSpecs() {
        List<Path> specs = new ArrayList<>(exampleSpecs());
        specs.add(root().resolve("src/test/resources/integration/escapes/escapes.dl"));
        return specs;
    }

    /**
     * {@link #allSpecs()} and a spec that sets everything an operator sets (registry, digest,
     * health, resources, ...).
     */
    public static List<Path> operatorSpecs() {
        List<Path> specs = new ArrayList<>(allSpecs());
        specs.add(root().resolve("src/test/resources/ops/shipped.dl"));
        return specs;
    }
}
