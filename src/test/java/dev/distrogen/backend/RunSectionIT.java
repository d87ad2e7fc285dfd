package dev.distrogen.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.distrogen.Forked;
import dev.distrogen.Generated;
import dev.distrogen.Tools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RunSectionTest's Compose file, read by real docker-compose. */
class RunSectionIT {

    @TempDir Path dir;

    /**
     * docker-compose (Debian's, 1.29) reads the file as valid, with the limits and the named
     * volume.
     */
    @Test
    void dockerCompose_acceptsTheFile() throws Exception {
        Tools.requireOnPath("docker-compose validates the Compose file", "docker-compose");
        Path file =
                Files.writeString(
                        dir.resolve("compose.yaml"),
                        Generated.of(RunSectionTest.SPEC).text("compose"));
        Forked config =
                Forked.process(
                        List.of("docker-compose", "-f", file.toString(), "config"),
                        Map.of(),
                        Set.of(),
                        dir,
                        Duration.ofMinutes(1));
        assertEquals(0, config.exit(), config.out() + config.err());
        assertTrue(
                config.out().contains("    name: web-var-lib-web\n")
                        && config.out().contains("          cpus: 0.5\n"),
                config.out());
    }
}
