package dev.distrogen.check.rules;

import dev.distrogen.diagnostic.Code;
import dev.distrogen.diagnostic.Diagnostic;
import dev.distrogen.model.DockerBuilder;
import dev.distrogen.model.Located;
import dev.distrogen.model.Overrides;
import dev.distrogen.model.Spec;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What the build stage is and runs. DG087: the Dockerfile is asked for, but nothing names its build
 * stage (no {@code docker { from }}, no {@code --from}, and not {@code builder nix}, whose stage
 * has a default). DG078: a {@code docker { packages }} name that is not a package name of apt, apk
 * or rpm (letters, digits and {@code + . _ -}, starting with a letter or digit, optionally {@code
 * =VERSION}), so nothing in it means anything to a shell, or packages with {@code builder nix},
 * whose stage has no such package manager. DG064: a {@code smoke} argument with a line break or
 * control character, which one RUN line of a Dockerfile cannot hold.
 */
public final class BuildStageCheck implements Check {

    private static final Pattern PACKAGE =
            Pattern.compile(
                    "[A-Za-z0-9][A-Za-z0-9+._-]{0,127}(=[A-Za-z0-9][A-Za-z0-9+.~:_-]{0,127})?");

    private final Overrides overrides;

    public BuildStageCheck(Overrides overrides) {
        this.overrides = overrides;
    }

    @Override
    public List<Diagnostic> check(Spec spec) {
        List<Diagnostic> found = new ArrayList<>();
        boolean nix =
                spec.docker()
                        .builder()
                        .flatMap(b -> DockerBuilder.ofWord(b.value()))
                        .filter(b -> b == DockerBuilder.NIX)
                        .isPresent();
        if (overrides.buildStageNeeded()
                && overrides.from().isEmpty()
                && BuildStage.missing(spec)) {
            found.add(BuildStage.required(spec));
        }
        for (Located<String> name : spec.docker().packages()) {
            if (!PACKAGE.matcher(name.value()).matches()) {
                found.add(
                        Diagnostic.error(
                                        Code.PACKAGE_NAME,
                                        name.at(),
                                        "\"" + name.value() + "\" is not a package name")
                                .withHint(
                                        "name a package as apt-get, apk or dnf take it: \"nginx-light\", \"python3.11\", "
                                                + "\"libstdc++6\", or with a version: \"tini=0.19.0-1\""));
            } else if (nix) {
                found.add(
                        Diagnostic.error(
                                        Code.PACKAGE_NAME,
                                        name.at(),
                                        "`packages` installs into an image build stage, "
                                                + "but this spec has `builder nix`")
                                .withHint(
                                        "with builder nix, the nix package is installed; "
                                                + "remove packages or use builder image"));
            }
        }
        spec.app().flatMap(app -> app.smoke()).orElse(List.of()).stream()
                .filter(arg -> arg.value().chars().anyMatch(c -> c < 0x20 || c == 0x7f))
                .forEach(
                        arg ->
                                found.add(
                                        Diagnostic.error(
                                                        Code.SMOKE_ARGUMENT,
                                                        arg.at(),
                                                        "a smoke argument holds a line break or control character, which a Dockerfile's RUN line cannot hold")
                                                .withHint(
                                                        "smoke runs the program once at build time: give it plain arguments such as \"--version\"")));
        return found;
    }
}
