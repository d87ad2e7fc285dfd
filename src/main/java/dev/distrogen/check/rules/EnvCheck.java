package dev.distrogen.check.rules;

import dev.distrogen.diagnostic.Code;
import dev.distrogen.diagnostic.Diagnostic;
import dev.distrogen.model.EnvVar;
import dev.distrogen.model.Spec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * DG061: an environment variable name a shell could not use; DG062: one name set twice; DG063: a
 * value with a line break or control character, which a Dockerfile's ENV cannot hold.
 */
public final class EnvCheck implements Check {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    @Override
    public List<Diagnostic> check(Spec spec) {
        List<Diagnostic> found = new ArrayList<>();
        Map<String, EnvVar> seen = new HashMap<>();
        for (EnvVar env : spec.app().map(app -> app.env()).orElse(List.of())) {
            String name = env.name().value();
            if (!NAME.matcher(name).matches()) {
                found.add(
                        Diagnostic.error(
                                        Code.ENV_NAME,
                                        env.name().at(),
                                        "`" + name + "` is not a valid environment variable name")
                                .withHint(
                                        "use letters, digits and `_`, not starting with a digit: "
                                                + name.replaceAll("[^A-Za-z0-9_]", "_")));
            }
            if (env.value().value().chars().anyMatch(c -> (c < 0x20 && c != '\t') || c == 0x7f)) {
                found.add(
                        Diagnostic.error(
                                        Code.ENV_CONTROL_CHARACTER,
                                        env.value().at(),
                                        "the value of "
                                                + name
                                                + " holds a line break or control character, which a Dockerfile's ENV cannot hold")
                                .withHint("pass multi-line settings in a config file instead"));
            }
            EnvVar earlier = seen.putIfAbsent(name, env);
            if (earlier != null) {
                found.add(
                        Diagnostic.error(
                                        Code.DUPLICATE_ENV,
                                        env.name().at(),
                                        "env "
                                                + name
                                                + " is set twice; the first is at line "
                                                + earlier.name().at().line())
                                .withHint("keep one of them"));
            }
        }
        return found;
    }
}
