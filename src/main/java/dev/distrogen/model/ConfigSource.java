package dev.distrogen.model;

import java.util.Objects;

/** Where a config file's content comes from. */
public sealed interface ConfigSource {

    /** {@code from "FILE"}: a file relative to the spec's folder. */
    record FromFile(Located<String> file) implements ConfigSource {
        public FromFile {
            Objects.requireNonNull(file, "file");
        }
    }

    /** {@code text """..."""} or {@code text "..."}: the content itself. */
    record Inline(Located<String> text) implements ConfigSource {
        public Inline {
            Objects.requireNonNull(text, "text");
        }
    }
}
