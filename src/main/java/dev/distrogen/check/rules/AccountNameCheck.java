package dev.distrogen.check.rules;

import dev.distrogen.diagnostic.Code;
import dev.distrogen.diagnostic.Diagnostic;
import dev.distrogen.model.Located;
import dev.distrogen.model.Spec;
import dev.distrogen.model.User;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * DG033: user and group names, home and shell must fit /etc/passwd and /etc/group: a name as
 * useradd accepts it, no ':' or line break in any field (they would forge entries), and "root" only
 * for id 0.
 */
public final class AccountNameCheck implements Check {

    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_.-]{0,31}");

    @Override
    public List<Diagnostic> check(Spec spec) {
        List<Diagnostic> found = new ArrayList<>();
        spec.user().ifPresent(user -> check(user, found));
        return found;
    }

    private static void check(User user, List<Diagnostic> found) {
        name("user", user.name(), Accounts.id(user.uid()), found);
        Located<String> group = user.group().orElse(user.name());
        if (user.group().isPresent()) {
            name("group", group, Accounts.id(user.gid()), found);
        } else if (user.name().value().equals("root") && Accounts.id(user.gid()).orElse(0) != 0) {
            found.add(
                    Diagnostic.error(
                                    Code.ACCOUNT_NAME,
                                    user.name().at(),
                                    "the group defaults to the user's name, \"root\", "
                                            + "but gid is not 0")
                            .withHint("name the group: group \"app\""));
        }
        user.home().ifPresent(h -> field("home", h, found));
        user.shell().ifPresent(s -> field("shell", s, found));
    }

    private static void name(
            String what, Located<String> name, OptionalLong id, List<Diagnostic> found) {
        if (!NAME.matcher(name.value()).matches()) {
            found.add(
                    Diagnostic.error(
                                    Code.ACCOUNT_NAME,
                                    name.at(),
                                    what
                                            + " name \""
                                            + name.value()
                                            + "\" is not a valid account name")
                            .withHint(
                                    "use at most 32 lower-case letters, digits, `_`, `-` and `.`, starting with a letter or `_`"));
            return;
        }
        if (name.value().equals("root") && id.isPresent() && id.getAsLong() != 0) {
            found.add(
                    Diagnostic.error(
                                    Code.ACCOUNT_NAME,
                                    name.at(),
                                    what + " name \"root\" is reserved for id 0")
                            .withHint("choose another name for the app's " + what));
        }
    }

    private static void field(String what, Located<String> value, List<Diagnostic> found) {
        if (value.value().contains(":")) {
            found.add(
                    Diagnostic.error(
                            Code.ACCOUNT_NAME,
                            value.at(),
                            what
                                    + " \""
                                    + value.value()
                                    + "\" holds `:`, which separates the fields of /etc/passwd"));
        }
    }
}
