package dev.distrogen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** --target all, --templates and init, in process on an in-memory file system. */
class ProjectCommandsTest {

    private static final String SPEC =
            """
            image "web" tag "1.0"
            app "web" { binary "/usr/bin/web" args "--port" "8080" env MODE = "prod" }
            user "web" uid 10001 gid 10001
            dir "/var/lib/web" owner "web" mode 0750 persistent
            config "/etc/web/web.conf" from "web.conf"
            port 8080
            docker { from "debian:12" }
            """;

    private FileSystem fs;

    @BeforeEach
    void setUp() throws IOException {
        fs =
                Jimfs.newFileSystem(
                        Configuration.unix().toBuilder()
                                .setAttributeViews("basic", "owner", "posix", "unix")
                                .build());
        Path project = Files.createDirectories(fs.getPath("/p"));
        Files.writeString(project.resolve("web.dl"), SPEC);
        Files.writeString(project.resolve("web.conf"), "port 8080\n");
    }

    @AfterEach
    void tearDown() throws IOException {
        fs.close();
    }

    private CliRun run(String... args) {
        return CliRun.run(fs, args);
    }

    private List<String> filesUnder(String dir) throws IOException {
        Path root = fs.getPath(dir);
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .map(f -> root.relativize(f).toString())
                    .sorted()
                    .toList();
        }
    }

    @Test
    void all_writesTheRepositorySkeleton_eachFileAsItsOwnTargetWritesIt() throws IOException {
        CliRun all = run("/p/web.dl", "--target", "all", "-o", "/repo");
        assertEquals(0, all.exit(), all.err());
        assertEquals(
                List.of(
                        ".distrogen-lock",
                        ".distrogen-manifest",
                        ".dockerignore",
                        ".github/workflows/image.yml",
                        "Dockerfile",
                        "IMAGE.md",
                        "compose.yaml",
                        "default.nix",
                        "distrogen/collect.sh",
                        "distrogen/layers.sh",
                        "distrogen/layout.sh",
                        "distrogen/layout/entries",
                        "distrogen/layout/layers",
                        "distrogen/layout/root/etc/group",
                        "distrogen/layout/root/etc/nsswitch.conf",
                        "distrogen/layout/root/etc/passwd",
                        "distrogen/lib.sh",
                        "distrogen/metadata.sh",
                        "distrogen/runtime.sh",
                        "distrogen/sbom.sh",
                        "distrogen/sizes.sh",
                        "k8s.yaml",
                        "web.conf",
                        "web.dl"),
                filesUnder("/repo"));
        assertEquals(
                SPEC,
                Files.readString(fs.getPath("/repo/web.dl")),
                "the spec itself, beside its config files");
        CliRun again = run("/repo/web.dl", "--target", "all", "-o", "/repo");
        assertEquals(0, again.exit(), "the skeleton regenerates itself: " + again.err());
        assertTrue(again.err().endsWith(", 0 changed\n"), again.err());
        for (String[] target :
                List.of(
                        new String[] {"dockerfile", "Dockerfile"},
                        new String[] {"nix", "default.nix"},
                        new String[] {"docs", "IMAGE.md"},
                        new String[] {"k8s", "k8s.yaml"},
                        new String[] {"compose", "compose.yaml"})) {
            assertEquals(
                    run("/p/web.dl", "-t", target[0]).out(),
                    Files.readString(fs.getPath("/repo", target[1])),
                    target[0]);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> workflow =
                (Map<String, Object>)
                        new Yaml()
                                .load(
                                        Files.readString(
                                                fs.getPath("/repo/.github/workflows/image.yml")));
        assertTrue(
                workflow.containsKey("on"),
                "the trigger key stays the string on, not YAML 1.1's true");
        assertTrue(workflow.toString().contains("docker build -t web:1.0 ."), workflow.toString());
        assertTrue(
                workflow.toString().contains("nix-build default.nix && docker load < result"),
                workflow.toString());
    }

    @Test
    void all_withTemplates_alsoRendersTheUsersTargets() throws IOException {
        Path dir = Files.createDirectories(fs.getPath("/t/stack"));
        Files.writeString(dir.resolve("stack.yaml.ftl"), "image: \"[=image.name]:[=image.tag]\"\n");
        CliRun all = run("/p/web.dl", "--target", "all", "-o", "/repo", "--templates", "/t");
        assertEquals(0, all.exit(), all.err());
        assertEquals("image: \"web:1.0\"\n", Files.readString(fs.getPath("/repo/stack.yaml")));
        assertTrue(Files.exists(fs.getPath("/repo/Dockerfile")));
    }

    @Test
    void templates_seeTheSameNamesAndShapesAsTheJsonTarget() throws IOException {
        Path dir = Files.createDirectories(fs.getPath("/t/list"));
        Files.writeString(
                dir.resolve("files.txt.ftl"),
                """
                [=spec] [=image.name] [=user.uid] [=app.binary] [=config.User] [=config.Env[0]] [=docker.from]
                [#list files as f][=f.path] [=f.type] [=f.owner] [=f.mode] [=f.origin][#if f.from??] [=f.from][/#if]
                [/#list]""");
        CliRun run = run("/p/web.dl", "-t", "list", "--templates", "/t");
        assertEquals(0, run.exit(), run.err());
        com.fasterxml.jackson.databind.JsonNode json =
                new com.fasterxml.jackson.databind.ObjectMapper()
                        .readTree(run("/p/web.dl", "-t", "json").out());
        StringBuilder expected =
                new StringBuilder(
                                String.join(
                                        " ",
                                        json.at("/spec").asText(),
                                        json.at("/image/name").asText(),
                                        json.at("/user/uid").asText(),
                                        json.at("/app/binary").asText(),
                                        json.at("/config/User").asText(),
                                        json.at("/config/Env/0").asText(),
                                        json.at("/docker/from").asText()))
                        .append('\n');
        for (com.fasterxml.jackson.databind.JsonNode f : json.at("/files")) {
            expected.append(
                            String.join(
                                    " ",
                                    f.get("path").asText(),
                                    f.get("type").asText(),
                                    f.get("owner").asText(),
                                    f.get("mode").asText(),
                                    f.get("origin").asText()))
                    .append(f.has("from") ? " " + f.get("from").asText() : "")
                    .append('\n');
        }
        assertEquals(expected.toString(), run.out());
        assertTrue(
                run.out().contains("/etc/web/web.conf file root 0644 config web.conf\n"),
                run.out());
    }

    @Test
    void templates_aMissingValue_isReportedWithTheWholeExpression() throws IOException {
        Path dir = Files.createDirectories(fs.getPath("/t/x"));
        Files.writeString(dir.resolve("x.txt.ftl"), "name: [=image.name]\ntag: [=image.tga]\n");
        CliRun run = run("/p/web.dl", "-t", "x", "--templates", "/t");
        assertEquals(1, run.exit());
        assertTrue(
                run.err()
                        .startsWith(
                                "distrogen: /t/x/x.txt.ftl:2:8: The following has evaluated to null or missing:\n"
                                        + "==> image.tga  [in template \"x/x.txt.ftl\" at line 2, column 8]"),
                run.err());
    }

    @Test
    void all_withoutAnOutputDirectory_isACommandLineError() {
        CliRun run = run("/p/web.dl", "--target", "all");
        assertEquals(2, run.exit());
        assertTrue(
                run.err().contains("--target all writes a repository skeleton: add -o DIR"),
                run.err());
    }

    @Test
    void templates_replaceABuiltInTemplate_withTheSameView() throws IOException {
        Path dir = Files.createDirectories(fs.getPath("/t/dockerfile"));
        Files.writeString(
                dir.resolve("Dockerfile.ftl"),
                "# mine, for [=reference]\nFROM [=buildImage] AS build\n"
                        + "[#list runs as run][=run]\n[/#list]FROM [=baseImage]\nUSER [=user]\nENTRYPOINT [=entrypoint]\n");
        CliRun run = run("/p/web.dl", "-t", "dockerfile", "--templates", "/t");
        assertEquals(0, run.exit(), run.err());
        assertTrue(
                run.out()
                        .startsWith(
                                "# mine, for web:1.0\nFROM debian:12 AS build\nCOPY distrogen/*.sh /distrogen/\n"
                                        + "RUN sh /distrogen/collect.sh app /usr/bin/web\n"),
                run.out());
        assertTrue(
                run.out()
                        .endsWith(
                                "FROM scratch\nUSER 10001:10001\nENTRYPOINT [\"/usr/bin/web\"]\n"),
                run.out());
        // Targets whose templates are not replaced are as built in.
        assertEquals(
                run("/p/web.dl", "-t", "nix").out(),
                run("/p/web.dl", "-t", "nix", "--templates", "/t").out());
    }

    @Test
    void templates_addATarget_thatSeesTheJsonModel() throws IOException {
        Path dir = Files.createDirectories(fs.getPath("/t/stack"));
        Files.writeString(
                dir.resolve("stack.yaml.ftl"),
                """
                # [=spec]
                services:
                  [=app.name]:
                    image: "[=image.name]:[=image.tag]"
                    user: "[=config.User]"
                    read_only: true
                    tmpfs:
                [#list files as f][#if f.origin == "dir"]      - "[=f.path]:mode=[=f.mode]"
                [/#if][/#list]""");
        CliRun help = run("/p/web.dl", "-t", "nope", "--templates", "/t");
        assertTrue(
                help.err()
                        .contains(
                                "\n  all         with -o DIR: every target above and a CI workflow, as a repository skeleton\n"
                                        + "  stack       your templates in --templates DIR/stack\n"),
                help.err());
        CliRun run = run("/p/web.dl", "-t", "stack", "--templates", "/t", "-o", "/out");
        assertEquals(0, run.exit(), run.err());
        assertEquals(
                "# web.dl\nservices:\n  web:\n    image: \"web:1.0\"\n    user: \"10001:10001\"\n    read_only: true\n"
                        + "    tmpfs:\n      - \"/tmp:mode=1777\"\n      - \"/var/lib/web:mode=0750\"\n",
                Files.readString(fs.getPath("/out/stack.yaml")));
    }

    @Test
    void templates_aBrokenTemplate_isReportedWithItsFileAndLine_exitOne() throws IOException {
        Path dir = Files.createDirectories(fs.getPath("/t/dockerfile"));
        Files.writeString(
                dir.resolve("Dockerfile.ftl"), "FROM [=buildImage]\n\nUSER [=noSuchField]\n");
        CliRun missing = run("/p/web.dl", "-t", "dockerfile", "--templates", "/t");
        assertEquals(1, missing.exit());
        assertTrue(missing.err().contains("/t/dockerfile/Dockerfile.ftl:3:8: "), missing.err());
        assertFalse(
                missing.err().contains("\tat ") || missing.err().contains("Exception"),
                missing.err());

        Files.writeString(
                dir.resolve("Dockerfile.ftl"), "FROM [=buildImage]\n[#list runs as run]\n");
        CliRun syntax = run("/p/web.dl", "-t", "dockerfile", "--templates", "/t");
        assertEquals(1, syntax.exit());
        assertTrue(
                syntax.err()
                        .matches(
                                "(?s)distrogen: /t/dockerfile/Dockerfile\\.ftl:2:\\d+: .*unclosed #list.*"),
                syntax.err());
    }

    @Test
    void templates_cannotReachJavaClasses() throws IOException {
        Path dir = Files.createDirectories(fs.getPath("/t/evil"));
        Files.writeString(
                dir.resolve("x.ftl"),
                "[#assign ex = \"freemarker.template.utility.Execute\"?new()][=ex(\"id\")]");
        CliRun run = run("/p/web.dl", "-t", "evil", "--templates", "/t");
        assertEquals(1, run.exit());
        assertTrue(run.err().contains("/t/evil/x.ftl:1:"), run.err());
    }

    @Test
    void templates_aMissingDirectory_isACommandLineError() {
        CliRun run = run("/p/web.dl", "--templates", "/nowhere");
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("--templates '/nowhere' is not a directory"), run.err());
    }

    @Test
    void init_writesAStarterThatPassesCheck_andOnlyItsTwoFiles() throws IOException {
        CliRun init = run("init", "shop", "-o", "/new");
        assertEquals(0, init.exit(), init.err());
        assertEquals(
                List.of("shop.conf", "shop.dl"),
                filesUnder("/new"),
                "no manifest or lock in the user's project folder");
        CliRun check = run("check", "--strict", "/new/shop.dl");
        assertEquals(0, check.exit(), check.err());
        assertEquals("/new/shop.dl: ok\n", check.out());
        String spec = Files.readString(fs.getPath("/new/shop.dl"));
        assertTrue(spec.startsWith("# A distrogen spec for shop"), spec);
        assertEquals(0, run("/new/shop.dl", "-t", "all", "-o", "/new/out").exit());
    }

    @Test
    void init_starter_namesPackages_andSaysWhatToChange() throws IOException {
        assertEquals(0, run("init", "shop", "-o", "/new").exit());
        String spec = Files.readString(fs.getPath("/new/shop.dl"));
        assertTrue(spec.contains("\n    # packages \"shop\""), spec);
        assertTrue(
                spec.contains(
                        "# As written, it builds on the stock Debian image with a stand-in program"),
                spec);
        // Every line that must change for a real app says so; the stand-in is a program the stock
        // image holds.
        assertTrue(spec.contains("binary \"/usr/bin/cat\"                     # stand-in"), spec);
        assertTrue(spec.contains("from \"debian:bookworm-slim\"               # stand-in"), spec);
        assertTrue(
                run("/new/shop.dl", "-t", "nix")
                        .out()
                        .contains("Entrypoint = [ \"${pkgs.coreutils}/bin/cat\" ];"),
                "nixpkgs' coreutils holds the stand-in too");
    }

    @Test
    void init_starter_hasNoVolume_soKubernetesGetsADeployment() throws IOException {
        assertEquals(0, run("init", "shop", "-o", "/new").exit());
        assertTrue(
                Files.readString(fs.getPath("/new/shop.dl"))
                        .contains("\n    \"/var/cache/shop\" owner \"shop\" mode 0750\n"));
        String k8s = run("/new/shop.dl", "-t", "k8s").out();
        assertTrue(k8s.contains("kind: Deployment"), k8s);
        assertFalse(k8s.contains("StatefulSet") || k8s.contains("PersistentVolumeClaim"), k8s);
    }

    @Test
    void init_defaultsToAFolderNamedAfterTheApp_andReplacesNothing_unlessForced()
            throws IOException {
        assertEquals(0, run("init", "shop").exit());
        Path spec = fs.getPath("shop", "shop.dl");
        String written = Files.readString(spec);
        Files.writeString(spec, written + "# mine\n");
        CliRun again = run("init", "shop");
        assertEquals(3, again.exit());
        assertEquals("distrogen: shop/shop.dl exists already; --force replaces it\n", again.err());
        assertTrue(Files.readString(spec).endsWith("# mine\n"));
        CliRun forced = run("init", "shop", "--force");
        assertEquals(0, forced.exit(), forced.err());
        assertEquals(written, Files.readString(spec));
        assertEquals(List.of("shop.conf", "shop.dl"), filesUnder("shop"), "no temporary file left");
    }

    @Test
    void init_intoAPathThatIsAFile_exitsThree() throws IOException {
        Files.writeString(fs.getPath("/taken"), "x");
        CliRun run = run("init", "shop", "-o", "/taken");
        assertEquals(3, run.exit());
        assertTrue(run.err().startsWith("distrogen: cannot create /taken: "), run.err());
        assertEquals("x", Files.readString(fs.getPath("/taken")));
    }

    @Test
    void init_refusesNamesThatCannotNameAnImageUserAndPackage() {
        for (String name : List.of("Shop", "root", "let", "2shop", "my_shop", "a".repeat(32))) {
            CliRun run = run("init", name);
            assertEquals(2, run.exit(), name);
            assertTrue(run.err().contains("cannot name an app"), run.err());
        }
    }
}
