package dev.distrogen.lock;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/** Small tars of text files and links, as an image layer holds them. */
final class TestTar {

    private TestTar() {}

    record Entry(TarArchiveEntry entry, byte[] bytes) {}

    static Entry file(String name, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(bytes.length);
        return new Entry(entry, bytes);
    }

    static Entry link(String name, String target) {
        TarArchiveEntry entry = new TarArchiveEntry(name, TarConstants.LF_SYMLINK);
        entry.setLinkName(target);
        return new Entry(entry, new byte[0]);
    }

    static byte[] tar(Entry... entries) throws IOException {
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
