package dev.distrogen.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.distrogen.plan.FileContent;
import dev.distrogen.plan.ImagePlan;
import dev.distrogen.plan.PlanEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Judges a root filesystem tree against the plan: every planned path, its owner, mode and content.
 */
final class TreeAssertions {

    private TreeAssertions() {}

    static void assertLaidOutAsPlanned(Path root, ImagePlan plan) throws IOException {
        for (PlanEntry entry : plan.entries()) {
            Path path = root.resolve(entry.path().value().substring(1));
            assertEquals(
                    entry.numericOwner() + " " + entry.mode().octal(),
                    ownerAndMode(path),
                    "owner and mode of " + entry.path());
            assertEquals(
                    entry.isDirectory(),
                    Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS),
                    "type of " + entry.path());
            if (entry.content().orElse(null) instanceof FileContent.Text text) {
                assertEquals(text.text(), Files.readString(path), entry.path().value());
            }
            if (entry.content().orElse(null) instanceof FileContent.SourceFile source) {
                assertEquals(
                        Files.readString(source.file()),
                        Files.readString(path),
                        entry.path().value());
            }
        }
    }

    /** "10001:10001 0750": numeric owner and permission bits, as stat shows them. */
    static String ownerAndMode(Path path) throws IOException {
        int mode = (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
        return Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS)
                + ":"
                + Files.getAttribute(path, "unix:gid", LinkOption.NOFOLLOW_LINKS)
                + " "
                + String.format(Locale.ROOT, "%04o", mode & 07777);
    }
}
