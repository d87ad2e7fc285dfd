package dev.distrogen.lock;

import static dev.distrogen.lock.TestTar.file;
import static dev.distrogen.lock.TestTar.link;
import static dev.distrogen.lock.TestTar.tar;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.distrogen.Forked;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code distrogen lock} pinning a spec's packages: the build stage is an image in a real registry
 * on 127.0.0.1 whose only layer holds an os-release and an apt source naming a real Debian
 * repository on 127.0.0.1 (apt-ftparchive over a real .deb of Debian 12 and packages made with
 * dpkg-deb); lock reads the source from the image's layer, the index from the repository, and
 * writes each package's candidate; --check sees a newer version; an unknown package and an
 * unreachable index fail with one line.
 */
class LockPackagesIT {

    @TempDir Path tmp;

    @BeforeEach
    void requireTools() {
        LocalRegistry.requireTools();
        DebianRepository.requireTools();
    }

    @Test
    void lock_pinsEachPackageToItsCandidateInTheStagesOwnIndex_andCheckSeesANewerVersion()
            throws Exception {
        Path tini = DebianRepository.realDeb("tini");
        String tiniVersion = DebianRepository.debField(tini, "Version");
        try (LocalRegistry registry = new LocalRegistry(tmp.resolve("registry"), false);
                DebianRepository repository = new DebianRepository(tmp.resolve("repo"))) {
            repository.add(tini);
            // String order would pick 1.0~rc1-1 (~ sorts after -); Debian's order picks 1.0-2.
            repository.addMade("dg-hello", "1.0-2");
            repository.addMade("dg-hello", "1.0~rc1-1");
            repository.publish("stable", DebianRepository.architecture());
            String stage = pushStage(registry, repository);
            Path spec = spec(stage, "tini", "dg-hello");

            long start = System.nanoTime();
            Forked lock = distrogen("lock", spec.toString());
            assertEquals(0, lock.exit(), lock.err());
            System.out.printf(
                    java.util.Locale.ROOT,
                    "[lock] image and 2 packages locked in %.1f s (a forked JVM)%n",
                    (System.nanoTime() - start) / 1e9);
            String lockText = Files.readString(tmp.resolve("web.lock"));
            assertTrue(
                    lockText.endsWith(
                            "\npackage dg-hello 1.0-2\npackage tini " + tiniVersion + "\n"),
                    lockText);
            assertTrue(lockText.contains("\nimage " + stage + " sha256:"), lockText);
            assertTrue(
                    lock.out().contains("dg-hello=1.0-2\ntini=" + tiniVersion + "\n"), lock.out());
            assertTrue(
                    repository.requests.contains(
                            "/dists/stable/main/binary-"
                                    + DebianRepository.architecture()
                                    + "/Packages.gz"),
                    "the index the stage's own source names: " + repository.requests);

            Forked dockerfile = distrogen(spec.toString(), "--target", "dockerfile");
            assertEquals(0, dockerfile.exit(), dockerfile.err());
            assertTrue(
                    dockerfile
                            .out()
                            .contains(" \\\n    tini=" + tiniVersion + " \\\n    dg-hello=1.0-2\n"),
                    dockerfile.out());

            assertEquals(0, distrogen("lock", "--check", spec.toString()).exit());

            repository.addMade("dg-hello", "1.0-10");
            repository.publish("stable", DebianRepository.architecture());
            Forked stale = distrogen("lock", "--check", spec.toString());
            assertEquals(1, stale.exit(), stale.err());
            assertTrue(
                    stale.err()
                            .startsWith(
                                    "distrogen: lock: the package dg-hello is locked at 1.0-2 but the build "
                                            + "stage's package indexes now give 1.0-10\n"),
                    stale.err());
            assertEquals(
                    lockText, Files.readString(tmp.resolve("web.lock")), "--check writes nothing");
            assertEquals(0, distrogen("lock", spec.toString()).exit());
            assertTrue(
                    Files.readString(tmp.resolve("web.lock"))
                            .contains("\npackage dg-hello 1.0-10\n"));
            assertEquals(0, distrogen("lock", "--check", spec.toString()).exit(), "renewed");
        }
    }

    @Test
    void anUnknownPackage_andAnUnreachableIndex_failWithOneLineAndWriteNothing() throws Exception {
        try (LocalRegistry registry = new LocalRegistry(tmp.resolve("registry"), false)) {
            String index;
            String stage;
            String repositoryUri;
            try (DebianRepository repository = new DebianRepository(tmp.resolve("repo"))) {
                repository.addMade("dg-hello", "1.0-2");
                repository.publish("stable", DebianRepository.architecture());
                stage = pushStage(registry, repository);
                repositoryUri = repository.uri();
                index =
                        repository.uri()
                                + "/dists/stable/main/binary-"
                                + DebianRepository.architecture()
                                + "/Packages";
                Forked unknown =
                        distrogen("lock", spec(stage, "dg-hello", "no-such-package").toString());
                assertEquals(1, unknown.exit(), unknown.err());
                assertEquals(
                        "distrogen: lock: the package no-such-package is in none of the package indexes the build stage "
                                + stage
                                + " installs from ("
                                + index
                                + "): check the name (a virtual package is named by a package that provides it)\n",
                        unknown.err());
                assertFalse(Files.exists(tmp.resolve("web.lock")));
            }
            Forked unreachable = distrogen("lock", spec(stage, "dg-hello").toString());
            assertEquals(1, unreachable.exit(), unreachable.err());
            assertTrue(
                    unreachable
                            .err()
                            .equals(
                                    "distrogen: lock: cannot read "
                                            + repositoryUri
                                            + "/dists/stable/InRelease: nothing answers there (connection refused)\n"),
                    unreachable.err());
            assertEquals(1, unreachable.err().strip().lines().count(), unreachable.err());
            assertFalse(unreachable.err().contains("\tat "), "no stack trace");
            assertFalse(Files.exists(tmp.resolve("web.lock")));
        }
    }

    /**
     * The build stage: one layer with os-release (a link into /usr/lib, as Debian has it) and a
     * deb822 source naming {@code repository}; pushed as acme/stage:1.
     */
    static String pushStage(LocalRegistry registry, DebianRepository repository)
            throws IOException, InterruptedException {
        OciLayout layout = new OciLayout(Files.createTempDirectory("distrogen-stage"));
        layout.imageOfTar(
                "1",
                ImageFiles.hostArchitecture(),
                tar(
                        link("./etc/os-release", "../usr/lib/os-release"),
                        file("./usr/lib/os-release", "PRETTY_NAME=\"Test Debian\"\nID=debian\n"),
                        file(
                                "./etc/apt/sources.list.d/test.sources",
                                "Types: deb\nURIs: "
                                        + repository.uri()
                                        + "\nSuites: stable\nComponents: main\nTrusted: yes\n")));
        registry.push(layout, "1", "acme/stage");
        return registry.host + "/acme/stage:1";
    }

    private Path spec(String stage, String... packages) throws IOException {
        Path spec = tmp.resolve("web.dl");
        Files.writeString(
                spec,
                "image \"acme/web\" tag \"1\"\napp \"tini\" { binary \"/usr/bin/tini\" }\n"
                        + "user \"web\" uid 10001 gid 10001\n"
                        + "docker {\n    from \""
                        + stage
                        + "\"\n    packages \""
                        + String.join("\" \"", packages)
                        + "\"\n}\n");
        return spec;
    }

    private Forked distrogen(String... args) {
        return Forked.java(List.of(), Map.of(), tmp, args);
    }
}
