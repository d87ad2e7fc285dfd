package dev.distrogen.check.rules;

import dev.distrogen.diagnostic.Code;
import dev.distrogen.diagnostic.Diagnostic;
import dev.distrogen.model.App;
import dev.distrogen.model.ContainerPath;
import dev.distrogen.model.DockerBuilder;
import dev.distrogen.model.Located;
import dev.distrogen.model.Spec;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the Nix image holds that the Dockerfile's does not. Only an image build stage copies {@code
 * libs} and {@code files}; the Nix image holds the nix package's closure under /nix/store (its
 * {@code bin} linked at /bin) and the laid-out dirs and configs, which both images have. DG091
 * (warning): a {@code libs} or {@code files} path that {@code nix { without }} does not name, so
 * that no path is dropped from the Nix image silently. DG092: a {@code without} path that is no
 * {@code libs} or {@code files} path.
 */
public final class NixParityCheck implements Check {

    @Override
    public List<Diagnostic> check(Spec spec) {
        if (spec.app().isEmpty()) {
            return List.of();
        }
        App app = spec.app().get();
        Set<String> without =
                spec.nix().without().stream().map(Located::value).collect(Collectors.toSet());
        String pkg = spec.nix().packageAttr().map(Located::value).orElse(app.name().value());
        boolean builderNix =
                spec.docker()
                        .builder()
                        .flatMap(b -> DockerBuilder.ofWord(b.value()))
                        .filter(b -> b == DockerBuilder.NIX)
                        .isPresent();
        List<Diagnostic> found = new ArrayList<>();
        app.libs().stream()
                .filter(p -> usable(p) && !without.contains(p.value()))
                .forEach(path -> found.add(warning("libs", path, pkg, builderNix)));
        app.files().stream()
                .filter(p -> usable(p) && !without.contains(p.value()))
                .forEach(path -> found.add(warning("files", path, pkg, builderNix)));
        Set<String> copied = new java.util.HashSet<>();
        app.libs().forEach(p -> copied.add(p.value()));
        app.files().forEach(p -> copied.add(p.value()));
        spec.nix().without().stream()
                .filter(p -> !copied.contains(p.value()))
                .forEach(
                        p ->
                                found.add(
                                        Diagnostic.error(
                                                        Code.WITHOUT_UNKNOWN_PATH,
                                                        p.at(),
                                                        "`without` \""
                                                                + p.value()
                                                                + "\" names no `libs` or `files` path")
                                                .withHint(
                                                        "`without` takes the libs and files paths, exactly as written in `app { }`, that the "
                                                                + "Nix image goes without")));
        return found;
    }

    /** A malformed path has its error already (DG020). */
    private static boolean usable(Located<String> path) {
        return ContainerPath.problem(path.value()).isEmpty();
    }

    private static Diagnostic warning(
            String statement, Located<String> path, String pkg, boolean builderNix) {
        String where =
                builderNix
                        ? "neither image will have it (`builder nix` copies the nix package's closure too)"
                        : "the Nix image will not have it";
        return Diagnostic.warning(
                        Code.DOCKERFILE_ONLY_PATH,
                        path.at(),
                        statement
                                + " \""
                                + path.value()
                                + "\" is copied from the Dockerfile's build stage only; "
                                + where)
                .withHint(
                        "the Nix image holds nixpkgs' `"
                                + pkg
                                + "` and its closure under /nix/store instead; when that "
                                + "is meant, say so: nix { without \""
                                + path.value()
                                + "\" }");
    }
}
