package dev.distrogen.model;

import java.util.Objects;

/** {@code label "KEY" = "VALUE"}: an image label (OCI annotation keys are the common ones). */
public record Label(Located<String> key, Located<String> value) {

    public Label {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
    }
}
