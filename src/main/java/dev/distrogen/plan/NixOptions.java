package dev.distrogen.plan;

import dev.distrogen.model.NixFunction;
import java.util.Objects;

/**
 * The Nix target's knobs with defaults applied.
 *
 * @param packageAttr the nixpkgs attribute ("nginx"): defaults to the app's name
 * @param binary the program inside the package ("bin/nginx"): defaults to bin/ + the binary's name
 */
public record NixOptions(String packageAttr, String binary, NixFunction function) {

    public NixOptions {
        Objects.requireNonNull(packageAttr, "packageAttr");
        Objects.requireNonNull(binary, "binary");
        Objects.requireNonNull(function, "function");
    }
}
