package dev.distrogen.lock;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One {@code deb} source of apt: a repository URI and a suite with its components, or a flat
 * repository (a suite path ending in /, no components), for the architectures it is limited to
 * ({@code arch=} or {@code Architectures:}; none: every one). Read from the two formats apt reads:
 * one-line {@code sources.list} / {@code *.list} and deb822 {@code *.sources}.
 */
public record AptSource(
        String uri, String suite, List<String> components, List<String> architectures) {

    public AptSource {
        uri = uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
        components = List.copyOf(components);
        architectures = List.copyOf(architectures);
    }

    /** Whether apt reads this source for {@code architecture}. */
    public boolean serves(String architecture) {
        return architectures.isEmpty() || architectures.contains(architecture);
    }

    /**
     * The Packages index of each component for {@code architecture}, without a compression suffix:
     * {@code URI/dists/SUITE/COMPONENT/binary-ARCH/Packages}, or {@code URI/SUITE/Packages} flat.
     */
    public List<String> indexes(String architecture) {
        if (suite.endsWith("/")) {
            return List.of(uri + "/" + suite + "Packages");
        }
        return components.stream()
                .map(
                        c ->
                                uri
                                        + "/dists/"
                                        + suite
                                        + "/"
                                        + c
                                        + "/binary-"
                                        + architecture
                                        + "/Packages")
                .toList();
    }

    /** The suite's folder, where its InRelease and Release are. */
    public String suiteUri() {
        return suite.endsWith("/") ? uri + "/" + suite : uri + "/dists/" + suite + "/";
    }

    /** The {@code deb} lines of a sources.list (comments, deb-src and blank lines skipped). */
    public static List<AptSource> fromOneLine(String text) {
        List<AptSource> sources = new ArrayList<>();
        for (String line : text.split("\n")) {
            String content = line.replaceFirst("#.*", "").strip();
            List<String> architectures = new ArrayList<>();
            java.util.regex.Matcher options =
                    java.util.regex.Pattern.compile("\\[([^]]*)]").matcher(content);
            if (options.find()) {
                for (String option : options.group(1).strip().split("\\s+")) {
                    if (option.startsWith("arch=")) {
                        architectures.addAll(Arrays.asList(option.substring(5).split(",")));
                    }
                }
                content =
                        (content.substring(0, options.start())
                                        + " "
                                        + content.substring(options.end()))
                                .strip();
            }
            List<String> words = Arrays.asList(content.split("\\s+"));
            if (words.size() >= 3 && words.get(0).equals("deb")) {
                sources.add(
                        new AptSource(
                                words.get(1),
                                words.get(2),
                                words.subList(3, words.size()),
                                architectures));
            }
        }
        return sources;
    }

    /**
     * The enabled {@code Types: deb} stanzas of a deb822 .sources file, one source per URI and
     * suite.
     */
    public static List<AptSource> fromDeb822(String text) {
        List<AptSource> sources = new ArrayList<>();
        for (Map<String, String> stanza : stanzas(text)) {
            if (!words(stanza, "types").contains("deb")
                    || stanza.getOrDefault("enabled", "yes").strip().equalsIgnoreCase("no")) {
                continue;
            }
            for (String uri : words(stanza, "uris")) {
                for (String suite : words(stanza, "suites")) {
                    sources.add(
                            new AptSource(
                                    uri,
                                    suite,
                                    words(stanza, "components"),
                                    words(stanza, "architectures")));
                }
            }
        }
        return sources;
    }

    private static List<String> words(Map<String, String> stanza, String field) {
        String value = stanza.getOrDefault(field, "").strip();
        return value.isEmpty() ? List.of() : Arrays.asList(value.split("\\s+"));
    }

    /**
     * deb822 stanzas: {@code Field: value} lines, a line starting with a blank continuing the field
     * before (as an inline Signed-By key does), # lines comments, stanzas split by blank lines.
     * Field names are compared without case, as apt does.
     */
    static List<Map<String, String>> stanzas(String text) {
        List<Map<String, String>> stanzas = new ArrayList<>();
        Map<String, String> stanza = new LinkedHashMap<>();
        String field = null;
        for (String line : text.split("\n", -1)) {
            if (line.startsWith("#")) {
                continue;
            }
            if (line.isBlank()) {
                if (!stanza.isEmpty()) {
                    stanzas.add(stanza);
                    stanza = new LinkedHashMap<>();
                }
                field = null;
            } else if (Character.isWhitespace(line.charAt(0))) {
                if (field != null) {
                    stanza.merge(field, "\n" + line.strip(), String::concat);
                }
            } else if (line.indexOf(':') > 0) {
                field = line.substring(0, line.indexOf(':')).strip().toLowerCase(Locale.ROOT);
                stanza.put(field, line.substring(line.indexOf(':') + 1).strip());
            }
        }
        if (!stanza.isEmpty()) {
            stanzas.add(stanza);
        }
        return stanzas;
    }
}
