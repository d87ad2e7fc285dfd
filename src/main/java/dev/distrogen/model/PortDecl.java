package dev.distrogen.model;

import java.util.Objects;
import java.util.Optional;

/** {@code port N[/tcp|/udp]}. The number is kept as written so overflow can be reported. */
public record PortDecl(
        Located<String> number, Optional<Located<String>> protocol, SourceLocation at) {

    public static final String DEFAULT_PROTOCOL = "tcp";

    public PortDecl {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(at, "at");
    }

    public String protocolName() {
        return protocol.map(Located::value).orElse(DEFAULT_PROTOCOL);
    }
}
