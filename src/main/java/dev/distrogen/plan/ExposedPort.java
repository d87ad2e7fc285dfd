package dev.distrogen.plan;

import java.util.Locale;
import java.util.Objects;

/** One exposed port: its number and protocol ("tcp", "udp", "sctp", lower-case). */
public record ExposedPort(int number, String protocol) {

    public ExposedPort {
        Objects.requireNonNull(protocol, "protocol");
        if (number < 1 || number > 65535) {
            throw new IllegalArgumentException("port out of range: " + number);
        }
    }

    /** "8080/tcp", the form of the OCI config's ExposedPorts keys and of EXPOSE. */
    public String ociForm() {
        return number + "/" + protocol;
    }

    /** "TCP", as Kubernetes writes protocols. */
    public String upperProtocol() {
        return protocol.toUpperCase(Locale.ROOT);
    }

    /** "tcp-8080": a name for the port, unique among the image's ports (a DNS label). */
    public String name() {
        return protocol + "-" + number;
    }
}
