package dev.distrogen.plan;

import dev.distrogen.model.NixFunction;
import java.util.Objects;

/**
 * The Nix target's knobs with defaults applied.
 *
 * @param packageAttr the nixpkgs attribute ("nginx"): defaults to the app's name
 * @param binary the program inside the package ("bin/nginx"): defaults to bin/ + the binary's name
 * @param nixpkgs the nixpkgs the expression imports when no {@code pkgs} is passed
 */
public record NixOptions(String packageAttr, String binary, NixFunction function, NixpkgsPin nixpkgs) {

    public NixOptions {
        Objects.requireNonNull(packageAttr, "packageAttr");
        Objects.requireNonNull(binary, "binary");
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(nixpkgs, "nixpkgs");
    }

    /** The program as the image starts it, as Nix writes it: "${pkgs.nginx}/bin/nginx". */
    public String program() {
        return "${pkgs." + packageAttr + "}/" + binary;
    }

    /**
     * How to build the image from {@code expression} and load it into Docker: buildImage and
     * buildLayeredImage make a tarball, streamLayeredImage a script that writes one.
     */
    public String loadCommand(String expression) {
        if (function == NixFunction.STREAM_LAYERED_IMAGE) {
            return "\"$(nix-build " + expression + ")\" | docker load";
        }
        return "nix-build " + expression + " && docker load < result";
    }
}
