package dev.distrogen.check.rules;

import dev.distrogen.diagnostic.Code;
import dev.distrogen.diagnostic.Diagnostic;
import dev.distrogen.diagnostic.Suggestions;
import dev.distrogen.model.PortDecl;
import dev.distrogen.model.Spec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * DG040: port outside 1-65535; DG041: protocol other than tcp, udp or sctp; DG043: a port twice.
 */
public final class PortCheck implements Check {

    static final List<String> PROTOCOLS = List.of("tcp", "udp", "sctp");

    @Override
    public List<Diagnostic> check(Spec spec) {
        List<Diagnostic> found = new ArrayList<>();
        Map<String, PortDecl> seen = new HashMap<>();
        for (PortDecl port : spec.ports()) {
            OptionalInt number = number(port);
            if (number.isEmpty()) {
                found.add(
                        Diagnostic.error(
                                        Code.PORT_OUT_OF_RANGE,
                                        port.number().at(),
                                        "port " + port.number().value() + " is out of range")
                                .withHint("ports go from 1 to 65535"));
            }
            port.protocol()
                    .filter(p -> !PROTOCOLS.contains(p.value()))
                    .ifPresent(
                            p ->
                                    found.add(
                                            Diagnostic.error(
                                                            Code.PORT_PROTOCOL,
                                                            p.at(),
                                                            "unknown protocol `"
                                                                    + p.value()
                                                                    + "`"
                                                                    + Suggestions.didYouMean(
                                                                            p.value(), PROTOCOLS))
                                                    .withHint(
                                                            "write port N/tcp, N/udp or N/sctp")));
            String key = number.orElse(-1) + "/" + port.protocolName();
            PortDecl earlier = seen.putIfAbsent(key, port);
            if (earlier != null && number.isPresent()) {
                found.add(
                        Diagnostic.error(
                                        Code.DUPLICATE_PORT,
                                        port.at(),
                                        "port "
                                                + key
                                                + " is declared twice; the first is at line "
                                                + earlier.at().line())
                                .withHint("keep one of them"));
            }
        }
        return found;
    }

    /** The port number, if it is in 1..65535. */
    static OptionalInt number(PortDecl port) {
        String digits = port.number().value().replaceFirst("^0+(?=.)", "");
        if (digits.length() > 5) {
            return OptionalInt.empty();
        }
        int n = Integer.parseInt(digits);
        return n >= 1 && n <= 65_535 ? OptionalInt.of(n) : OptionalInt.empty();
    }
}
