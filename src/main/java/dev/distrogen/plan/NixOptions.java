package dev.distrogen.plan;

import dev.distrogen.model.NixFunction;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The Nix target's knobs with defaults applied.
 *
 * @param packageAttr the nixpkgs attribute ("nginx"): defaults to the app's name
 * @param binary the program inside the package ("bin/nginx"): defaults to bin/ + the binary's name
 * @param init the init started as PID 1 before the program, when the spec names one: nixpkgs' tini,
 *     whatever init the Dockerfile copies from its build stage
 * @param nixpkgs the nixpkgs the expression imports when no {@code pkgs} is passed
 */
public record NixOptions(
        String packageAttr,
        String binary,
        NixFunction function,
        Optional<Program> init,
        NixpkgsPin nixpkgs) {

    /**
     * The layered builders' maxLayers, nixpkgs' default said out loud: each store path of the
     * closure a layer of its own, the most shared lowest, up to 99 (the rest share one), the layout
     * on top; 27 of the about 127 layers an overlay stack allows are left to images built on it.
     */
    public static final int MAX_LAYERS = 100;

    /** The init of every Nix image whose spec names an {@code init}. */
    public static final Program TINI = new Program("tini", "bin/tini");

    /** A program inside a nixpkgs package. */
    public record Program(String packageAttr, String binary) {

        public Program {
            Objects.requireNonNull(packageAttr, "packageAttr");
            Objects.requireNonNull(binary, "binary");
        }

        /** As Nix writes it: "${pkgs.tini}/bin/tini". */
        public String text() {
            return "${pkgs." + packageAttr + "}/" + binary;
        }
    }

    public NixOptions {
        Objects.requireNonNull(packageAttr, "packageAttr");
        Objects.requireNonNull(binary, "binary");
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(nixpkgs, "nixpkgs");
        Objects.requireNonNull(init, "init");
    }

    /** The program as the image starts it, as Nix writes it: "${pkgs.nginx}/bin/nginx". */
    public String program() {
        return new Program(packageAttr, binary).text();
    }

    /** The image's Entrypoint, as Nix writes it: the program, or {@code [init, "--", program]}. */
    public List<String> entrypoint() {
        return entrypoint(Program::text, "--");
    }

    /**
     * The image's Entrypoint, decided here for every rendering of it: the program, or {@code [init,
     * separator, program]}, each program as {@code render} writes it.
     */
    public <T> List<T> entrypoint(Function<Program, T> render, T separator) {
        T main = render.apply(new Program(packageAttr, binary));
        return init.map(i -> List.of(render.apply(i), separator, main)).orElse(List.of(main));
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
