package dev.distrogen.plan;

import java.util.Objects;
import java.util.Optional;

/**
 * How a runtime tells that the app is up: an HTTP GET of {@code path} or a TCP connection, on a
 * declared tcp port. The spec's {@code health}, or by default a TCP check on the first tcp port.
 */
public record HealthProbe(Kind kind, Optional<String> path, int port) {

    public enum Kind { HTTP, TCP }

    public HealthProbe {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(path, "path");
    }
}
