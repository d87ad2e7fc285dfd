package dev.distrogen.lock;

import dev.distrogen.model.DisplayText;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * The version the build stage's apt would install of each package: its candidate, the highest
 * version (in Debian's order) that the Packages indexes of the stage's own apt sources list for the
 * stage's architecture, as {@code apt-get install NAME} picks it when no pin or release priority
 * says otherwise. The sources are the image's (sources.list, sources.list.d), read from its layers:
 * the same indexes its apt-get update reads.
 */
public final class PackageVersions {

    /** What a version must look like to be written as NAME=VERSION into a RUN line. */
    static final Pattern VERSION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9+.~:_-]{0,127}");

    private final IndexDownloads downloads;

    public PackageVersions(IndexDownloads downloads) {
        this.downloads = downloads;
    }

    /**
     * Each of {@code names} to its candidate version in the stage {@code image} (named in errors).
     */
    public Map<String, String> resolve(String image, ImageFiles stage, SortedSet<String> names)
            throws LockException {
        OsRelease os =
                OsRelease.parse(
                        stage.text("etc/os-release")
                                .or(() -> stage.text("usr/lib/os-release"))
                                .orElse(""));
        List<AptSource> sources = aptSources(stage);
        if (sources.isEmpty()) {
            throw new LockException(
                    image
                            + " ("
                            + DisplayText.line(os.prettyName())
                            + ") has no apt sources (/etc/apt/sources.list, /etc/apt/sources.list.d/)"
                            + (stage.files().containsKey("etc/apk/repositories")
                                    ? ": it installs with apk, whose packages distrogen lock cannot pin yet;"
                                            + " give their versions in the spec (packages \"NAME=VERSION\")"
                                    : ": distrogen lock pins the packages of an apt build stage only"));
        }
        String architecture = debianArchitecture(stage.architecture());
        List<String> indexes = new ArrayList<>();
        // apt prefers any version of a suite it installs from automatically (priority 500) to
        // one of a NotAutomatic suite such as backports or experimental (1 or 100).
        Map<String, String> automatic = new TreeMap<>();
        Map<String, String> onRequest = new TreeMap<>();
        for (AptSource source : sources) {
            if (!source.serves(architecture)) {
                continue;
            }
            Map<String, String> into = notAutomatic(source) ? onRequest : automatic;
            for (String index : source.indexes(architecture)) {
                indexes.add(index);
                read(index, names)
                        .forEach(
                                (name, versions) -> {
                                    for (String version : versions) {
                                        into.merge(name, version, PackageVersions::higher);
                                    }
                                });
            }
        }
        Map<String, String> candidates = new TreeMap<>(onRequest);
        candidates.putAll(automatic);
        List<String> unknown = names.stream().filter(n -> !candidates.containsKey(n)).toList();
        if (!unknown.isEmpty()) {
            throw new LockException(
                    (unknown.size() == 1 ? "the package " : "the packages ")
                            + String.join(", ", unknown)
                            + (unknown.size() == 1 ? " is" : " are")
                            + " in none of the package indexes the build stage "
                            + image
                            + " installs from ("
                            + String.join(", ", indexes)
                            + "): check the name (a virtual package is named by a package that provides it)");
        }
        for (Map.Entry<String, String> candidate : candidates.entrySet()) {
            if (!VERSION.matcher(candidate.getValue()).matches()) {
                throw new LockException(
                        "the package index gives "
                                + candidate.getKey()
                                + " a version that is not a Debian version: "
                                + candidate.getValue().replaceAll("[^\\x21-\\x7e]", "?"));
            }
        }
        return candidates;
    }

    /**
     * Whether the suite's InRelease (else Release) says {@code NotAutomatic: yes}; a suite without
     * either is read as apt's default.
     */
    private boolean notAutomatic(AptSource source) throws LockException {
        for (String name : List.of("InRelease", "Release")) {
            String url = source.suiteUri() + name;
            try {
                Optional<InputStream> body = downloads.open(url);
                if (body.isPresent()) {
                    try (InputStream in = body.get()) {
                        String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                        return text.lines()
                                .anyMatch(line -> line.strip().matches("(?i)NotAutomatic:\\s*yes"));
                    }
                }
            } catch (IOException e) {
                throw new LockException("cannot read " + url + ": " + describe(e), e);
            }
        }
        return false;
    }

    /** What went wrong with a download, in words (a refused connection has no message). */
    private static String describe(Exception e) {
        if (e instanceof java.net.ConnectException) {
            return "nothing answers there ("
                    + (e.getMessage() == null ? "connection refused" : e.getMessage())
                    + ")";
        }
        if (e instanceof java.net.UnknownHostException) {
            return "unknown host " + e.getMessage();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static String higher(String a, String b) {
        return DebianVersion.compare(a, b) >= 0 ? a : b;
    }

    /** Every {@code deb} source, in apt's order: sources.list, then sources.list.d sorted. */
    static List<AptSource> aptSources(ImageFiles stage) {
        List<AptSource> sources = new ArrayList<>();
        stage.text("etc/apt/sources.list").map(AptSource::fromOneLine).ifPresent(sources::addAll);
        for (String path : stage.under("etc/apt/sources.list.d/")) {
            Optional<String> text = stage.text(path);
            if (text.isPresent()) {
                sources.addAll(
                        path.endsWith(".sources")
                                ? AptSource.fromDeb822(text.get())
                                : AptSource.fromOneLine(text.get()));
            }
        }
        return sources;
    }

    /** The versions an index lists of {@code names}: Packages.gz, else Packages. */
    private Map<String, List<String>> read(String index, Set<String> names) throws LockException {
        try {
            Optional<InputStream> gzipped = downloads.open(index + ".gz");
            Optional<InputStream> body =
                    gzipped.isPresent()
                            ? gzipped.map(PackageVersions::gunzip)
                            : downloads.open(index);
            if (body.isEmpty()) {
                throw new LockException(
                        "the package index "
                                + index
                                + " (.gz) does not exist (HTTP 404): the build stage's apt sources name a suite, "
                                + "component or architecture that its repository does not have");
            }
            try (BufferedReader reader =
                    new BufferedReader(
                            new InputStreamReader(body.get(), StandardCharsets.UTF_8), 1 << 16)) {
                return PackagesIndex.versions(reader, names);
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new LockException("cannot read " + index + ": " + describe(e), e);
        }
    }

    private static InputStream gunzip(InputStream in) {
        try {
            return new GZIPInputStream(in, 1 << 16);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Debian's name of a registry platform's architecture (dpkg --print-architecture). */
    static String debianArchitecture(String platform) {
        return switch (platform) {
            case "386" -> "i386";
            case "ppc64le" -> "ppc64el";
            case "mips64le" -> "mips64el";
            case "arm/v7", "arm" -> "armhf";
            case "arm/v5", "arm/v6" -> "armel";
            case "arm64/v8" -> "arm64";
            default -> platform;
        };
    }
}
