package dev.distrogen.parse;

import dev.distrogen.model.KeywordTable;
import dev.distrogen.model.KeywordTable.Block;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The language's keywords for messages that speak the user's language rather than the grammar's:
 * where each may stand (from {@link KeywordTable}) and how it is written, as an example.
 */
public final class Keywords {

    public static final List<String> TOP_LEVEL = Block.TOP_LEVEL.keywords();
    public static final List<String> APP = Block.APP.keywords();
    public static final List<String> USER = Block.USER.keywords();
    public static final List<String> FILE_OPTIONS = Block.FILE_OPTIONS.keywords();
    public static final List<String> IMAGE_OPTIONS = Block.IMAGE_OPTIONS.keywords();

    private static final Map<String, String> USAGE = new TreeMap<>();

    static {
        USAGE.put("image", "image \"my-app\" tag \"1.0\"");
        USAGE.put("tag", "image \"my-app\" tag \"1.0\"");
        USAGE.put("description", "description \"what the image is for\"");
        USAGE.put(
                "label",
                "label \"org.opencontainers.image.source\" = \"https://example.org/repo\"");
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
        USAGE.put(
                "config",
                "config \"/etc/app.conf\" from \"app.conf\"  or  config \"/etc/app.conf\" text \"\"\" ... \"\"\"");
        USAGE.put("from", "from \"FILE\" after a config path, or from \"IMAGE\" in docker { }");
        USAGE.put("text", "config \"/etc/app.conf\" text \"\"\" ... \"\"\"");
        USAGE.put("port", "port 8080  or  port 53/udp");
        USAGE.put("docker", "docker { from \"nginx:1.27-alpine\"  base scratch }");
        USAGE.put(
                "base",
                "base scratch  (or distroless-static, distroless-base, distroless-cc, \"IMAGE\")");
        USAGE.put("builder", "builder image  (or nix)");
        USAGE.put(
                "probe",
                "probe off  (or on, the default with health http|tcp; or trace: find what it loads)");
        USAGE.put("nix", "nix { package \"nginx\"  function buildImage }");
        USAGE.put("package", "package \"nginx\"");
        USAGE.put("sbom", "sbom off  (on by default: package metadata for scanners in the image)");
        USAGE.put(
                "platforms",
                "platforms \"linux/amd64\" \"linux/arm64\"  (the builder's own platform by default)");
        USAGE.put("function", "function buildImage  (or buildLayeredImage, streamLayeredImage)");
        USAGE.put("nixpkgs", "nix { nixpkgs \"COMMIT\" sha256 \"HASH\" }");
        USAGE.put("sha256", "nix { nixpkgs \"COMMIT\" sha256 \"HASH\" }");
        USAGE.put(
                "without",
                "nix { without \"/usr/lib/nginx/modules\" }  (a libs or files path the Nix image"
                        + " goes without)");
        USAGE.put("digest", "image \"ghcr.io/acme/web\" tag \"1.0\" digest \"sha256:...\"");
        USAGE.put("persistent", "dir \"/data\" owner \"app\" persistent");
        USAGE.put("size", "dir \"/data\" owner \"app\" persistent size \"5Gi\"");
        USAGE.put(
                "health",
                "health http \"/healthz\" port 8080  or  health tcp 8080  or  health none");
        USAGE.put("http", "health http \"/healthz\" port 8080");
        USAGE.put("tcp", "health tcp 8080");
        USAGE.put("none", "health none");
        USAGE.put(
                "resources", "resources { cpu \"250m\" memory \"128Mi\" limit memory \"256Mi\" }");
        USAGE.put("cpu", "cpu \"250m\"  (a limit: limit cpu \"1\")");
        USAGE.put("memory", "memory \"128Mi\"  (a limit: limit memory \"256Mi\")");
        USAGE.put("limit", "limit memory \"256Mi\"  or  limit cpu \"1\"");
        USAGE.put("k8s", "k8s { replicas 2  namespace \"web\"  imagePullPolicy IfNotPresent }");
        USAGE.put("replicas", "replicas 2");
        USAGE.put("namespace", "namespace \"web\"");
        USAGE.put("imagePullPolicy", "imagePullPolicy IfNotPresent  (or Always, Never)");
    }

    private Keywords() {}

    /** Every keyword of the language. */
    public static Set<String> all() {
        return KeywordTable.all();
    }

    /** How a statement is written, as an example. */
    public static String usage(String keyword) {
        return USAGE.getOrDefault(keyword, keyword);
    }

    /** Where {@code keyword} belongs, e.g. "a setting of `app { ... }`", joined with " or ". */
    public static String homeOf(String keyword) {
        return String.join(
                " or ",
                Arrays.stream(Block.values())
                        .filter(b -> b.keywords().contains(keyword))
                        .map(Block::home)
                        .sorted()
                        .toList());
    }
}
