package dev.distrogen.check.rules;

import dev.distrogen.model.DirAccess;
import dev.distrogen.model.DirDecl;
import dev.distrogen.model.Located;
import dev.distrogen.model.Spec;
import dev.distrogen.model.User;
import java.util.Optional;
import java.util.OptionalLong;

/** Facts about the spec's accounts that several checks share. */
final class Accounts {

    /** Largest valid id: (uid_t) -1 means "no id" to the kernel. */
    static final long MAX_ID = 4_294_967_294L;

    private Accounts() {}

    /** A uid or gid as written, if it is a number in range. */
    static OptionalLong id(Optional<Located<String>> digits) {
        if (digits.isEmpty()) {
            return OptionalLong.empty();
        }
        String raw = digits.get().value().replaceFirst("^0+(?=.)", "");
        if (raw.length() > 10 || Long.parseLong(raw) > MAX_ID) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Long.parseLong(raw));
    }

    static OptionalLong appUid(Spec spec) {
        return spec.user().map(u -> id(u.uid())).orElse(OptionalLong.empty());
    }

    static OptionalLong appGid(Spec spec) {
        return spec.user().map(u -> id(u.gid())).orElse(OptionalLong.empty());
    }

    /**
     * Whether the app's user may write to {@code dir} (the model's rule, {@link DirAccess}); false
     * when the ids or the mode are not valid yet.
     */
    static boolean appCanWrite(Spec spec, DirDecl dir) {
        OptionalLong uid = appUid(spec);
        OptionalLong gid = appGid(spec);
        if (uid.isEmpty() || gid.isEmpty()) {
            return false;
        }
        return DirAccess.writable(
                        dir,
                        spec.user().orElseThrow().name().value(),
                        uid.getAsLong(),
                        gid.getAsLong())
                .orElse(false);
    }

    /** Whether {@code name} is the declared user, or root (which always exists). */
    static boolean isKnownOwner(Spec spec, String name) {
        return name.equals("root")
                || spec.user().map(User::name).map(Located::value).filter(name::equals).isPresent();
    }
}
