package dev.distrogen.check.rules;

import dev.distrogen.diagnostic.Code;
import dev.distrogen.diagnostic.Diagnostic;
import dev.distrogen.model.PortDecl;
import dev.distrogen.model.Spec;
import java.util.ArrayList;
import java.util.List;

/**
 * DG042 (warning): a port below 1024 with a non-root user. The kernel lets only privileged
 * processes bind such ports unless the runtime lowers net.ipv4.ip_unprivileged_port_start.
 */
public final class PrivilegedPortCheck implements Check {

    @Override
    public List<Diagnostic> check(Spec spec) {
        List<Diagnostic> found = new ArrayList<>();
        var uid = Accounts.appUid(spec);
        if (uid.isEmpty() || uid.getAsLong() == 0) {
            return found;
        }
        String user = spec.user().orElseThrow().name().value();
        for (PortDecl port : spec.ports()) {
            int n = PortCheck.number(port).orElse(1024);
            if (n < 1024) {
                found.add(
                        Diagnostic.warning(
                                        Code.PRIVILEGED_PORT,
                                        port.number().at(),
                                        "port "
                                                + n
                                                + " is below 1024: the app runs as \""
                                                + user
                                                + "\" (uid "
                                                + uid.getAsLong()
                                                + "), which cannot bind it on a default kernel")
                                .withHint(
                                        "listen on a port from 1024 up and publish it as "
                                                + n
                                                + " (docker run -p "
                                                + n
                                                + ":8080, a Service's targetPort), or have the runtime set the sysctl "
                                                + "net.ipv4.ip_unprivileged_port_start=0 (Docker 20.10+ does; Kubernetes needs "
                                                + "securityContext.sysctls)"));
            }
        }
        return found;
    }
}
