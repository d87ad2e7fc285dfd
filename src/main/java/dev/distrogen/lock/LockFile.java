package dev.distrogen.lock;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What {@code distrogen lock} wrote beside a spec: each image reference the spec uses, with the
 * digest its registry gave ({@code image REFERENCE DIGEST}), and each package the build stage
 * installs, with the version its package indexes gave ({@code package NAME VERSION}); images first,
 * each kind sorted, so the same lock is the same bytes. Lines starting with # are comments.
 */
public record LockFile(Map<String, String> images, Map<String, String> packages) {

    /** A package name as the spec's check allows it (DG078), without a version. */
    private static final Pattern PACKAGE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9+._-]{0,127}");

    public LockFile {
        images = Collections.unmodifiableMap(new TreeMap<>(images));
        packages = Collections.unmodifiableMap(new TreeMap<>(packages));
    }

    /** A lock of images only. */
    public LockFile(Map<String, String> images) {
        this(images, Map.of());
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

    /**
     * {@code name=version} for each package the lock pins; a name the lock lacks, or one the spec
     * already gives a version, as it is.
     */
    public List<String> pinPackages(List<String> names) {
        return names.stream()
                .map(
                        name ->
                                Optional.ofNullable(packages.get(name))
                                        .map(version -> name + "=" + version)
                                        .orElse(name))
                .toList();
    }

    public String text(String specFileName) {
        StringBuilder text =
                new StringBuilder(
                        "# distrogen lock of "
                                + specFileName.replaceAll("[\\r\\n]", "?")
                                + ": every image it uses, pinned to the digest its registry gave,\n"
                                + "# and every package, pinned to the version the build stage's package indexes gave.\n"
                                + "# Later runs build FROM these digests and install NAME=VERSION. Renew: distrogen lock SPEC;"
                                + " check: distrogen lock --check SPEC\n");
        images.forEach((reference, digest) -> line(text, "image", reference, digest));
        packages.forEach((name, version) -> line(text, "package", name, version));
        return text.toString();
    }

    private static void line(StringBuilder text, String kind, String key, String value) {
        text.append(kind).append(' ').append(key).append(' ').append(value).append('\n');
    }

    /** Parses a lock; a line it cannot read is an error naming its number. */
    public static LockFile parse(String text) throws LockException {
        Map<String, String> images = new TreeMap<>();
        Map<String, String> packages = new TreeMap<>();
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] words = line.split(" +");
            if (words.length == 3
                    && words[0].equals("image")
                    && words[2].matches("sha256:[0-9a-f]{64}")) {
                images.put(words[1], words[2]);
            } else if (words.length == 3
                    && words[0].equals("package")
                    && PACKAGE.matcher(words[1]).matches()
                    && PackageVersions.VERSION.matcher(words[2]).matches()) {
                packages.put(words[1], words[2]);
            } else {
                throw new LockException(
                        "line "
                                + (i + 1)
                                + " is not 'image REFERENCE sha256:DIGEST' nor 'package NAME VERSION': "
                                + line);
            }
        }
        return new LockFile(images, packages);
    }
}
