package dev.distrogen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.distrogen.Golden;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * distrogen(1)'s own text (src/dist/man/distrogen.adoc) against what the launcher and the code do.
 */
class ManPageSourcesTest {

    private static final Path PAGE = Golden.root().resolve("src/dist/man/distrogen.adoc");

    private static String section(String title) throws IOException {
        String page = Files.readString(PAGE);
        int start = page.indexOf("\n== " + title + "\n");
        assertTrue(start >= 0, "no section " + title);
        int end = page.indexOf("\n== ", start + 1);
        return page.substring(start, end < 0 ? page.length() : end);
    }

    @Test
    void environment_namesEveryVariableTheLauncherAndTheCodeRead() throws IOException {
        Set<String> read = new TreeSet<>();
        Matcher launcher =
                Pattern.compile("\\$\\{?([A-Z][A-Z0-9_]+)")
                        .matcher(Files.readString(Golden.root().resolve("src/dist/bin/distrogen")));
        while (launcher.find()) {
            read.add(launcher.group(1));
        }
        try (Stream<Path> sources = Files.walk(Golden.root().resolve("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher getenv =
                        Pattern.compile("getenv\\(\"([A-Z_]+)\"\\)")
                                .matcher(Files.readString(source));
                while (getenv.find()) {
                    read.add(getenv.group(1));
                }
            }
        }
        assertTrue(
                read.containsAll(
                        List.of(
                                "JAVA_HOME",
                                "XDG_CACHE_HOME",
                                "HOME",
                                "DISTROGEN_CDS",
                                "NO_COLOR",
                                "DISTROGEN_DEBUG")),
                read.toString());
        String environment = section("Environment");
        List<String> missing =
                read.stream().filter(v -> !environment.contains("*" + v + "*")).toList();
        assertEquals(
                List.of(),
                missing,
                "variables read but not described in distrogen(1)'s ENVIRONMENT");
    }

    @Test
    void page_hasTheSectionsAManPageHas_andIncludesPicoclisFromTheModel() throws IOException {
        String page = Files.readString(PAGE);
        for (String title :
                List.of("Name", "Description", "Environment", "Files", "Examples", "See also")) {
            section(title);
        }
        for (String generated :
                List.of("header", "synopsis", "options", "arguments", "commands", "exit-status")) {
            assertTrue(
                    page.contains(
                            "include::_distrogen.adoc[tag=picocli-generated-man-section-"
                                    + generated
                                    + "]"),
                    generated);
        }
    }

    @Test
    void examples_areCommandLinesDistrogenAccepts() throws IOException {
        Matcher example = Pattern.compile("(?m)^  distrogen (.*)$").matcher(section("Examples"));
        int count = 0;
        while (example.find()) {
            String line = example.group(1).split(" && ")[0];
            List<String> args = List.of(line.split(" "));
            CliRun run =
                    CliRun.run(
                            com.google.common.jimfs.Jimfs.newFileSystem(),
                            Stream.concat(args.stream(), Stream.of("--help"))
                                    .toArray(String[]::new));
            assertEquals(0, run.exit(), line + ": " + run.err());
            count++;
        }
        assertTrue(count >= 6, "examples found: " + count);
    }
}
