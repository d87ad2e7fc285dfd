package dev.distrogen.plan;

import java.nio.file.Path;
import java.util.Objects;

/** What a planned file holds. */
public sealed interface FileContent {

    /** Text decided by distrogen or written in the spec. */
    record Text(String text) implements FileContent {
        public Text {
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * A file of the user's project.
     *
     * @param file where to read it
     * @param specRelative how the spec named it, relative to the spec's folder ("nginx.conf")
     */
    record SourceFile(Path file, String specRelative) implements FileContent {
        public SourceFile {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(specRelative, "specRelative");
        }
    }
}
