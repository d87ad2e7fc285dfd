package dev.distrogen.check.rules;

import dev.distrogen.diagnostic.Code;
import dev.distrogen.diagnostic.Diagnostic;
import dev.distrogen.model.HealthDecl;
import dev.distrogen.model.Located;
import dev.distrogen.model.Spec;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * DG044: a {@code health} check on a port no {@code port} statement declares as tcp (a probe could
 * never reach it), or an HTTP path that is not an absolute URL path.
 */
public final class HealthCheck implements Check {

    private static final Pattern URL_PATH = Pattern.compile("/[A-Za-z0-9._~!$&'()*+,;=:@%/?-]*");

    @Override
    public List<Diagnostic> check(Spec spec) {
        List<Diagnostic> found = new ArrayList<>();
        if (spec.health().isEmpty()) {
            return found;
        }
        HealthDecl health = spec.health().get();
        health.port()
                .ifPresent(
                        port -> {
                            boolean declared =
                                    spec.ports().stream()
                                            .anyMatch(
                                                    p ->
                                                            p.protocolName().equals("tcp")
                                                                    && PortCheck.number(p)
                                                                            .isPresent()
                                                                    && samePort(p.number(), port));
                            if (!declared) {
                                found.add(
                                        Diagnostic.error(
                                                        Code.HEALTH_CHECK,
                                                        port.at(),
                                                        "health check on port "
                                                                + port.value()
                                                                + ", which no `port` declares (as tcp)")
                                                .withHint("declare it: port " + port.value()));
                            }
                        });
        health.path()
                .filter(p -> !URL_PATH.matcher(p.value()).matches())
                .ifPresent(
                        p ->
                                found.add(
                                        Diagnostic.error(
                                                        Code.HEALTH_CHECK,
                                                        p.at(),
                                                        "health path \""
                                                                + p.value()
                                                                + "\" is not a URL path")
                                                .withHint(
                                                        "start it with `/` and leave out spaces and quotes: \"/healthz\"")));
        return found;
    }

    private static boolean samePort(Located<String> declared, Located<String> probed) {
        return declared.value()
                .replaceFirst("^0+(?=.)", "")
                .equals(probed.value().replaceFirst("^0+(?=.)", ""));
    }
}
