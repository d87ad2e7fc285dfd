package dev.distrogen.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.distrogen.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `distrogen init`'s starter builds as written on a stock Debian image (plain Debian made with
 * debootstrap stands in for debian:bookworm-slim: tests reach no registry), and its image runs.
 */
class StarterImageIT {

    @TempDir Path tmp;

    @Test
    void initsStarter_buildsOnStockDebian_andItsStandInPrintsTheConfig() throws Exception {
        Images.assumeTools();
        String stock = Images.plain();
        Path rootrun = DockerfileImageIT.compileRootrun();
        CliRun init = CliRun.run("init", "shop", "-o", tmp.resolve("shop").toString());
        assertEquals(0, init.exit(), init.err());
        Path context = tmp.resolve("build");
        CliRun dockerfile =
                CliRun.run(
                        tmp.resolve("shop/shop.dl").toString(),
                        "--target",
                        "dockerfile",
                        "-o",
                        context.toString(),
                        "--from",
                        stock);
        assertEquals(0, dockerfile.exit(), dockerfile.err());
        String tag = "localhost/distrogen-test-starter:run" + ProcessHandle.current().pid();
        try {
            Images.buildLogged(context, tag);
            try (MountedImage image = new MountedImage(tag);
                    RunningApp app = image.start(rootrun, List.of())) {
                assertEquals(0, app.awaitExit(Duration.ofSeconds(30)), app.output());
                assertEquals(Files.readString(tmp.resolve("shop/shop.conf")), app.output());
            }
        } finally {
            Images.remove(tag);
        }
    }
}
