package dev.distrogen.check.rules;

import dev.distrogen.diagnostic.Code;
import dev.distrogen.diagnostic.Diagnostic;
import dev.distrogen.diagnostic.Suggestions;
import dev.distrogen.model.K8sSettings;
import dev.distrogen.model.Spec;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * DG081: a {@code k8s} setting Kubernetes refuses: replicas outside 1 to 1000, a namespace that is
 * not a DNS label, an unknown imagePullPolicy.
 */
public final class K8sSettingsCheck implements Check {

    static final List<String> PULL_POLICIES = List.of("Always", "IfNotPresent", "Never");
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    @Override
    public List<Diagnostic> check(Spec spec) {
        List<Diagnostic> found = new ArrayList<>();
        K8sSettings k8s = spec.k8s();
        k8s.replicas()
                .filter(
                        r ->
                                r.value().length() > 4
                                        || Integer.parseInt(r.value()) < 1
                                        || Integer.parseInt(r.value()) > 1000)
                .ifPresent(
                        r ->
                                found.add(
                                        Diagnostic.error(
                                                        Code.K8S_SETTING,
                                                        r.at(),
                                                        "replicas "
                                                                + r.value()
                                                                + " is out of range")
                                                .withHint("run 1 to 1000 replicas")));
        k8s.namespace()
                .filter(n -> !DNS_LABEL.matcher(n.value()).matches())
                .ifPresent(
                        n ->
                                found.add(
                                        Diagnostic.error(
                                                        Code.K8S_SETTING,
                                                        n.at(),
                                                        "namespace \""
                                                                + n.value()
                                                                + "\" is not a DNS label")
                                                .withHint(
                                                        "use at most 63 lower-case letters, digits and `-`, starting and ending with a letter or digit")));
        k8s.pullPolicy()
                .filter(p -> !PULL_POLICIES.contains(p.value()))
                .ifPresent(
                        p ->
                                found.add(
                                        Diagnostic.error(
                                                        Code.K8S_SETTING,
                                                        p.at(),
                                                        "unknown imagePullPolicy `"
                                                                + p.value()
                                                                + "`"
                                                                + Suggestions.didYouMean(
                                                                        p.value(), PULL_POLICIES))
                                                .withHint("write Always, IfNotPresent or Never")));
        return found;
    }
}
