package dev.distrogen.integration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The Debian mirror this machine's apt uses, for debootstrap: the project names no package host of
 * its own. Read from deb822 files ({@code /etc/apt/sources.list.d/*.sources}, the first {@code
 * URIs:} of a {@code deb} stanza whose {@code Suites:} hold the suite) or, failing that, one-line
 * {@code deb URI SUITE ...} entries of {@code sources.list} and {@code *.list}.
 */
final class AptMirror {

    private AptMirror() {}

    static Optional<String> forSuite(Path etcApt, String suite) throws IOException {
        Path dir = etcApt.resolve("sources.list.d");
        List<Path> deb822 = new ArrayList<>();
        List<Path> oneLine = new ArrayList<>(List.of(etcApt.resolve("sources.list")));
        if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                files.sorted()
                        .forEach(
                                f -> (f.toString().endsWith(".sources") ? deb822 : oneLine).add(f));
            }
        }
        for (Path file : deb822) {
            Optional<String> uri = fromDeb822(Files.readString(file), suite);
            if (uri.isPresent()) {
                return uri;
            }
        }
        for (Path file : oneLine) {
            if (file.toString().endsWith(".list") && Files.isRegularFile(file)) {
                Optional<String> uri = fromOneLine(Files.readAllLines(file), suite);
                if (uri.isPresent()) {
                    return uri;
                }
            }
        }
        return Optional.empty();
    }

    static Optional<String> fromDeb822(String text, String suite) {
        for (String stanza : text.split("\n\\s*\n")) {
            List<String> types = field(stanza, "Types");
            List<String> uris = field(stanza, "URIs");
            if (types.contains("deb")
                    && field(stanza, "Suites").contains(suite)
                    && !uris.isEmpty()
                    && !"no".equalsIgnoreCase(String.join("", field(stanza, "Enabled")))) {
                return Optional.of(uris.get(0));
            }
        }
        return Optional.empty();
    }

    private static List<String> field(String stanza, String name) {
        for (String line : stanza.split("\n")) {
            if (line.regionMatches(true, 0, name + ":", 0, name.length() + 1)) {
                return Arrays.stream(line.substring(name.length() + 1).trim().split("\\s+"))
                        .filter(w -> !w.isEmpty())
                        .toList();
            }
        }
        return List.of();
    }

    static Optional<String> fromOneLine(List<String> lines, String suite) {
        for (String line : lines) {
            // deb [ options ] URI SUITE COMPONENT...
            List<String> words =
                    new ArrayList<>(
                            Arrays.asList(line.replaceAll("\\[[^]]*]", " ").trim().split("\\s+")));
            if (words.size() >= 3 && words.get(0).equals("deb") && words.get(2).equals(suite)) {
                return Optional.of(words.get(1));
            }
        }
        return Optional.empty();
    }
}
