package dev.distrogen.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.distrogen.Forked;
import dev.distrogen.lock.DebianRepository;
import dev.distrogen.lock.LocalRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A locked spec built for real: plain Debian 12 whose only apt source is a repository on 127.0.0.1
 * (apt-ftparchive over a real tini .deb and made dg-hello versions), pushed to a registry on
 * 127.0.0.1; {@code distrogen lock} pins the stage and its packages; a newer dg-hello is then
 * published, and the build (buildah, from the pinned digest) installs the locked versions as
 * NAME=VERSION with the stage's own apt, not the newest.
 */
class LockedPackagesImageIT {

    @TempDir Path tmp;

    private final List<String> built = new ArrayList<>();

    @BeforeEach
    void requireTools() {
        Images.assumeTools();
        LocalRegistry.requireTools();
        DebianRepository.requireTools();
    }

    @AfterEach
    void removeImages() {
        built.forEach(Images::remove);
    }

    @Test
    void theBuildInstallsTheLockedVersions_withTheStagesOwnApt() throws Exception {
        Path tini = DebianRepository.realDeb("tini");
        String tiniVersion = DebianRepository.debField(tini, "Version");
        String architecture = DebianRepository.architecture();
        try (LocalRegistry registry = new LocalRegistry(tmp.resolve("registry"), false);
                DebianRepository repository = new DebianRepository(tmp.resolve("repo"))) {
            repository.add(tini);
            repository.addMade("dg-hello", "1.0-2");
            repository.publish("stable", architecture);

            // Plain Debian with the repository as its only source (no mirror is asked).
            Path stageContext = Files.createDirectories(tmp.resolve("stage"));
            Files.writeString(
                    stageContext.resolve("test.sources"),
                    "Types: deb\nURIs: "
                            + repository.uri()
                            + "\nSuites: stable\nComponents: main\nTrusted: yes\n");
            Files.writeString(
                    stageContext.resolve("Dockerfile"),
                    "FROM "
                            + Images.plain()
                            + "\nRUN rm -f /etc/apt/sources.list /etc/apt/sources.list.d/*\n"
                            + "COPY test.sources /etc/apt/sources.list.d/test.sources\n");
            String stageTag = "localhost/lockpkgs-stage:" + ProcessHandle.current().pid();
            Images.build(stageContext, stageTag);
            built.add(stageTag);
            String stage = registry.pushStored(stageTag, "acme/stage", "1");

            Path spec = tmp.resolve("web.dl");
            Files.writeString(
                    spec,
                    "image \"acme/web\" tag \"1\"\n"
                            + "app \"tini\" {\n    binary \"/usr/bin/tini\"\n"
                            + "    files \"/usr/share/doc/dg-hello/version\"\n}\n"
                            + "user \"web\" uid 10001 gid 10001\n"
                            + "docker {\n    from \""
                            + stage
                            + "\"\n    packages \"tini\" \"dg-hello\"\n}\n");
            Forked lock = Forked.java(List.of(), Map.of(), tmp, "lock", spec.toString());
            assertEquals(0, lock.exit(), lock.err());
            assertTrue(
                    Files.readString(tmp.resolve("web.lock"))
                            .endsWith(
                                    "\npackage dg-hello 1.0-2\npackage tini "
                                            + tiniVersion
                                            + "\n"));

            // Newer than the lock: apt's candidate now, but the build must take the locked one.
            repository.addMade("dg-hello", "1.0-10");
            repository.publish("stable", architecture);

            Path context = tmp.resolve("context");
            Forked generated =
                    Forked.java(
                            List.of(),
                            Map.of(),
                            tmp,
                            spec.toString(),
                            "--target",
                            "dockerfile",
                            "-o",
                            context.toString());
            assertEquals(0, generated.exit(), generated.err());
            String dockerfile = Files.readString(context.resolve("Dockerfile"));
            assertTrue(dockerfile.contains("\nFROM " + stage + "@sha256:"), dockerfile);
            assertTrue(
                    dockerfile.contains(
                            " \\\n    tini=" + tiniVersion + " \\\n    dg-hello=1.0-2\n"),
                    dockerfile);

            // The builds here never pull on their own: the pinned stage is pulled from the
            // registry first, by the digest the lock holds.
            String pinned = dockerfile.split("\nFROM ", 2)[1].split(" ", 2)[0];
            Command.check(
                    Duration.ofMinutes(5),
                    "buildah",
                    Images.STORAGE,
                    "pull",
                    "--tls-verify=false",
                    pinned);
            built.add(pinned);
            String tag = "localhost/lockpkgs-web:" + ProcessHandle.current().pid();
            Images.Build build = Images.buildLogged(context, tag);
            built.add(tag);
            assertTrue(build.log().contains("Setting up dg-hello (1.0-2)"), build.log());
            assertTrue(build.log().contains("Setting up tini (" + tiniVersion + ")"), build.log());
            assertTrue(
                    repository.requests.stream()
                            .anyMatch(r -> r.endsWith("dg-hello_1.0-2_all.deb")),
                    "the stage's apt fetched the locked package: " + repository.requests);
            try (MountedImage image = new MountedImage(tag)) {
                assertEquals(
                        "1.0-2\n",
                        Files.readString(image.path("/usr/share/doc/dg-hello/version")),
                        "the locked version is what the image holds");
                assertTrue(Files.isRegularFile(image.path("/usr/bin/tini")));
            }
            System.out.printf(
                    java.util.Locale.ROOT,
                    "[lock] the locked spec built in %.0f s%n",
                    build.seconds());
        }
    }
}
