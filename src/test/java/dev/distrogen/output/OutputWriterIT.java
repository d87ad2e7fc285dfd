package dev.distrogen.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.distrogen.Forked;
import dev.distrogen.Golden;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OutputWriterTest's cases that take many distrogen processes (each a JVM started from the test
 * class path, seconds of CPU here): a run waiting for another's lock, concurrent runs into one -o
 * DIR, and runs killed with SIGKILL half-way.
 */
class OutputWriterIT {

    @TempDir Path tmp;

    @Test
    void whileAnotherProcessHoldsTheDirectory_aRunWaits_thenExits3SayingSo() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("out"));
        String spec = Golden.root().resolve("examples/nginx/nginx.dl").toString();
        try (DirectoryLock held = DirectoryLock.acquire(out)) {
            Forked run =
                    Forked.java(
                            List.of("-Ddistrogen.lockWaitSeconds=1"),
                            Map.of(),
                            tmp,
                            spec,
                            "-o",
                            out.toString());
            assertEquals(3, run.exit(), run.err());
            assertEquals(
                    "distrogen: "
                            + out
                            + " is being written by another distrogen run (it holds "
                            + out.resolve(DirectoryLock.NAME)
                            + "); waited 1 s, nothing was written\n",
                    run.err());
        }
        Forked after =
                Forked.java(
                        List.of("-Ddistrogen.lockWaitSeconds=1"),
                        Map.of(),
                        tmp,
                        spec,
                        "-o",
                        out.toString());
        assertEquals(0, after.exit(), after.err());
    }

    @Test
    void concurrentProcessesIntoOneDirectory_takeTurns() throws Exception {
        Path out = tmp.resolve("out");
        Path spec = Golden.root().resolve("examples/nginx/nginx.dl");
        Path other = Golden.root().resolve("examples/redis/redis.dl");
        for (int round = 0; round < 2; round++) {
            List<Future<Forked>> runs = new ArrayList<>();
            ExecutorService pool = Executors.newFixedThreadPool(3);
            for (Path s : List.of(spec, other, spec)) {
                runs.add(
                        pool.submit(
                                () ->
                                        Forked.java(
                                                List.of("-Xshare:auto"),
                                                Map.of(),
                                                tmp,
                                                s.toString(),
                                                "--target",
                                                "all",
                                                "-o",
                                                out.toString())));
            }
            for (Future<Forked> run : runs) {
                assertEquals(0, run.get().exit(), run.get().err());
            }
            pool.shutdown();
            OutputWriterTest.assertManifestMatchesDisk(out);
        }
    }

    @Test
    void aRunKilledWithSignal9_theNextRunLeavesNoTemporaryFile_andAManifestThatMatches()
            throws Exception {
        StringBuilder spec =
                new StringBuilder(
                        "app \"web\" { binary \"/usr/bin/web\" }\nuser \"web\" uid 1 gid 1\n"
                                + "docker { from \"web:1\" }\n");
        for (int i = 0; i < 400; i++) {
            Files.writeString(tmp.resolve("c" + i + ".conf"), "v" + i + "\n");
            spec.append("config \"/etc/web/c")
                    .append(i)
                    .append(".conf\" from \"c")
                    .append(i)
                    .append(".conf\"\n");
        }
        Path specFile = Files.writeString(tmp.resolve("web.dl"), spec);
        Path out = tmp.resolve("out");
        List<String> command =
                List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        "dev.distrogen.cli.Main",
                        specFile.toString(),
                        "-t",
                        "dockerfile",
                        "-o",
                        out.toString());
        int halfWay = 0;
        for (long delay : List.of(0L, 10L)) {
            for (int i = 0; i < 400; i++) {
                Files.writeString(tmp.resolve("c" + i + ".conf"), "v" + i + " " + delay + "\n");
            }
            Process run =
                    new ProcessBuilder(command)
                            .redirectErrorStream(true)
                            .redirectOutput(tmp.resolve("log").toFile())
                            .start();
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (run.isAlive()
                    && !Files.exists(out.resolve(Manifest.JOURNAL))
                    && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            Thread.sleep(delay);
            run.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook, no finally
            halfWay += Files.exists(out.resolve(Manifest.JOURNAL)) ? 1 : 0;
        }
        System.err.println(
                "[distrogen tests] kill -9 stopped "
                        + halfWay
                        + " of 2 runs half-way through writing");
        Forked last =
                Forked.java(
                        List.of(),
                        Map.of(),
                        tmp,
                        specFile.toString(),
                        "-t",
                        "dockerfile",
                        "-o",
                        out.toString());
        assertEquals(0, last.exit(), last.err());
        try (Stream<Path> all = Files.walk(out)) {
            assertEquals(
                    List.of(),
                    all.map(p -> p.getFileName().toString())
                            .filter(n -> n.endsWith(".tmp") || n.equals(Manifest.JOURNAL))
                            .toList());
        }
        OutputWriterTest.assertManifestMatchesDisk(out);
    }
}
