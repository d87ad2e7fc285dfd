package dev.distrogen.check.rules;

import dev.distrogen.diagnostic.Code;
import dev.distrogen.diagnostic.Diagnostic;
import dev.distrogen.diagnostic.Suggestions;
import dev.distrogen.model.ConfigDecl;
import dev.distrogen.model.DirDecl;
import dev.distrogen.model.Located;
import dev.distrogen.model.Spec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** DG030: an {@code owner} must be the declared user or root: the image has no other account. */
public final class OwnerCheck implements Check {

    @Override
    public List<Diagnostic> check(Spec spec) {
        List<Diagnostic> found = new ArrayList<>();
        List<String> known = new ArrayList<>(List.of("root"));
        spec.user().ifPresent(u -> known.add(u.name().value()));
        List<Optional<Located<String>>> owners = new ArrayList<>();
        spec.dirs().stream().map(DirDecl::owner).forEach(owners::add);
        spec.configs().stream().map(ConfigDecl::owner).forEach(owners::add);
        for (Optional<Located<String>> owner : owners) {
            owner.filter(o -> !Accounts.isKnownOwner(spec, o.value()))
                    .ifPresent(
                            o ->
                                    found.add(
                                            Diagnostic.error(
                                                            Code.UNKNOWN_OWNER,
                                                            o.at(),
                                                            "owner \""
                                                                    + o.value()
                                                                    + "\" is not a declared user"
                                                                    + Suggestions.didYouMean(
                                                                            o.value(), known))
                                                    .withHint(
                                                            "the image has the accounts "
                                                                    + String.join(" and ", known)
                                                                    + ": root, and the one `user` declares")));
        }
        return found;
    }
}
