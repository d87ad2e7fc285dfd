package dev.distrogen.model;

import java.util.Objects;

/** {@code env NAME = "VALUE"} inside {@code app}. */
public record EnvVar(Located<String> name, Located<String> value) {

    public EnvVar {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }
}
