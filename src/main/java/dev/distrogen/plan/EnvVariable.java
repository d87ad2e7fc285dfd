package dev.distrogen.plan;

import java.util.Objects;

/** One environment variable of the image config, as the spec gives it. */
public record EnvVariable(String name, String value) {

    public EnvVariable {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }

    /** "NAME=value", the form of the OCI config's Env list. */
    public String ociForm() {
        return name + "=" + value;
    }
}
