package dev.distrogen.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.distrogen.Golden;
import dev.distrogen.cli.CliRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Entries planted in {@value Manifest#NAME} or its journal (a pull request can, since {@code all -o
 * .} commits the manifest): a path that leaves DIR, or reaches a file through a linked directory,
 * is ignored with a warning naming it; the file it names is neither removed nor written, with or
 * without --force.
 */
class PlantedManifestTest {

    private static final String VICTIM = "the user's file\n";

    @TempDir Path tmp;

    private Path out;
    private Path victim;

    /** The entries a hostile manifest may hold for a file outside DIR, by kind. */
    private List<String> plantedEntries(String kind) throws IOException {
        out = tmp.resolve("o");
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        victim = Files.writeString(outside.resolve("victim.txt"), VICTIM);
        return switch (kind) {
            case "parent" -> List.of("../outside/victim.txt");
            case "deeper-parent" -> List.of("sub/../../outside/victim.txt");
            case "absolute" -> List.of(victim.toString());
            case "linked-directory" -> {
                Files.createDirectories(out);
                Files.createSymbolicLink(out.resolve("link"), outside);
                yield List.of("link/victim.txt");
            }
            default -> throw new IllegalArgumentException(kind);
        };
    }

    private CliRun generate(boolean force) {
        List<String> args =
                new ArrayList<>(
                        List.of(
                                Golden.root().resolve("examples/nginx/nginx.dl").toString(),
                                "-t",
                                "plan",
                                "-o",
                                out.toString()));
        if (force) {
            args.add("--force");
        }
        return CliRun.run(args.toArray(String[]::new));
    }

    private static String line(String path) {
        return Manifest.sha256(VICTIM.getBytes(StandardCharsets.UTF_8)) + "  " + path + "\n";
    }

    @ParameterizedTest
    @ValueSource(strings = {"parent", "deeper-parent", "absolute", "linked-directory"})
    void aPlantedManifestEntry_isIgnoredWithAWarning_itsFileKept(String kind) throws IOException {
        for (boolean force : List.of(false, true)) {
            List<String> entries = plantedEntries(kind);
            assertEquals(0, generate(false).exit());
            // Appended, it falls under "# target plan": the next plan run would see a file it no
            // longer writes.
            Files.writeString(
                    out.resolve(Manifest.NAME),
                    line(entries.get(0)),
                    java.nio.file.StandardOpenOption.APPEND);
            CliRun run = generate(force);
            assertEquals(0, run.exit(), run.err());
            assertEquals(VICTIM, Files.readString(victim), kind + (force ? " --force" : ""));
            assertTrue(
                    run.err()
                            .contains(
                                    "warning: ignored '"
                                            + entries.get(0)
                                            + "' listed in "
                                            + out.resolve(Manifest.NAME)),
                    run.err());
            assertFalse(
                    Files.readString(out.resolve(Manifest.NAME)).contains(entries.get(0)),
                    "dropped from the manifest");
            clean();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"parent", "absolute", "linked-directory"})
    void aPlantedJournalEntry_isIgnoredWithAWarning_itsFileKept(String kind) throws IOException {
        for (boolean force : List.of(false, true)) {
            List<String> entries = plantedEntries(kind);
            assertEquals(0, generate(false).exit());
            Files.writeString(
                    out.resolve(Manifest.JOURNAL),
                    Files.readString(out.resolve(Manifest.NAME)) + line(entries.get(0)));
            CliRun run = generate(force);
            assertEquals(0, run.exit(), run.err());
            assertEquals(VICTIM, Files.readString(victim), kind + (force ? " --force" : ""));
            assertTrue(
                    run.err()
                            .contains(
                                    "warning: ignored '"
                                            + entries.get(0)
                                            + "' listed in "
                                            + out.resolve(Manifest.JOURNAL)),
                    run.err());
            assertFalse(Files.exists(out.resolve(Manifest.JOURNAL)));
            clean();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {".", "", "a//b", "./plan.txt", "plan.txt/", ".distrogen-lock"})
    void entriesThatAreNotAPlainPathOfAFile_areIgnoredToo(String entry) throws IOException {
        plantedEntries("parent");
        assertEquals(0, generate(false).exit());
        Files.writeString(
                out.resolve(Manifest.NAME), line(entry), java.nio.file.StandardOpenOption.APPEND);
        CliRun run = generate(true);
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.err().contains("warning: ignored '" + entry + "' listed in"), run.err());
        assertTrue(Files.exists(out.resolve("plan.txt")));
        assertTrue(Files.exists(out.resolve(DirectoryLock.NAME)));
    }

    private void clean() throws IOException {
        try (var all = Files.walk(tmp)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                if (!p.equals(tmp)) {
                    Files.delete(p);
                }
            }
        }
    }
}
