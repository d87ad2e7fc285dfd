package dev.distrogen.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
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

    private record Entry(TarArchiveEntry entry, byte[] bytes) {}

    private static Entry file(String name, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(bytes.length);
        return new Entry(entry, bytes);
    }

    private static Entry link(String name, String target) {
        TarArchiveEntry entry = new TarArchiveEntry(name, TarConstants.LF_SYMLINK);
        entry.setLinkName(target);
        return new Entry(entry, new byte[0]);
    }

    private static byte[] tar(Entry... entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            for (Entry e : entries) {
                tar.putArchiveEntry(e.entry());
                tar.write(e.bytes());
                tar.closeArchiveEntry();
            }
        }
        return out.toByteArray();
    }
}
