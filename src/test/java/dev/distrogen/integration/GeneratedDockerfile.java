package dev.distrogen.integration;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads back what a generated Dockerfile declares, as a builder would: instructions with their
 * continuation lines joined, quoted values unescaped (\\ \" \$), exec-form arrays as JSON.
 */
final class GeneratedDockerfile {

    private static final Pattern QUOTED_PAIR =
            Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"=\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern COPY =
            Pattern.compile("COPY --chown=(\\d+:\\d+) --chmod=(\\d+) (\\[.*])");

    /** One instruction: its keyword and the rest, continuation lines joined. */
    record Instruction(String keyword, String rest) {}

    record Copy(String owner, String mode, String source, String destination) {}

    final List<Instruction> buildStage = new ArrayList<>();
    final List<Instruction> finalStage = new ArrayList<>();

    GeneratedDockerfile(String text) {
        List<Instruction> all = new ArrayList<>();
        StringBuilder current = null;
        for (String line : text.split("\n")) {
            if (current == null && (line.isBlank() || line.startsWith("#"))) {
                continue;
            }
            current = current == null ? new StringBuilder(line) : current.append(line);
            if (line.endsWith("\\")) {
                current.setLength(current.length() - 1);
                continue;
            }
            String joined = current.toString();
            int space = joined.indexOf(' ');
            all.add(new Instruction(joined.substring(0, space), joined.substring(space + 1)));
            current = null;
        }
        int lastFrom = 0;
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).keyword().equals("FROM")) {
                lastFrom = i;
            }
        }
        buildStage.addAll(all.subList(0, lastFrom));
        finalStage.addAll(all.subList(lastFrom + 1, all.size()));
    }

    List<String> all(String keyword) {
        return finalStage.stream()
                .filter(i -> i.keyword().equals(keyword))
                .map(Instruction::rest)
                .toList();
    }

    String one(String keyword) {
        List<String> values = all(keyword);
        return values.isEmpty() ? "" : values.get(values.size() - 1);
    }

    List<String> json(String keyword) throws IOException {
        String value = one(keyword);
        return value.isEmpty()
                ? List.of()
                : List.of(new ObjectMapper().readValue(value, String[].class));
    }

    List<String> env() {
        List<String> env = new ArrayList<>();
        for (String rest : all("ENV")) {
            int eq = rest.indexOf('=');
            env.add(rest.substring(0, eq) + "=" + unquote(rest.substring(eq + 1)));
        }
        return env;
    }

    Map<String, String> labels() {
        Map<String, String> labels = new LinkedHashMap<>();
        for (String rest : all("LABEL")) {
            Matcher m = QUOTED_PAIR.matcher(rest);
            while (m.find()) {
                labels.put(unescape(m.group(1)), unescape(m.group(2)));
            }
        }
        return labels;
    }

    String workdir() {
        return one("WORKDIR").replace("\\$", "$");
    }

    /**
     * The config files the build stage copies into its root, each with its destination in the image
     * (the final stage takes the root whole).
     */
    List<Copy> copies() throws IOException {
        List<Copy> copies = new ArrayList<>();
        for (Instruction copy : buildStage) {
            Matcher m = COPY.matcher(copy.keyword() + " " + copy.rest());
            if (m.matches()) {
                String[] paths = new ObjectMapper().readValue(m.group(3), String[].class);
                copies.add(
                        new Copy(
                                m.group(1),
                                m.group(2),
                                paths[0].replace("\\$", "$"),
                                paths[1].replace("\\$", "$").substring(ROOT.length())));
            }
        }
        return copies;
    }

    private static final String ROOT = "/distrogen/root";

    private static String unquote(String quoted) {
        return unescape(quoted.substring(1, quoted.length() - 1));
    }

    private static String unescape(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            out.append(c == '\\' && i + 1 < s.length() ? s.charAt(++i) : c);
        }
        return out.toString();
    }
}
