package dev.distrogen.lock;

import static dev.distrogen.lock.TestTar.file;
import static dev.distrogen.lock.TestTar.link;
import static dev.distrogen.lock.TestTar.tar;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;

/** Layers applied as a runtime applies them: later files win, whiteouts remove, links followed. */
class ImageFilesTest {

    @Test
    void layersInOrder_withWhiteoutsAndAnOpaqueDir_andOsReleaseThroughItsLink() throws IOException {
        Map<String, ImageFiles.Content> files = new TreeMap<>();
        apply(
                files,
                tar(
                        file("./etc/apt/sources.list", "deb http://a.test/debian bookworm main\n"),
                        file("./etc/apt/sources.list.d/old.list", "deb http://old.test/ x main\n"),
                        file("./etc/apt/sources.list.d/keep.sources", "Types: deb\n"),
                        file("./etc/passwd", "root:x:0:0::/root:/bin/sh\n"),
                        link("./etc/os-release", "../usr/lib/os-release"),
                        file("./usr/lib/os-release", "ID=debian\n")));
        apply(
                files,
                tar(
                        file("etc/apt/sources.list", "deb http://b.test/debian bookworm main\n"),
                        file("etc/apt/sources.list.d/.wh.old.list", "")));
        assertEquals(
                List.of(
                        "etc/apt/sources.list",
                        "etc/apt/sources.list.d/keep.sources",
                        "etc/os-release",
                        "usr/lib/os-release"),
                List.copyOf(files.keySet()),
                "only wanted files are kept; the whiteout removed old.list");
        ImageFiles image = new ImageFiles(files, "amd64");
        assertEquals(
                Optional.of("deb http://b.test/debian bookworm main\n"),
                image.text("etc/apt/sources.list"));
        assertEquals(Optional.of("ID=debian\n"), image.text("etc/os-release"), "through the link");

        apply(files, tar(file("etc/apt/sources.list.d/.wh..wh..opq", "")));
        assertEquals(
                List.of(),
                new ImageFiles(files, "amd64").under("etc/apt/sources.list.d/"),
                "opaque");
    }

    private static void apply(Map<String, ImageFiles.Content> files, byte[] tar)
            throws IOException {
        ImageFiles.apply(
                new TarArchiveInputStream(new ByteArrayInputStream(tar)),
                ImageFiles.PACKAGE_SOURCES,
                files);
    }
}
