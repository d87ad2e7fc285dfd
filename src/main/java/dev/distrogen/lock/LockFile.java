package dev.distrogen.lock;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What {@code distrogen lock} wrote beside a spec: each image reference the spec uses, with the
 * digest its registry gave, one {@code image REFERENCE DIGEST} line each, sorted, so the same lock
 * is the same bytes. Lines starting with # are comments.
 */
public record LockFile(Map<String, String> images) {

    public LockFile {
        images = Collections.unmodifiableMap(new TreeMap<>(images));
    }

    /** "nginx.dl" -> "nginx.lock": where the lock of a spec lives, beside it. */
    public static String nameFor(String specFileName) {
        String base =
                specFileName.endsWith(".dl")
                        ? specFileName.substring(0, specFileName.length() - 3)
                        : specFileName;
        return base + ".lock";
    }

    /**
     * {@code reference@digest} when the lock pins {@code reference}, else the reference as it is.
     */
    public String pin(String reference) {
        return Optional.ofNullable(images.get(reference))
                .map(digest -> reference + "@" + digest)
                .orElse(reference);
    }

    public String text(String specFileName) {
        StringBuilder text =
                new StringBuilder(
                        "# distrogen lock of "
                                + specFileName.replaceAll("[\\r\\n]", "?")
                                + ": every image it uses, pinned to the digest its registry gave.\n"
                                + "# Later runs build FROM these digests. Renew: distrogen lock SPEC; check: distrogen lock --check SPEC\n");
        images.forEach(
                (reference, digest) ->
                        text.append("image ")
                                .append(reference)
                                .append(' ')
                                .append(digest)
                                .append('\n'));
        return text.toString();
    }

    /** Parses a lock; a line it cannot read is an error naming its number. */
    public static LockFile parse(String text) throws LockException {
        Map<String, String> images = new TreeMap<>();
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] words = line.split(" +");
            if (words.length != 3
                    || !words[0].equals("image")
                    || !words[2].matches("sha256:[0-9a-f]{64}")) {
                throw new LockException(
                        "line " + (i + 1) + " is not 'image REFERENCE sha256:DIGEST': " + line);
            }
            images.put(words[1], words[2]);
        }
        return new LockFile(images);
    }
}
