package dev.distrogen.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.distrogen.Golden;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * Resolving packages to the build stage's candidates, over real Packages stanzas of Debian 12 (main
 * and security, copied from this machine's apt lists into src/test/resources/lock/), served by a
 * stand-in for HTTP: main gzipped, security plain.
 */
class PackageVersionsTest {

    private static final String MAIN =
            "http://127.0.0.1:9/debian/dists/bookworm/main/binary-amd64/Packages";
    private static final String SECURITY =
            "http://127.0.0.1:9/debian-security/dists/bookworm-security/main/binary-amd64/Packages";

    private final Map<String, byte[]> served = new HashMap<>();
    private final List<String> asked = new java.util.ArrayList<>();

    private final IndexDownloads downloads =
            url -> {
                asked.add(url);
                return Optional.ofNullable(served.get(url))
                        .map(bytes -> (InputStream) new ByteArrayInputStream(bytes));
            };

    PackageVersionsTest() throws IOException {
        served.put(MAIN + ".gz", gzip(fixture("bookworm-main-Packages")));
        served.put(SECURITY, fixture("bookworm-security-main-Packages"));
    }

    @Test
    void eachName_getsTheHighestVersionOfAllTheStagesIndexes_inDebiansOrder() throws Exception {
        Map<String, String> versions =
                new PackageVersions(downloads)
                        .resolve(
                                "debian:12",
                                debian(),
                                new TreeSet<>(List.of("zlib1g", "libc6", "tini", "caddy")));
        assertEquals(
                new TreeMap<>(
                        Map.of(
                                "caddy", "2.6.2-5",
                                "libc6", "2.36-9+deb12u14",
                                "tini", "0.19.0-1+b3",
                                "zlib1g", "1:1.2.13.dfsg-1+deb12u1")),
                versions,
                "libc6 from the point release (deb12u14 > deb12u7), zlib1g from security");
        assertEquals(
                List.of(
                        "http://127.0.0.1:9/debian/dists/bookworm/InRelease",
                        "http://127.0.0.1:9/debian/dists/bookworm/Release",
                        MAIN + ".gz",
                        "http://127.0.0.1:9/debian-security/dists/bookworm-security/InRelease",
                        "http://127.0.0.1:9/debian-security/dists/bookworm-security/Release",
                        SECURITY + ".gz",
                        SECURITY),
                asked,
                "each suite's release file, then its index: gzip first, then plain");
    }

    @Test
    void aNotAutomaticSuite_likeBackports_givesOnlyWhatNoOtherSuiteHas() throws Exception {
        String backports = "http://127.0.0.1:9/debian/dists/bookworm-backports/";
        served.put(
                backports + "InRelease",
                "Suite: bookworm-backports\nNotAutomatic: yes\nButAutomaticUpgrades: yes\n"
                        .getBytes(StandardCharsets.UTF_8));
        served.put(
                backports + "main/binary-amd64/Packages",
                ("Package: tini\nVersion: 0.19.0-2~bpo12+1\nArchitecture: amd64\n\n"
                                + "Package: only-in-backports\nVersion: 2.0-1~bpo12+1\nArchitecture: amd64\n")
                        .getBytes(StandardCharsets.UTF_8));
        Map<String, ImageFiles.Content> files = new TreeMap<>(debian().files());
        files.put(
                "etc/apt/sources.list.d/backports.list",
                text("deb http://127.0.0.1:9/debian bookworm-backports main\n"));
        Map<String, String> versions =
                new PackageVersions(downloads)
                        .resolve(
                                "debian:12",
                                new ImageFiles(files, "amd64"),
                                new TreeSet<>(List.of("tini", "only-in-backports")));
        assertEquals(
                Map.of("tini", "0.19.0-1+b3", "only-in-backports", "2.0-1~bpo12+1"),
                versions,
                "apt-get install tini takes bookworm's, though backports has a higher one");
    }

    @Test
    void anUnknownPackage_isNamedWithTheIndexesItIsNotIn() {
        LockException e = refused(downloads, "debian:12", debian(), "tini", "no-such-package");
        assertEquals(
                "the package no-such-package is in none of the package indexes the build stage debian:12 installs from ("
                        + MAIN
                        + ", "
                        + SECURITY
                        + "): check the name (a virtual package is named by a package that provides it)",
                e.getMessage());
    }

    @Test
    void anIndexThatIsMissingOrUnreachable_failsNamingIt() {
        served.remove(SECURITY);
        LockException missing = refused(downloads, "debian:12", debian(), "tini");
        assertTrue(
                missing.getMessage()
                        .startsWith(
                                "the package index "
                                        + SECURITY
                                        + " (.gz) does not exist (HTTP 404)"),
                missing.getMessage());
        IndexDownloads unreachable =
                url -> {
                    throw new java.net.ConnectException();
                };
        LockException refused = refused(unreachable, "debian:12", debian(), "tini");
        assertEquals(
                "cannot read http://127.0.0.1:9/debian/dists/bookworm/InRelease: nothing answers there (connection refused)",
                refused.getMessage());
    }

    @Test
    void aStageWithoutApt_saysSo_andAnApkStageIsNamed() {
        ImageFiles alpine =
                new ImageFiles(
                        Map.of(
                                "etc/os-release",
                                        text("ID=alpine\nPRETTY_NAME=\"Alpine Linux v3.20\"\n"),
                                "etc/apk/repositories",
                                        text("http://127.0.0.1:9/alpine/v3.20/main\n")),
                        "amd64");
        LockException e = refused(downloads, "alpine:3.20", alpine, "tini");
        assertEquals(
                "alpine:3.20 (Alpine Linux v3.20) has no apt sources (/etc/apt/sources.list, /etc/apt/sources.list.d/):"
                        + " it installs with apk, whose packages distrogen lock cannot pin yet;"
                        + " give their versions in the spec (packages \"NAME=VERSION\")",
                e.getMessage());
    }

    @Test
    void whatTheImageSays_isShownNotInterpreted() {
        ImageFiles spoofing =
                new ImageFiles(
                        Map.of(
                                "etc/os-release",
                                text("PRETTY_NAME=\"Debian\u001b[2J\u001b]0;owned\u0007\"\n")),
                        "amd64");
        String message = refused(downloads, "x:1", spoofing, "tini").getMessage();
        assertTrue(message.chars().noneMatch(c -> c < 0x20 || c == 0x7f), message);
        assertTrue(message.startsWith("x:1 (Debian"), message);
    }

    @Test
    void architectures_mapToDebiansNames() {
        assertEquals("amd64", PackageVersions.debianArchitecture("amd64"));
        assertEquals("armhf", PackageVersions.debianArchitecture("arm/v7"));
        assertEquals("ppc64el", PackageVersions.debianArchitecture("ppc64le"));
        assertEquals("i386", PackageVersions.debianArchitecture("386"));
    }

    /**
     * As Debian 12's image has it: os-release a link into /usr/lib, one deb822 file with main and
     * security, and a one-line source for another architecture only, which is skipped.
     */
    private static ImageFiles debian() {
        return new ImageFiles(
                Map.of(
                        "etc/os-release",
                        new ImageFiles.Content(new byte[0], Optional.of("../usr/lib/os-release")),
                        "usr/lib/os-release",
                        text("PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nID=debian\n"),
                        "etc/apt/sources.list",
                        text("deb [arch=arm64] http://127.0.0.1:9/ports bookworm main\n"),
                        "etc/apt/sources.list.d/debian.sources",
                        text(
                                "Types: deb\nURIs: http://127.0.0.1:9/debian\nSuites: bookworm\nComponents: main\n\n"
                                        + "Types: deb\nURIs: http://127.0.0.1:9/debian-security\n"
                                        + "Suites: bookworm-security\nComponents: main\n")),
                "amd64");
    }

    private static LockException refused(
            IndexDownloads from, String image, ImageFiles stage, String... names) {
        return assertThrows(
                LockException.class,
                () ->
                        new PackageVersions(from)
                                .resolve(image, stage, new TreeSet<>(List.of(names))));
    }

    private static ImageFiles.Content text(String text) {
        return new ImageFiles.Content(text.getBytes(StandardCharsets.UTF_8), Optional.empty());
    }

    private static byte[] fixture(String name) throws IOException {
        return Files.readAllBytes(Golden.root().resolve("src/test/resources/lock/" + name));
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        }
        return out.toByteArray();
    }
}
