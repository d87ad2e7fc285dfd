package dev.distrogen.parse;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The language's keywords: where each may stand and how it is written, for messages that speak
 * the user's language rather than the grammar's.
 */
public final class Keywords {

    public static final List<String> TOP_LEVEL =
            List.of("image", "description", "label", "app", "user", "dirs", "dir", "config", "port", "docker", "nix",
                    "sbom", "health", "resources", "k8s");
    public static final List<String> APP = List.of("binary", "args", "libs", "files", "env", "stop", "workdir", "init", "smoke");
    public static final List<String> USER = List.of("uid", "gid", "group", "home", "shell");
    public static final List<String> FILE_OPTIONS = List.of("owner", "mode");
    public static final List<String> CONFIG_SOURCES = List.of("from", "text");
    public static final List<String> DOCKER = List.of("from", "base", "builder", "packages");
    public static final List<String> NIX = List.of("package", "binary", "function", "nixpkgs", "sha256", "without");
    public static final List<String> IMAGE_OPTIONS = List.of("tag", "digest");
    public static final List<String> DIR_OPTIONS = List.of("persistent", "size");
    public static final List<String> HEALTH = List.of("http", "tcp", "none", "port");
    public static final List<String> RESOURCES = List.of("cpu", "memory", "limit");
    public static final List<String> K8S = List.of("replicas", "namespace", "imagePullPolicy");

    /** The place each block's settings belong, for "`x` belongs in ..." messages. */
    private static final Map<String, List<String>> HOMES = new TreeMap<>(Map.ofEntries(
            Map.entry("a top-level statement", TOP_LEVEL),
            Map.entry("a setting of `app { ... }`", APP),
            Map.entry("an option of `user`", USER),
            Map.entry("an option of a `dir` or `config` path", FILE_OPTIONS),
            Map.entry("the source of a `config` path", CONFIG_SOURCES),
            Map.entry("a setting of `docker { ... }`", DOCKER),
            Map.entry("a setting of `nix { ... }`", NIX),
            Map.entry("an option of `image`", IMAGE_OPTIONS),
            Map.entry("an option of a `dir` path", DIR_OPTIONS),
            Map.entry("a part of `health`", HEALTH),
            Map.entry("a setting of `resources { ... }`", RESOURCES),
            Map.entry("a setting of `k8s { ... }`", K8S)));

    private static final Map<String, String> USAGE = new TreeMap<>();

    static {
        USAGE.put("image", "image \"my-app\" tag \"1.0\"");
        USAGE.put("tag", "image \"my-app\" tag \"1.0\"");
        USAGE.put("description", "description \"what the image is for\"");
        USAGE.put("label", "label \"org.opencontainers.image.source\" = \"https://example.org/repo\"");
        USAGE.put("app", "app \"my-app\" { binary \"/usr/bin/my-app\" }");
        USAGE.put("binary", "binary \"/usr/sbin/nginx\"  (in nix { }: binary \"bin/nginx\")");
        USAGE.put("args", "args \"-c\" \"/etc/my-app.conf\"");
        USAGE.put("libs", "libs \"/usr/lib/nginx/modules\"");
        USAGE.put("files", "files \"/usr/share/zoneinfo\"");
        USAGE.put("env", "env TZ = \"UTC\"");
        USAGE.put("stop", "stop \"SIGTERM\"");
        USAGE.put("workdir", "workdir \"/var/lib/my-app\"");
        USAGE.put("init", "init \"/usr/bin/tini\"");
        USAGE.put("smoke", "smoke \"--version\"");
        USAGE.put("packages", "packages \"nginx-light\" \"tini\"");
        USAGE.put("user", "user \"app\" uid 10001 gid 10001");
        USAGE.put("uid", "user \"app\" uid 10001 gid 10001");
        USAGE.put("gid", "user \"app\" uid 10001 gid 10001");
        USAGE.put("group", "user \"app\" uid 10001 gid 10001 group \"app\"");
        USAGE.put("home", "user \"app\" uid 10001 gid 10001 home \"/var/lib/app\"");
        USAGE.put("shell", "user \"app\" uid 10001 gid 10001 shell \"/sbin/nologin\"");
        USAGE.put("dirs", "dirs { \"/var/cache/app\" owner \"app\" mode 0750 }");
        USAGE.put("dir", "dir \"/var/cache/app\" owner \"app\" mode 0750");
        USAGE.put("owner", "owner \"app\"");
        USAGE.put("mode", "mode 0644");
        USAGE.put("config", "config \"/etc/app.conf\" from \"app.conf\"  or  config \"/etc/app.conf\" text \"\"\" ... \"\"\"");
        USAGE.put("from", "from \"FILE\" after a config path, or from \"IMAGE\" in docker { }");
        USAGE.put("text", "config \"/etc/app.conf\" text \"\"\" ... \"\"\"");
        USAGE.put("port", "port 8080  or  port 53/udp");
        USAGE.put("docker", "docker { from \"nginx:1.27-alpine\"  base scratch }");
        USAGE.put("base", "base scratch  (or distroless-static, distroless-base, distroless-cc, \"IMAGE\")");
        USAGE.put("builder", "builder image  (or nix)");
        USAGE.put("nix", "nix { package \"nginx\"  function buildImage }");
        USAGE.put("package", "package \"nginx\"");
        USAGE.put("sbom", "sbom off  (on by default: package metadata for scanners in the image)");
        USAGE.put("function", "function buildImage  (or buildLayeredImage, streamLayeredImage)");
        USAGE.put("nixpkgs", "nix { nixpkgs \"COMMIT\" sha256 \"HASH\" }");
        USAGE.put("without", "nix { without \"/usr/lib/nginx/modules\" }  (a libs or files path the Nix image goes without)");
        USAGE.put("sha256", "nix { nixpkgs \"COMMIT\" sha256 \"HASH\" }");
        USAGE.put("digest", "image \"ghcr.io/acme/web\" tag \"1.0\" digest \"sha256:...\"");
        USAGE.put("persistent", "dir \"/data\" owner \"app\" persistent");
        USAGE.put("size", "dir \"/data\" owner \"app\" persistent size \"5Gi\"");
        USAGE.put("health", "health http \"/healthz\" port 8080  or  health tcp 8080  or  health none");
        USAGE.put("http", "health http \"/healthz\" port 8080");
        USAGE.put("tcp", "health tcp 8080");
        USAGE.put("none", "health none");
        USAGE.put("resources", "resources { cpu \"250m\" memory \"128Mi\" limit memory \"256Mi\" }");
        USAGE.put("cpu", "cpu \"250m\"  (a limit: limit cpu \"1\")");
        USAGE.put("memory", "memory \"128Mi\"  (a limit: limit memory \"256Mi\")");
        USAGE.put("limit", "limit memory \"256Mi\"  or  limit cpu \"1\"");
        USAGE.put("k8s", "k8s { replicas 2  namespace \"web\"  imagePullPolicy IfNotPresent }");
        USAGE.put("replicas", "replicas 2");
        USAGE.put("namespace", "namespace \"web\"");
        USAGE.put("imagePullPolicy", "imagePullPolicy IfNotPresent  (or Always, Never)");
    }

    private Keywords() {
    }

    /** Every keyword of the language. */
    public static Set<String> all() {
        return USAGE.keySet();
    }

    /** How a statement is written, as an example. */
    public static String usage(String keyword) {
        return USAGE.getOrDefault(keyword, keyword);
    }

    /** Where {@code keyword} belongs, e.g. "a setting of `app { ... }`", joined with " or ". */
    public static String homeOf(String keyword) {
        return String.join(" or ", HOMES.entrySet().stream()
                .filter(e -> e.getValue().contains(keyword))
                .map(Map.Entry::getKey)
                .toList());
    }
}
