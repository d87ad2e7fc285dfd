package dev.distrogen.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.distrogen.Forked;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code distrogen lock} against a real registry (Debian's docker-registry) on 127.0.0.1, the
 * images pushed by skopeo: a build stage and a multi-arch base pinned by digest, the lock read by
 * the next generation, {@code --check} on a tag that moved, and a registry that refuses.
 */
class LockCommandIT {

    @TempDir Path tmp;

    @BeforeEach
    void requireTools() {
        LocalRegistry.requireTools();
    }

    @Test
    void lock_pinsTheBuildStageAndAMultiArchBase_theDockerfileUsesThem_andCheckSeesAMovedTag()
            throws Exception {
        try (LocalRegistry registry = new LocalRegistry(tmp.resolve("registry"), false)) {
            OciLayout layout = new OciLayout(tmp.resolve("layout"));
            String build = layout.image("1", "amd64", "build stage, first");
            registry.push(layout, "1", "acme/build");
            String base = layout.index("1", List.of("amd64", "arm64"), "base");
            registry.push(layout, "1", "acme/base");
            Path spec = spec(registry.host);

            Forked lock = distrogen(Map.of(), "lock", spec.toString());
            assertEquals(0, lock.exit(), lock.err());
            String lockText = Files.readString(tmp.resolve("web.lock"));
            assertTrue(
                    lockText.contains("\nimage " + registry.host + "/acme/build:1 " + build + "\n"),
                    lockText);
            assertTrue(
                    lockText.contains("\nimage " + registry.host + "/acme/base:1 " + base + "\n"),
                    "the index's own digest, so the pinned base stays multi-arch: " + lockText);

            Forked dockerfile = distrogen(Map.of(), spec.toString(), "--target", "dockerfile");
            assertEquals(0, dockerfile.exit(), dockerfile.err());
            assertTrue(
                    dockerfile
                            .out()
                            .contains(
                                    "\nFROM "
                                            + registry.host
                                            + "/acme/build:1@"
                                            + build
                                            + " AS build\n"),
                    dockerfile.out());
            assertTrue(
                    dockerfile
                            .out()
                            .contains("\nFROM " + registry.host + "/acme/base:1@" + base + "\n"),
                    dockerfile.out());

            Forked current = distrogen(Map.of(), "lock", "--check", spec.toString());
            assertEquals(0, current.exit(), current.err());

            String moved = layout.image("1", "amd64", "build stage, rebuilt");
            registry.push(layout, "1", "acme/build");
            Forked stale = distrogen(Map.of(), "lock", "--check", spec.toString());
            assertEquals(1, stale.exit(), stale.err());
            assertTrue(
                    stale.err()
                            .contains(
                                    registry.host
                                            + "/acme/build:1 is locked at "
                                            + build
                                            + " but its registry now gives "
                                            + moved),
                    stale.err());
            assertEquals(
                    lockText, Files.readString(tmp.resolve("web.lock")), "--check writes nothing");
            assertEquals(0, distrogen(Map.of(), "lock", spec.toString()).exit());
            assertEquals(
                    0, distrogen(Map.of(), "lock", "--check", spec.toString()).exit(), "renewed");
        }
    }

    /**
     * With {@code platforms}, each pinned image is the FROM of every platform's build: an index
     * that lacks one of them, or a single image for two, is refused (exit 1, what is missing); an
     * index with all of them is pinned by its own digest.
     */
    @Test
    void lock_withPlatforms_refusesAnImageThatLacksOne_andPinsAnIndexThatHasThemAll()
            throws Exception {
        try (LocalRegistry registry = new LocalRegistry(tmp.resolve("registry"), false)) {
            OciLayout layout = new OciLayout(tmp.resolve("layout"));
            String single = layout.image("1", "amd64", "build stage, amd64 only");
            registry.push(layout, "1", "acme/build");
            layout.index("1", List.of("amd64", "arm64"), "base");
            registry.push(layout, "1", "acme/base");
            Path spec = spec(registry.host);
            Files.writeString(
                    spec, Files.readString(spec) + "platforms \"linux/amd64\" \"linux/arm64\"\n");

            Forked refused = distrogen(Map.of(), "lock", spec.toString());
            assertEquals(1, refused.exit(), refused.err());
            assertTrue(
                    refused.err()
                            .contains(
                                    registry.host
                                            + "/acme/build:1 ("
                                            + single
                                            + ") is one platform's image, not an index: it cannot be the FROM of the spec's linux/amd64, linux/arm64 builds"),
                    refused.err());
            assertFalse(Files.exists(tmp.resolve("web.lock")), "nothing is written");

            String amd64Only = layout.index("1", List.of("amd64"), "build stage index");
            registry.push(layout, "1", "acme/build");
            Forked lacking = distrogen(Map.of(), "lock", spec.toString());
            assertEquals(1, lacking.exit(), lacking.err());
            assertTrue(
                    lacking.err()
                            .contains(
                                    registry.host
                                            + "/acme/build:1 ("
                                            + amd64Only
                                            + ") has no image for linux/arm64, which the spec's platforms name"),
                    lacking.err());

            String both = layout.index("1", List.of("amd64", "arm64"), "build stage index");
            registry.push(layout, "1", "acme/build");
            Forked pinned = distrogen(Map.of(), "lock", spec.toString());
            assertEquals(0, pinned.exit(), pinned.err());
            assertTrue(
                    Files.readString(tmp.resolve("web.lock"))
                            .contains("\nimage " + registry.host + "/acme/build:1 " + both + "\n"));
        }
    }

    @Test
    void aRegistryThatRefuses_givesAClearMessageAndExit1_andTheRightCredentialsPass()
            throws Exception {
        try (LocalRegistry registry = new LocalRegistry(tmp.resolve("registry"), true)) {
            OciLayout layout = new OciLayout(tmp.resolve("layout"));
            String build = layout.image("1", "amd64", "private build stage");
            registry.push(layout, "1", "acme/build");
            layout.image("1", "amd64", "private base");
            registry.push(layout, "1", "acme/base");
            Path spec = spec(registry.host);

            Forked anonymous =
                    distrogen(
                            Map.of("DOCKER_CONFIG", dockerConfig(registry.host, null).toString()),
                            "lock",
                            spec.toString());
            assertEquals(1, anonymous.exit(), anonymous.err());
            assertTrue(
                    anonymous
                            .err()
                            .startsWith(
                                    "distrogen: lock: "
                                            + registry.host
                                            + "/acme/build:1: the registry "
                                            + registry.host
                                            + " refused access (unauthorized, and "),
                    anonymous.err());
            assertTrue(
                    anonymous.err().contains("log in with docker login " + registry.host),
                    anonymous.err());

            Forked wrong =
                    distrogen(
                            Map.of("DOCKER_CONFIG", dockerConfig(registry.host, "nope").toString()),
                            "lock",
                            spec.toString());
            assertEquals(1, wrong.exit(), wrong.err());
            assertTrue(
                    wrong.err().contains("refused access (unauthorized, with the credentials in "),
                    wrong.err());
            for (Forked refused : List.of(anonymous, wrong)) {
                assertFalse(
                        refused.err().contains("\tat ") || refused.err().contains("Exception"),
                        "no stack trace: " + refused.err());
                assertEquals(1, refused.err().strip().lines().count(), refused.err());
            }
            assertFalse(
                    Files.exists(tmp.resolve("web.lock")),
                    "nothing is written when a registry refuses");

            Forked right =
                    distrogen(
                            Map.of(
                                    "DOCKER_CONFIG",
                                    dockerConfig(registry.host, LocalRegistry.PASSWORD).toString()),
                            "lock",
                            spec.toString());
            assertEquals(0, right.exit(), right.err());
            assertTrue(Files.readString(tmp.resolve("web.lock")).contains(" " + build + "\n"));
        }
    }

    private Path spec(String host) throws Exception {
        Path spec = tmp.resolve("web.dl");
        Files.writeString(
                spec,
                "image \"acme/web\" tag \"1\"\napp \"web\" { binary \"/usr/bin/web\" }\n"
                        + "user \"web\" uid 10001 gid 10001\n"
                        + "docker {\n    from \""
                        + host
                        + "/acme/build:1\"\n    base \""
                        + host
                        + "/acme/base:1\"\n}\n");
        return spec;
    }

    /**
     * A Docker config folder as docker login writes it: the test user with {@code password} for
     * {@code host}, or nothing.
     */
    private Path dockerConfig(String host, String password) throws Exception {
        Path dir =
                Files.createDirectories(
                        tmp.resolve("docker-" + (password == null ? "none" : password)));
        String auths = "";
        if (password != null) {
            String auth =
                    Base64.getEncoder()
                            .encodeToString(
                                    (LocalRegistry.USER + ":" + password)
                                            .getBytes(StandardCharsets.UTF_8));
            auths = "\"" + host + "\":{\"auth\":\"" + auth + "\"}";
        }
        Files.writeString(dir.resolve("config.json"), "{\"auths\":{" + auths + "}}");
        return dir;
    }

    private Forked distrogen(Map<String, String> env, String... args) {
        return Forked.java(List.of(), env, tmp, args);
    }
}
