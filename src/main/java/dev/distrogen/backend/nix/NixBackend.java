package dev.distrogen.backend.nix;

import dev.distrogen.backend.Backend;
import dev.distrogen.backend.GeneratedFile;
import dev.distrogen.backend.GenerationException;
import dev.distrogen.backend.GenerationRequest;
import dev.distrogen.backend.ShellScripts;
import dev.distrogen.backend.SourceCopies;
import dev.distrogen.backend.escape.CommentText;
import dev.distrogen.backend.escape.NixStrings;
import dev.distrogen.backend.escape.Shell;
import dev.distrogen.backend.nix.NixFormat.Attrs;
import dev.distrogen.backend.nix.NixFormat.Call;
import dev.distrogen.backend.nix.NixFormat.Code;
import dev.distrogen.backend.nix.NixFormat.ListOf;
import dev.distrogen.backend.nix.NixFormat.Node;
import dev.distrogen.backend.nix.NixFormat.Str;
import dev.distrogen.model.ContainerPath;
import dev.distrogen.model.NixFunction;
import dev.distrogen.model.NixKeywords;
import dev.distrogen.plan.FileContent;
import dev.distrogen.plan.ImageConfig;
import dev.distrogen.plan.ImagePlan;
import dev.distrogen.plan.NixOptions;
import dev.distrogen.plan.PlanEntry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code --target nix}: an expression calling nixpkgs' dockerTools. Everything distrogen lays out
 * (accounts, config files, directories) is made in a fakeroot layer with its owners and modes; the
 * app comes from nixpkgs and its closure from the references in the config.
 */
public final class NixBackend implements Backend {

    static final String FILE_NAME = "default.nix";

    /** The longest name of a store path Nix accepts. */
    static final int STORE_NAME_MAX = 211;

    @Override
    public String name() {
        return "nix";
    }

    @Override
    public String description() {
        return "a Nix expression calling dockerTools.buildImage (or the layered builders)";
    }

    @Override
    public List<String> fileNames() {
        return List.of(FILE_NAME);
    }

    @Override
    public List<GeneratedFile> generate(GenerationRequest request) throws GenerationException {
        ImagePlan plan = request.plan();
        Map<PlanEntry, String> names = bindingNames(plan);
        List<String> bindings = new ArrayList<>();
        for (PlanEntry file : plan.files()) {
            bindings.add(
                    "# "
                            + file.path().value()
                            + "\n"
                            + names.get(file)
                            + " = "
                            + NixFormat.render(fileValue(plan, file), 0)
                            + ";");
        }
        if (plan.sbom()) {
            bindings.add(sbomBinding(plan));
        }
        if (!plan.platforms().isEmpty()) {
            bindings.add(architectureBinding(plan));
        }
        bindings.add(
                layoutComment(plan.nix().function())
                        + "\nlayout = ''\n"
                        + String.join(
                                "\n", layout(plan, names).stream().map(l -> "  " + l).toList())
                        + "\n'';");
        String call = NixFormat.render(builderCall(plan), 0);
        NixView view =
                new NixView(
                        request.headerName(),
                        buildCommands(plan),
                        indent(bindings),
                        call,
                        NixStrings.quoted(plan.nix().nixpkgs().url()),
                        NixStrings.quoted(plan.nix().nixpkgs().sha256()),
                        plan.app().dockerfileOnly().stream().map(CommentText::line).toList(),
                        CommentText.line(plan.nix().packageAttr()),
                        plan.platforms().isEmpty() ? null : systems(plan),
                        String.join(
                                ", ", plan.platforms().stream().map(p -> p.nixSystem()).toList()));
        List<GeneratedFile> files = new ArrayList<>();
        files.add(
                GeneratedFile.text(
                        FILE_NAME, request.templates().render("nix/default.nix.ftl", view)));
        if (request.toDirectory()) {
            files.addAll(SourceCopies.of(plan));
        }
        return files;
    }

    private static List<String> buildCommands(ImagePlan plan) {
        List<String> commands = new ArrayList<>();
        commands.add(plan.nix().loadCommand(FILE_NAME));
        plan.platforms()
                .forEach(
                        p ->
                                commands.add(
                                        plan.nix()
                                                .loadCommand(
                                                        FILE_NAME
                                                                + " --argstr system "
                                                                + p.nixSystem())));
        return commands;
    }

    /** The Nix list of the platforms' systems: [ "x86_64-linux" "aarch64-linux" ]. */
    private static String systems(ImagePlan plan) {
        return NixFormat.render(
                new ListOf(
                        plan.platforms().stream().map(p -> (Node) new Str(p.nixSystem())).toList()),
                0);
    }

    /**
     * {@code architecture}: the image config's architecture for the system the expression is built
     * for, in Go's names as dockerTools writes them (its default, go.GOARCH of pkgs, agrees when
     * pkgs is nixpkgs for that system).
     */
    private static String architectureBinding(ImagePlan plan) {
        List<Map.Entry<String, Node>> bySystem = new ArrayList<>();
        plan.platforms()
                .forEach(p -> bySystem.add(entry(p.nixSystem(), new Str(p.architecture()))));
        return "# The image config's architecture on each of the platforms (Go's names, as dockerTools'\n"
                + "# default); `system` picks one.\n"
                + "architecture = "
                + NixFormat.render(new Attrs(bySystem), 0)
                + ".${system};";
    }

    /** A file's value: a path beside the expression, or pkgs.writeText with its text. */
    private static Node fileValue(ImagePlan plan, PlanEntry file) {
        FileContent content = file.content().orElseThrow();
        if (content instanceof FileContent.SourceFile source) {
            String path = NixStrings.relativePath(source.specRelative());
            String baseName =
                    source.specRelative().substring(source.specRelative().lastIndexOf('/') + 1);
            if (isStoreName(baseName)) {
                return new Code(path);
            }
            // The store names a copied file after it, and refuses some characters: name it here.
            return new Call(
                    "builtins.path",
                    attrs(
                            entry("path", new Code(path)),
                            entry("name", new Str(storeName(plan, file)))));
        }
        String text = ((FileContent.Text) content).text();
        return new Code(
                "pkgs.writeText "
                        + NixStrings.quoted(storeName(plan, file))
                        + " "
                        + NixFormat.string(text, ""));
    }

    /**
     * {@code sbom}: a CycloneDX SBOM of the package's closure (pkgs.writeClosure), each store
     * path's name and version split as builtins.parseDrvName splits them, made at build time by the
     * same shell functions as the Dockerfile's nix build stage.
     */
    private static String sbomBinding(ImagePlan plan) {
        StringBuilder out = new StringBuilder();
        out.append(
                        "# Package metadata for vulnerability scanners: a CycloneDX SBOM of the closure, made at build\n")
                .append("# time, copied to ")
                .append(ImagePlan.SBOM_PATH)
                .append(". Trivy reads no Nix store paths; sbomnix and vulnix\n")
                .append("# read the closure of the result themselves.\n")
                .append("sbom = pkgs.runCommand ")
                .append(NixStrings.quoted(plan.name().replace('/', '-') + "-sbom"))
                .append(" { } ''\n");
        for (String line : ShellScripts.lines("sbom.sh")) {
            out.append("  ").append(NixStrings.escapeIndented(line)).append('\n');
        }
        out.append("  dg_nix_components < ${pkgs.writeClosure [ ")
                .append(packageRef(plan))
                .append(" ]} | dg_cdx > $out\n");
        return out.append("'';").toString();
    }

    /**
     * The lines of the indented string of shell commands that lay out the image in the layer's
     * root: directories, files copied from the store, then owner and mode, deepest first (a
     * directory made unreadable must not block what is inside it). Each path is shell-quoted, then
     * escaped for the indented string; the ${name} antiquotations are meant.
     */
    static List<String> layout(ImagePlan plan, Map<PlanEntry, String> names) {
        List<String> lines = new ArrayList<>();
        for (PlanEntry dir : plan.directories()) {
            lines.add("mkdir -p " + inLayer(dir));
        }
        if (plan.sbom()) {
            String sbom = NixStrings.escapeIndented(Shell.quote("." + ImagePlan.SBOM_PATH));
            lines.add(
                    "mkdir -p "
                            + NixStrings.escapeIndented(
                                    Shell.quote(
                                            "."
                                                    + ContainerPath.of(ImagePlan.SBOM_PATH)
                                                            .parent()
                                                            .value())));
            lines.add("cp ${sbom} " + sbom);
            lines.add("chmod 0644 " + sbom);
        }
        for (PlanEntry file : plan.files()) {
            lines.add("cp ${" + names.get(file) + "} " + inLayer(file));
        }
        List<PlanEntry> deepestFirst = new ArrayList<>(plan.entries());
        java.util.Collections.reverse(deepestFirst);
        for (PlanEntry entry : deepestFirst) {
            // chown first: it clears the setuid and setgid bits that chmod sets.
            lines.add("chown " + entry.numericOwner() + " " + inLayer(entry));
            lines.add("chmod " + entry.mode().octal() + " " + inLayer(entry));
        }
        return lines;
    }

    /**
     * The entry's path relative to the layer's root, shell-quoted, then escaped for an indented
     * string.
     */
    private static String inLayer(PlanEntry entry) {
        return NixStrings.escapeIndented(Shell.quote("." + entry.path().value()));
    }

    private static String layoutComment(NixFunction function) {
        String common =
                "# The image's accounts, config files and directories, with owners and modes. These commands\n"
                        + "# run under fakeroot (the layered builders' fakeRootCommands), which records the owners set\n"
                        + "# with chown in the layer: no VM and no shadow tools. An image whose writable directories\n"
                        + "# its user cannot write to is a bug, so this is not left to defaults.";
        if (function != NixFunction.BUILD_IMAGE) {
            return common
                    + "\n# The layered builder puts each store path of the closure in a layer of its own, the most\n"
                    + "# shared lowest (maxLayers: up to 99, the rest in one), and what these commands make, the\n"
                    + "# configs included, in the last layer, on top: a new config re-ships that layer only.";
        }
        return common
                + "\n# buildImage itself cannot chown without a VM: its runAsRoot needs KVM (nixpkgs#67079) and\n"
                + "# its extraCommands run unprivileged. So these commands make a base layer with\n"
                + "# buildLayeredImage, and buildImage adds the app on top of it (fromImage).";
    }

    private static Node builderCall(ImagePlan plan) {
        NixFunction function = plan.nix().function();
        List<Map.Entry<String, Node>> args = new ArrayList<>();
        args.add(entry("name", new Str(plan.name())));
        args.add(entry("tag", new Str(plan.tag())));
        Node root =
                new Call(
                        "pkgs.buildEnv",
                        attrs(
                                entry("name", new Str(plan.name() + "-root")),
                                entry("paths", new ListOf(List.of(new Code(packageRef(plan))))),
                                entry("pathsToLink", new ListOf(List.of(new Str("/bin"))))));
        if (function == NixFunction.BUILD_IMAGE) {
            args.add(
                    entry(
                            "fromImage",
                            new Call(
                                    "pkgs.dockerTools.buildLayeredImage",
                                    attrs(
                                            entry("name", new Str(plan.name() + "-layout")),
                                            entry("tag", new Str(plan.tag())),
                                            entry("fakeRootCommands", new Code("layout"))))));
            args.add(entry("copyToRoot", root));
        } else {
            args.add(entry("contents", new ListOf(List.of(root))));
            args.add(entry("fakeRootCommands", new Code("layout")));
            args.add(entry("maxLayers", new Code(Integer.toString(NixOptions.MAX_LAYERS))));
        }
        architecture(plan, args);
        args.add(entry("config", config(plan)));
        return new Call("pkgs.dockerTools." + function.nixName(), new Attrs(args));
    }

    private static void architecture(ImagePlan plan, List<Map.Entry<String, Node>> args) {
        if (!plan.platforms().isEmpty()) {
            args.add(entry("architecture", new Code("architecture")));
        }
    }

    private static Node config(ImagePlan plan) {
        ImageConfig config = plan.config();
        List<Map.Entry<String, Node>> entries = new ArrayList<>();
        entries.add(entry("User", new Str(config.user())));
        entries.add(entry("Entrypoint", entrypoint(plan)));
        if (!config.cmd().isEmpty()) {
            entries.add(entry("Cmd", strings(config.cmd())));
        }
        if (!config.env().isEmpty()) {
            entries.add(entry("Env", strings(config.envList())));
        }
        config.workingDir().ifPresent(w -> entries.add(entry("WorkingDir", new Str(w))));
        if (!config.exposedPorts().isEmpty()) {
            List<Map.Entry<String, Node>> ports = new ArrayList<>();
            config.portList().forEach(p -> ports.add(entry(p, new Attrs(List.of()))));
            entries.add(entry("ExposedPorts", new Attrs(ports)));
        }
        config.stopSignal().ifPresent(s -> entries.add(entry("StopSignal", new Str(s))));
        List<Map.Entry<String, Node>> labels = new ArrayList<>();
        config.labels().forEach((k, v) -> labels.add(entry(k, new Str(v))));
        entries.add(entry("Labels", new Attrs(labels)));
        return new Attrs(entries);
    }

    /** The plan's Entrypoint, each program as a string of its package's path. */
    private static ListOf entrypoint(ImagePlan plan) {
        return new ListOf(
                plan.nix()
                        .entrypoint(
                                p ->
                                        (Node)
                                                new Code(
                                                        inPackage(
                                                                "pkgs." + p.packageAttr(),
                                                                p.binary())),
                                new Str("--")));
    }

    /**
     * "${pkgs.nginx}/bin/nginx" as a Nix string: the package's store path, then the escaped path in
     * it.
     */
    static String program(ImagePlan plan) {
        return inPackage(packageRef(plan), plan.nix().binary());
    }

    private static String inPackage(String packageRef, String binary) {
        String quoted = NixStrings.quoted("/" + binary);
        return "\"${" + packageRef + "}" + quoted.substring(1);
    }

    private static String packageRef(ImagePlan plan) {
        return "pkgs." + plan.nix().packageAttr();
    }

    private static ListOf strings(List<String> values) {
        return new ListOf(values.stream().map(v -> (Node) new Str(v)).toList());
    }

    @SafeVarargs
    private static Attrs attrs(Map.Entry<String, Node>... entries) {
        return new Attrs(List.of(entries));
    }

    private static Map.Entry<String, Node> entry(String key, Node value) {
        return new SimpleEntry<>(key, value);
    }

    /** Let-binding names from the files' paths: /etc/nginx/nginx.conf -> etcNginxNginxConf. */
    private static Map<PlanEntry, String> bindingNames(ImagePlan plan) {
        Map<PlanEntry, String> names = new LinkedHashMap<>();
        // Bindings must not be keywords (/in, /let as config paths), nor hide what the expression
        // uses.
        Set<String> taken =
                new HashSet<>(
                        Set.of(
                                "pkgs",
                                "layout",
                                "sbom",
                                "system",
                                "architecture",
                                "builtins",
                                "import",
                                "true",
                                "false",
                                "null"));
        taken.addAll(NixKeywords.ALL);
        for (PlanEntry file : plan.files()) {
            StringBuilder name = new StringBuilder();
            for (String word : file.path().value().split("[^A-Za-z0-9]+")) {
                if (!word.isEmpty()) {
                    name.append(
                            name.length() == 0
                                    ? word.toLowerCase(java.util.Locale.ROOT)
                                    : Character.toUpperCase(word.charAt(0)) + word.substring(1));
                }
            }
            String base =
                    name.length() == 0 || !Character.isLetter(name.charAt(0))
                            ? "file" + name
                            : name.toString();
            String unique = base;
            for (int i = 2; !taken.add(unique); i++) {
                unique = base + i;
            }
            names.put(file, unique);
        }
        return names;
    }

    private static boolean isStoreName(String name) {
        return name.length() <= STORE_NAME_MAX
                && name.matches("[A-Za-z0-9+_?=-][A-Za-z0-9+._?=-]*");
    }

    /**
     * A store path name for a file: the image's name and the path, in the characters Nix allows.
     */
    static String storeName(ImagePlan plan, PlanEntry file) {
        String name =
                (plan.name().replace('/', '-') + file.path().value().replace('/', '-'))
                        .replaceAll("[^A-Za-z0-9+._?=-]", "_");
        name = name.startsWith(".") ? "_" + name.substring(1) : name;
        if (name.length() <= STORE_NAME_MAX) {
            return name;
        }
        // Too long for the store: cut, and keep it unique with a hash of the whole name.
        String hash = HexFormat.of().formatHex(sha256(name)).substring(0, 16);
        return name.substring(0, STORE_NAME_MAX - hash.length() - 1) + "-" + hash;
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static List<String> indent(List<String> blocks) {
        return blocks.stream()
                .map(b -> "  " + b.replace("\n", "\n  ").replace("\n  \n", "\n\n"))
                .toList();
    }
}
