package dev.distrogen.check.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DG085's limits are the file system's, measured here: a segment of 255 bytes is made and one of
 * 256 is refused; an absolute path of 4095 bytes is made and one of 4096 refused, so a path in the
 * image may hold 4095 bytes less the build stage's root "/distrogen/root" it is laid out under.
 */
class PathLimitsTest {

    @TempDir Path tmp;

    @Test
    void aSegment_holdsAtMost255Bytes() throws IOException {
        Files.createDirectory(tmp.resolve("é".repeat(127) + "a"));
        FileSystemException e =
                assertThrows(
                        FileSystemException.class,
                        () -> Files.createDirectory(tmp.resolve("é".repeat(128))));
        assertEquals("File name too long", e.getReason());
        assertEquals(255, ContainerPathCheck.MAX_SEGMENT_BYTES);
    }

    @Test
    void anAbsolutePath_holdsAtMost4095Bytes_soAPathInTheImage4080() throws IOException {
        assumeTrue(tmp.toString().length() < 200, "a short temporary directory");
        Files.createDirectories(Path.of(pathOf(4095)));
        FileSystemException e =
                assertThrows(
                        FileSystemException.class,
                        () -> Files.createDirectories(Path.of(pathOf(4096))));
        assertEquals("File name too long", e.getReason());
        assertEquals(4095 - "/distrogen/root".length(), ContainerPathCheck.MAX_PATH_BYTES);
    }

    /**
     * An absolute path under the temporary directory of exactly {@code bytes} bytes, in segments of
     * 200 or fewer.
     */
    private String pathOf(int bytes) {
        StringBuilder path = new StringBuilder(tmp.toString());
        while (bytes - path.length() > 202) {
            path.append('/').append("d".repeat(200));
        }
        int last = bytes - path.length() - 1;
        path.append('/').append("d".repeat(last));
        assertEquals(bytes, path.length());
        return path.toString();
    }
}
