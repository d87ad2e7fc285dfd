package dev.distrogen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The layers stay as ARCHITECTURE.md draws them ("Walls"), read from the sources' imports. */
class ArchitectureTest {

    private static final Path MAIN = Golden.root().resolve("src/main/java/dev/distrogen");
    private static final Pattern IMPORT =
            Pattern.compile(
                    "(?m)^import (?:static )?dev\\.distrogen\\.((?:[a-z][a-z0-9]*\\.)*[a-z][a-z0-9]*)\\.[A-Z*]");

    /** The subpackages of backend that are not targets: what every target may share. */
    private static final Set<String> SHARED_BY_TARGETS = Set.of("escape");

    /**
     * The registry of targets: the one file below cli that names them all (as Checks names every
     * rule).
     */
    private static final Path TARGET_REGISTRY = Path.of("backend", "Backends.java");

    /** The target packages under backend/, each reading only its own resources. */
    private static final List<String> TARGETS =
            List.of("plan", "json", "dockerfile", "nix", "docs", "k8s", "compose", "all");

    /** Which top-level packages each package may import (besides itself). */
    private static final Map<String, List<String>> ALLOWED =
            Map.of(
                    "model", List.of(),
                    "diagnostic", List.of("model"),
                    "parse", List.of("model", "diagnostic"),
                    "check", List.of("model", "diagnostic"),
                    "plan", List.of("model"),
                    "lock", List.of("model", "plan"),
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
            for (String imported : imports(file)) {
                String top = imported.split("\\.")[0];
                if (!top.equals(pkg) && !allowed.contains(top)) {
                    violations.add(MAIN.relativize(file) + " imports dev.distrogen." + top);
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
            for (String imported : imports(file)) {
                targetOf(imported)
                        .filter(t -> !t.equals(target))
                        .ifPresent(t -> violations.add(relative + " imports the " + t + " target"));
            }
        }
        assertEquals(List.of(), violations);
    }

    /**
     * A target's resources (src/main/resources/dev/distrogen/backend/TARGET/, templates/TARGET/)
     * are read by that target only: what two targets share lives in a neutral place (the build
     * scripts in dev/distrogen/scripts/). Found from the resource paths the sources name.
     */
    @Test
    void noSourceOutsideATarget_readsThatTargetsResources() throws IOException {
        Pattern resource =
                Pattern.compile(
                        "dev/distrogen/(?:backend|templates)/([a-z0-9]+)/|\"("
                                + String.join("|", TARGETS)
                                + ")/[^\"/]+\\.(?:ftl|sh)\"");
        List<String> violations = new ArrayList<>();
        for (Path file : sources()) {
            Path relative = MAIN.relativize(file);
            String owner =
                    relative.getName(0).toString().equals("backend") && relative.getNameCount() >= 3
                            ? relative.getName(1).toString()
                            : "";
            Matcher m = resource.matcher(code(file));
            while (m.find()) {
                String target = m.group(1) != null ? m.group(1) : m.group(2);
                if (TARGETS.contains(target) && !target.equals(owner)) {
                    violations.add(
                            relative
                                    + " reads the resources of the "
                                    + target
                                    + " target: "
                                    + m.group());
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

    /**
     * What targets share (backend's own classes, escape) sits below every target: it imports none.
     */
    @Test
    void sharedBackendCode_importsNoTarget() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Path file : sources()) {
            Path relative = MAIN.relativize(file);
            boolean shared =
                    relative.getName(0).toString().equals("backend")
                            && (relative.getNameCount() == 2
                                    || SHARED_BY_TARGETS.contains(relative.getName(1).toString()));
            if (!shared || relative.equals(TARGET_REGISTRY)) {
                continue;
            }
            for (String imported : imports(file)) {
                targetOf(imported)
                        .ifPresent(t -> violations.add(relative + " imports the " + t + " target"));
            }
        }
        assertEquals(List.of(), violations);
    }

    /**
     * No two packages depend on each other, directly or around a loop (check and check.rules once
     * did): each package is a layer of its own. The target registry, like cli, ties them together.
     */
    @Test
    void packages_formNoCycle() throws IOException {
        Map<String, Set<String>> graph = new TreeMap<>();
        for (Path file : sources()) {
            Path relative = MAIN.relativize(file);
            if (relative.getNameCount() < 2 || relative.equals(TARGET_REGISTRY)) {
                continue; // the Compiler, at the top
            }
            String pkg = relative.getParent().toString().replace('/', '.');
            Set<String> edges = graph.computeIfAbsent(pkg, p -> new TreeSet<>());
            imports(file).stream().filter(i -> !i.equals(pkg)).forEach(edges::add);
        }
        List<String> cycles = new ArrayList<>();
        for (String pkg : graph.keySet()) {
            reachableFrom(graph, pkg).stream()
                    .filter(
                            other ->
                                    !other.equals(pkg)
                                            && reachableFrom(graph, other).contains(pkg)
                                            && pkg.compareTo(other) < 0)
                    .forEach(other -> cycles.add(pkg + " <-> " + other));
        }
        assertEquals(List.of(), cycles);
    }

    private static Set<String> reachableFrom(Map<String, Set<String>> graph, String start) {
        Set<String> seen = new TreeSet<>();
        List<String> work = new ArrayList<>(graph.getOrDefault(start, Set.of()));
        while (!work.isEmpty()) {
            String next = work.remove(work.size() - 1);
            if (seen.add(next)) {
                work.addAll(graph.getOrDefault(next, Set.of()));
            }
        }
        return seen;
    }

    /**
     * "backend.json" of an import of dev.distrogen.backend.json.JsonBackend: the target's name, if
     * a target.
     */
    private static java.util.Optional<String> targetOf(String importedPackage) {
        String[] parts = importedPackage.split("\\.");
        return parts.length >= 2
                        && parts[0].equals("backend")
                        && !SHARED_BY_TARGETS.contains(parts[1])
                ? java.util.Optional.of(parts[1])
                : java.util.Optional.empty();
    }

    /** The dev.distrogen packages a source file imports from ("backend.escape", "plan"). */
    private static List<String> imports(Path file) throws IOException {
        List<String> packages = new ArrayList<>();
        Matcher m = IMPORT.matcher(Files.readString(file));
        while (m.find()) {
            packages.add(m.group(1));
        }
        return packages;
    }

    /** The source without its comment lines: what it names in Javadoc is no reading. */
    private static String code(Path file) throws IOException {
        return Files.readString(file)
                .lines()
                .filter(l -> !l.strip().startsWith("*") && !l.strip().startsWith("/"))
                .reduce("", (a, b) -> a + b + "\n");
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
    }
}
