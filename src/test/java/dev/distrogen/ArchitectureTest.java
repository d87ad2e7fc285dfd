package dev.distrogen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The layers stay as ARCHITECTURE.md draws them ("Walls"), read from the sources' imports. */
class ArchitectureTest {

    private static final Path MAIN = Golden.root().resolve("src/main/java/dev/distrogen");
    private static final Pattern IMPORT = Pattern.compile("(?m)^import (?:static )?dev\\.distrogen\\.([a-z]+)(?:\\.([a-z0-9]+))?");
    private static final List<String> TARGETS = List.of("plan", "json", "dockerfile", "nix", "docs", "k8s", "compose", "all");

    /** Which top-level packages each package may import (besides itself). */
    private static final Map<String, List<String>> ALLOWED = Map.of(
            "model", List.of(),
            "diagnostic", List.of("model"),
            "parse", List.of("model", "diagnostic"),
            "check", List.of("model", "diagnostic"),
            "plan", List.of("model"),
            "backend", List.of("model", "plan"),
            "output", List.of("backend"));

    @Test
    void eachLayer_importsOnlyTheLayersBelowIt() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Path file : sources()) {
            String pkg = MAIN.relativize(file).getName(0).toString();
            List<String> allowed = ALLOWED.get(pkg);
            if (allowed == null) {
                continue; // cli and the Compiler tie the layers together
            }
            Matcher m = IMPORT.matcher(Files.readString(file));
            while (m.find()) {
                if (!m.group(1).equals(pkg) && !allowed.contains(m.group(1))) {
                    violations.add(MAIN.relativize(file) + " imports dev.distrogen." + m.group(1));
                }
            }
        }
        assertEquals(List.of(), violations);
    }

    @Test
    void noTarget_importsAnotherTarget() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Path file : sources()) {
            Path relative = MAIN.relativize(file);
            if (!relative.getName(0).toString().equals("backend") || relative.getNameCount() < 3) {
                continue;
            }
            String target = relative.getName(1).toString();
            Matcher m = IMPORT.matcher(Files.readString(file));
            while (m.find()) {
                if ("backend".equals(m.group(1)) && m.group(2) != null && TARGETS.contains(m.group(2)) && !m.group(2).equals(target)) {
                    violations.add(relative + " imports the " + m.group(2) + " target");
                }
            }
        }
        assertEquals(List.of(), violations);
    }

    @Test
    void noTarget_readsTheSpec_onlyThePlan() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Path file : sources()) {
            Path relative = MAIN.relativize(file);
            if (relative.getName(0).toString().equals("backend")
                    && Files.readString(file).contains("import dev.distrogen.model.Spec;")) {
                violations.add(relative + " imports the Spec");
            }
        }
        assertEquals(List.of(), violations);
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
    }
}
