package dev.distrogen.check.rules;

import dev.distrogen.diagnostic.Code;
import dev.distrogen.diagnostic.Diagnostic;
import dev.distrogen.model.DirDecl;
import dev.distrogen.model.DirSize;
import dev.distrogen.model.Located;
import dev.distrogen.model.Spec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * DG082: a dir's {@code size} must be a whole number of Ki, Mi, Gi or Ti, the one form Kubernetes
 * (a claim's storage, an emptyDir's sizeLimit), Docker and the kernel's tmpfs all read as the same
 * number of bytes ("500M" is 500,000,000 bytes to Kubernetes but 500 MiB to Docker).
 */
public final class DirSizeCheck implements Check {

    private static final Pattern NEAR_MISS =
            Pattern.compile("([0-9]+) ?([kKmMgGtT])(?:i|B|iB|ib|b)?");

    @Override
    public List<Diagnostic> check(Spec spec) {
        List<Diagnostic> found = new ArrayList<>();
        for (DirDecl dir : spec.dirs()) {
            if (dir.size().isEmpty() || DirSize.parse(dir.size().get().value()).isPresent()) {
                continue;
            }
            Located<String> size = dir.size().get();
            String hint =
                    meant(size.value())
                            .map(
                                    m ->
                                            "write size \""
                                                    + m
                                                    + "\" (binary units: Kubernetes, Docker and tmpfs read them alike)")
                            .orElse(
                                    "write it as Kubernetes, Docker and tmpfs read it alike: size \"512Mi\" or size \"5Gi\"");
            found.add(
                    Diagnostic.error(
                                    Code.DIR_SIZE,
                                    size.at(),
                                    "size \""
                                            + size.value()
                                            + "\" of "
                                            + dir.path().value()
                                            + " is not a whole number above 0 of Ki, Mi, Gi or Ti")
                            .withHint(hint));
        }
        return found;
    }

    /** "5Gi" for "5GB", "5 g" or "5G": the binary size a near miss most likely means. */
    private static Optional<String> meant(String text) {
        Matcher m = NEAR_MISS.matcher(text.strip());
        if (!m.matches() || m.group(1).chars().allMatch(c -> c == '0')) {
            return Optional.empty();
        }
        String digits = m.group(1).replaceFirst("^0+", "");
        return DirSize.parse(digits + m.group(2).toUpperCase(Locale.ROOT) + "i")
                .map(DirSize::kubernetes);
    }
}
