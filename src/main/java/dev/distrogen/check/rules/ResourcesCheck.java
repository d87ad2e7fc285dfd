package dev.distrogen.check.rules;

import dev.distrogen.diagnostic.Code;
import dev.distrogen.diagnostic.Diagnostic;
import dev.distrogen.model.Located;
import dev.distrogen.model.Quantity;
import dev.distrogen.model.ResourcesDecl;
import dev.distrogen.model.Spec;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * DG080: a {@code resources} value that is not a Kubernetes quantity, a zero one, memory in
 * milli-bytes ("128m", which Kubernetes reads as 0.128 bytes), or a limit below its request.
 */
public final class ResourcesCheck implements Check {

    @Override
    public List<Diagnostic> check(Spec spec) {
        List<Diagnostic> found = new ArrayList<>();
        ResourcesDecl r = spec.resources();
        boolean cpuOk =
                quantity("cpu", r.cpu(), found) & quantity("limit cpu", r.cpuLimit(), found);
        boolean memoryOk =
                quantity("memory", r.memory(), found)
                        & quantity("limit memory", r.memoryLimit(), found);
        if (cpuOk) {
            limitAtLeastRequest("cpu", r.cpu(), r.cpuLimit(), found);
        }
        if (memoryOk) {
            limitAtLeastRequest("memory", r.memory(), r.memoryLimit(), found);
        }
        for (Optional<Located<String>> memory : List.of(r.memory(), r.memoryLimit())) {
            memory.filter(m -> m.value().endsWith("m"))
                    .ifPresent(
                            m ->
                                    found.add(
                                            Diagnostic.error(
                                                            Code.RESOURCE_QUANTITY,
                                                            m.at(),
                                                            "memory \""
                                                                    + m.value()
                                                                    + "\" is in thousandths of a byte")
                                                    .withHint(
                                                            "write mebibytes as \""
                                                                    + m.value()
                                                                            .substring(
                                                                                    0,
                                                                                    m.value()
                                                                                                    .length()
                                                                                            - 1)
                                                                    + "Mi\"")));
        }
        return found;
    }

    private static boolean quantity(
            String what, Optional<Located<String>> value, List<Diagnostic> found) {
        if (value.isEmpty()) {
            return true;
        }
        Located<String> v = value.get();
        Optional<BigDecimal> amount = Quantity.value(v.value());
        if (amount.isEmpty()) {
            found.add(
                    Diagnostic.error(
                                    Code.RESOURCE_QUANTITY,
                                    v.at(),
                                    what + " \"" + v.value() + "\" is not a Kubernetes quantity")
                            .withHint(
                                    "write a number with an optional suffix: cpu \"250m\" or \"1\", memory \"128Mi\" or \"1Gi\""));
            return false;
        }
        if (amount.get().signum() == 0) {
            found.add(
                    Diagnostic.error(
                                    Code.RESOURCE_QUANTITY,
                                    v.at(),
                                    what + " \"" + v.value() + "\" is zero")
                            .withHint("give the app some: cpu \"100m\", memory \"128Mi\""));
            return false;
        }
        return true;
    }

    private static void limitAtLeastRequest(
            String what,
            Optional<Located<String>> request,
            Optional<Located<String>> limit,
            List<Diagnostic> found) {
        if (request.isEmpty()
                || limit.isEmpty()
                || !Quantity.less(limit.get().value(), request.get().value())) {
            return;
        }
        found.add(
                Diagnostic.error(
                                Code.RESOURCE_QUANTITY,
                                limit.get().at(),
                                "the "
                                        + what
                                        + " limit \""
                                        + limit.get().value()
                                        + "\" is below its request \""
                                        + request.get().value()
                                        + "\"")
                        .withHint("Kubernetes refuses a pod whose limit is below its request"));
    }
}
