package dev.distrogen.check.rules;

import dev.distrogen.diagnostic.Code;
import dev.distrogen.diagnostic.Diagnostic;
import dev.distrogen.diagnostic.Suggestions;
import dev.distrogen.model.ContainerPath;
import dev.distrogen.model.NixFunction;
import dev.distrogen.model.NixKeywords;
import dev.distrogen.model.NixSettings;
import dev.distrogen.model.Spec;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * DG072: {@code function} is not a dockerTools builder; DG073: {@code package} is not a nixpkgs
 * attribute path (it is written unquoted after {@code pkgs.}); DG074: {@code binary} is not a
 * relative path inside the package.
 */
public final class NixSettingsCheck implements Check {

    private static final Pattern ATTRIBUTE = Pattern.compile("[A-Za-z_][A-Za-z0-9_'-]*");

    @Override
    public List<Diagnostic> check(Spec spec) {
        List<Diagnostic> found = new ArrayList<>();
        NixSettings nix = spec.nix();
        nix.function()
                .filter(f -> NixFunction.ofName(f.value()).isEmpty())
                .ifPresent(
                        f ->
                                found.add(
                                        Diagnostic.error(
                                                        Code.NIX_FUNCTION,
                                                        f.at(),
                                                        "unknown dockerTools function `"
                                                                + f.value()
                                                                + "`"
                                                                + Suggestions.didYouMean(
                                                                        f.value(),
                                                                        NixFunction.names()))
                                                .withHint(
                                                        "the functions are "
                                                                + String.join(
                                                                        ", ",
                                                                        NixFunction.names()))));
        if (nix.packageAttr().isEmpty()) {
            spec.app()
                    .filter(app -> !isAttributePath(app.name().value()))
                    .ifPresent(
                            app ->
                                    found.add(
                                            Diagnostic.error(
                                                            Code.NIX_PACKAGE,
                                                            app.name().at(),
                                                            "the nix package defaults to the app's name, but \""
                                                                    + app.name().value()
                                                                    + "\" is not a nixpkgs attribute path")
                                                    .withHint(
                                                            "name the package: nix { package \"ATTR\" }")));
        }
        nix.packageAttr()
                .filter(p -> !isAttributePath(p.value()))
                .ifPresent(
                        p ->
                                found.add(
                                        Diagnostic.error(
                                                        Code.NIX_PACKAGE,
                                                        p.at(),
                                                        "package \""
                                                                + p.value()
                                                                + "\" is not a nixpkgs attribute path")
                                                .withHint(
                                                        "name the attribute as in pkgs.NAME, e.g. \"nginx\" or \"python3Packages.gunicorn\"")));
        nix.binary()
                .ifPresent(
                        b -> {
                            if (b.value().startsWith("/")
                                    || ContainerPath.problem("/" + b.value()).isPresent()) {
                                found.add(
                                        Diagnostic.error(
                                                        Code.NIX_BINARY,
                                                        b.at(),
                                                        "nix binary \""
                                                                + b.value()
                                                                + "\" is not a path inside the package")
                                                .withHint(
                                                        "give it relative to the package, e.g. \"bin/nginx\""));
                            }
                        });
        return found;
    }

    private static boolean isAttributePath(String path) {
        for (String part : path.split("\\.", -1)) {
            if (!ATTRIBUTE.matcher(part).matches() || NixKeywords.contains(part)) {
                return false;
            }
        }
        return true;
    }
}
