package dev.distrogen.model;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The language's keywords, in one table: where each may stand, what a setting there is called,
 * which may repeat. The parser's messages, the duplicate check and the editors read it; the
 * grammar's tokens and the TextMate grammar are tested equal to it.
 */
public final class KeywordTable {

    /** The places keywords stand, each with its keywords in the order the README lists them. */
    public enum Block {
        TOP_LEVEL(
                "a top-level statement",
                "statement",
                "image",
                "description",
                "label",
                "app",
                "user",
                "dirs",
                "dir",
                "config",
                "port",
                "docker",
                "nix",
                "sbom",
                "platforms",
                "health",
                "resources",
                "k8s"),
        APP(
                "a setting of `app { ... }`",
                "app setting",
                "binary",
                "args",
                "libs",
                "files",
                "env",
                "stop",
                "workdir",
                "init",
                "smoke"),
        USER("an option of `user`", "user option", "uid", "gid", "group", "home", "shell"),
        FILE_OPTIONS("an option of a `dir` or `config` path", "path option", "owner", "mode"),
        CONFIG_SOURCES("the source of a `config` path", "config source", "from", "text"),
        DOCKER(
                "a setting of `docker { ... }`",
                "docker setting",
                "from",
                "base",
                "builder",
                "packages",
                "probe"),
        NIX(
                "a setting of `nix { ... }`",
                "nix setting",
                "package",
                "binary",
                "function",
                "nixpkgs",
                "sha256",
                "without"),
        IMAGE_OPTIONS("an option of `image`", "image option", "tag", "digest"),
        DIR_OPTIONS("an option of a `dir` path", "dir option", "persistent", "size"),
        HEALTH("a part of `health`", "health check", "http", "tcp", "none", "port"),
        RESOURCES(
                "a setting of `resources { ... }`", "resources setting", "cpu", "memory", "limit"),
        K8S(
                "a setting of `k8s { ... }`",
                "k8s setting",
                "replicas",
                "namespace",
                "imagePullPolicy");

        private final String home;
        private final String settingWord;
        private final List<String> keywords;

        Block(String home, String settingWord, String... keywords) {
            this.home = home;
            this.settingWord = settingWord;
            this.keywords = List.of(keywords);
        }

        /** Where a keyword of this block belongs, for "`x` belongs in ..." messages. */
        public String home() {
            return home;
        }

        /** What a keyword here is called in "unknown ... `x`" messages: "app setting". */
        public String settingWord() {
            return settingWord;
        }

        public List<String> keywords() {
            return keywords;
        }
    }

    /** Keywords that may repeat in their place: each occurrence adds to a list. */
    public static final Set<String> REPEATABLE =
            Set.of(
                    "label",
                    "dirs",
                    "dir",
                    "config",
                    "port",
                    "libs",
                    "files",
                    "env",
                    "packages",
                    "without");

    private KeywordTable() {}

    /** Every keyword of the language. */
    public static Set<String> all() {
        Set<String> all = new TreeSet<>();
        Arrays.stream(Block.values()).forEach(b -> all.addAll(b.keywords()));
        return all;
    }
}
