package dev.distrogen.plan;

import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * How a runtime tells that the app is up: an HTTP GET of {@code path} or a TCP connection, on a
 * declared tcp port. The spec's {@code health}, or by default a TCP check on the first tcp port.
 */
public record HealthProbe(Kind kind, Optional<String> path, int port) {

    public enum Kind {
        HTTP,
        TCP
    }

    public HealthProbe {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(path, "path");
    }

    /**
     * What the probe does, in the words every target uses: "an HTTP GET of /healthz on port 8080",
     * "a TCP connection to port 6379"; the path as {@code quote} writes it.
     */
    public String description(UnaryOperator<String> quote) {
        return kind == Kind.HTTP
                ? "an HTTP GET of " + quote.apply(path.orElseThrow()) + " on port " + port
                : "a TCP connection to port " + port;
    }
}
