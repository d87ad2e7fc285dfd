package dev.distrogen.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.distrogen.Forked;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code from} file is copied into -o DIR as a stream, hashed while it is copied: memory does not
 * grow with its size. A 400 MB file (sparse, so it takes no disk space) goes through a JVM with a
 * 64 MB heap, twice: written, then found unchanged.
 */
class LargeCopyIT {

    private static final long SIZE = 400L << 20;

    @TempDir Path tmp;

    @Test
    void a400MegabyteFromFile_isCopiedInA64MegabyteHeap()
            throws IOException, NoSuchAlgorithmException {
        try (RandomAccessFile big = new RandomAccessFile(tmp.resolve("big.bin").toFile(), "rw")) {
            big.setLength(SIZE);
            big.seek(SIZE - 4);
            big.write(new byte[] {'e', 'n', 'd', '\n'});
        }
        Files.writeString(
                tmp.resolve("web.dl"),
                """
                app "web" { binary "/usr/bin/web" }
                user "web" uid 10001 gid 10001
                config "/srv/big.bin" from "big.bin"
                docker { from "web:1" }
                """);
        Path out = tmp.resolve("out");
        // The Dockerfile, .dockerignore, big.bin and the build stage's thirteen files under
        // distrogen/: eight scripts, the layout's entries and layers lists, its three account
        // files.
        for (String changed : List.of("16 changed", "0 changed")) {
            Forked run =
                    Forked.java(
                            List.of("-Xmx64m"),
                            Map.of(),
                            tmp,
                            "web.dl",
                            "-t",
                            "dockerfile",
                            "-o",
                            out.toString());
            assertEquals(0, run.exit(), run.err());
            assertEquals(
                    "distrogen: dockerfile: 16 files in " + out + ", " + changed + "\n", run.err());
        }
        assertEquals(SIZE, Files.size(out.resolve("big.bin")));
        String hash = sha256(out.resolve("big.bin"));
        assertEquals(sha256(tmp.resolve("big.bin")), hash);
        assertTrue(Files.readString(out.resolve(Manifest.NAME)).contains(hash + "  big.bin\n"));
        try (var left = Files.list(out)) {
            assertFalse(
                    left.anyMatch(p -> p.getFileName().toString().endsWith(".tmp")),
                    "no staged copy left");
        }
    }

    private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
