package dev.distrogen.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import dev.distrogen.Compiler;
import dev.distrogen.Compiler.Compilation;
import dev.distrogen.diagnostic.SpecSource;
import dev.distrogen.model.ContainerPath;
import dev.distrogen.model.DockerBase;
import dev.distrogen.model.DockerBuilder;
import dev.distrogen.model.NixFunction;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlanBuilderTest {

    private static ImagePlan plan(String text) {
        Compilation c = Compiler.compile(new SpecSource("t.dl", Path.of("/tmp"), text));
        assertEquals(
                List.of(),
                c.diagnostics().sorted().stream()
                        .filter(d -> d.severity().name().equals("ERROR"))
                        .toList());
        return c.plan().orElseThrow();
    }

    private static PlanEntry entry(ImagePlan plan, String path) {
        return plan.entries().stream()
                .filter(e -> e.path().value().equals(path))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + path + " in " + plan.entries()));
    }

    private static final String MINIMAL =
            "app \"web\" { binary \"/usr/local/bin/web\" }\nuser \"web\" uid 10001 gid 10002\n";

    @Test
    void minimalSpec_getsEveryDefault() {
        ImagePlan plan = plan(MINIMAL);
        assertEquals("web:latest", plan.reference());
        assertEquals("10001:10002", plan.config().user());
        assertEquals(List.of(), plan.config().cmd());
        assertEquals(Optional.empty(), plan.config().stopSignal());
        assertEquals(Optional.of(DockerBase.SCRATCH), plan.docker().base());
        assertEquals(Optional.empty(), plan.docker().from());
        assertEquals(DockerBuilder.IMAGE, plan.docker().builder());
        assertEquals(
                new NixOptions(
                        "web",
                        "bin/web",
                        NixFunction.BUILD_LAYERED_IMAGE,
                        Optional.empty(),
                        NixpkgsPin.DEFAULT),
                plan.nix());
        assertEquals("/usr/local/bin/web", plan.docker().program());
        assertEquals(
                java.util.Map.of("org.opencontainers.image.title", "web"), plan.config().labels());
    }

    @Test
    void init_makesTheEntrypointInitDashDashProgram_inEachTarget() {
        ImagePlan plan =
                plan(
                        MINIMAL.replace(
                                "binary \"/usr/local/bin/web\"",
                                "binary \"/usr/local/bin/web\" init \"/sbin/tini\""));
        assertEquals(List.of("/sbin/tini", "--", "/usr/local/bin/web"), plan.docker().entrypoint());
        assertEquals(Optional.of("/sbin/tini"), plan.docker().init());
        assertEquals(
                Optional.of(ContainerPath.of("/sbin/tini")),
                plan.app().init(),
                "collected with its closure");
        assertEquals(
                List.of("${pkgs.tini}/bin/tini", "--", "${pkgs.web}/bin/web"),
                plan.nix().entrypoint());
        ImagePlan nixBuilder =
                plan(
                        MINIMAL.replace(
                                        "binary \"/usr/local/bin/web\"",
                                        "binary \"/usr/local/bin/web\" init \"/sbin/tini\"")
                                + "docker { builder nix }\n");
        assertEquals(
                List.of("/usr/local/bin/tini", "--", "/usr/local/bin/web"),
                nixBuilder.docker().entrypoint(),
                "builder nix installs nixpkgs' tini beside the program");
        assertEquals(
                Optional.of("/usr/local/bin/tini"),
                nixBuilder.docker().init(),
                "what IMAGE.md names");
        assertEquals(List.of("/usr/local/bin/web"), plan(MINIMAL).docker().entrypoint());
        assertEquals(List.of("${pkgs.web}/bin/web"), plan(MINIMAL).nix().entrypoint());
    }

    @Test
    void packagesAndSmoke_areTheDockerTargets_asWritten() {
        ImagePlan plan =
                plan(
                        MINIMAL.replace(
                                        "binary \"/usr/local/bin/web\"",
                                        "binary \"/usr/local/bin/web\" smoke")
                                + "docker { packages \"a\" \"b=1.0\" packages \"c\" }\n");
        assertEquals(List.of("a", "b=1.0", "c"), plan.docker().packages());
        assertEquals(
                Optional.of(List.of()),
                plan.docker().smoke(),
                "smoke without arguments runs the program bare");
        assertEquals(Optional.empty(), plan(MINIMAL).docker().smoke());
    }

    @Test
    void accounts_holdRootAndTheUserOnly_withNumericIds() {
        ImagePlan plan =
                plan(MINIMAL.replace("gid 10002", "gid 10002 group \"staff\" home \"/srv/web\""));
        assertEquals(
                new FileContent.Text(
                        "root:x:0:0:root:/root:/sbin/nologin\nweb:x:10001:10002::/srv/web:/sbin/nologin\n"),
                entry(plan, "/etc/passwd").content().orElseThrow());
        assertEquals(
                new FileContent.Text("root:x:0:\nstaff:x:10002:\n"),
                entry(plan, "/etc/group").content().orElseThrow());
        assertEquals(
                new FileContent.Text("hosts: files dns\n"),
                entry(plan, "/etc/nsswitch.conf").content().orElseThrow());
        PlanEntry home = entry(plan, "/srv/web");
        assertEquals("10001:10002", home.numericOwner());
        assertEquals("0750", home.mode().octal());
    }

    @Test
    void tmp_isAlways1777_andParentsAreRootOwned0755() {
        ImagePlan plan = plan(MINIMAL + "dir \"/var/lib/web/data\" owner \"web\"\n");
        assertEquals("1777", entry(plan, "/tmp").mode().octal());
        for (String parent : List.of("/var", "/var/lib", "/var/lib/web")) {
            PlanEntry e = entry(plan, parent);
            assertEquals("0:0", e.numericOwner(), parent);
            assertEquals("0755", e.mode().octal(), parent);
            assertEquals(PlanEntry.Origin.PARENT, e.origin());
        }
        assertEquals("10001:10002", entry(plan, "/var/lib/web/data").numericOwner());
    }

    @Test
    void entries_areSortedParentsFirst_andUnique() {
        ImagePlan plan =
                plan(
                        MINIMAL
                                + "dir \"/a-b\"  mode 0777\ndir \"/a/b\" mode 0777\nconfig \"/a/c\" text \"x\"\n");
        List<ContainerPath> paths = plan.entries().stream().map(PlanEntry::path).toList();
        assertEquals(paths.stream().sorted().distinct().toList(), paths);
        assertTrue(paths.indexOf(ContainerPath.of("/a")) < paths.indexOf(ContainerPath.of("/a/b")));
        assertTrue(
                paths.indexOf(ContainerPath.of("/a/c")) < paths.indexOf(ContainerPath.of("/a-b")));
    }

    @Test
    void configs_keepTheirSource_ownerAndMode() {
        ImagePlan plan =
                plan(
                        MINIMAL
                                + "config \"/etc/web.conf\" text \"k = v\\n\" owner \"web\" mode 0640\n");
        PlanEntry conf = entry(plan, "/etc/web.conf");
        assertEquals(new FileContent.Text("k = v\n"), conf.content().orElseThrow());
        assertEquals("10001:10002", conf.numericOwner());
        assertEquals("0640", conf.mode().octal());
    }

    @Test
    void config_imageConfigAndLabels() {
        ImagePlan plan =
                plan(
                        """
                image "acme/web" tag "2.0"
                description "A web server"
                label "org.opencontainers.image.title" = "Web"
                app "web" {
                    binary "/usr/bin/web"
                    args "-p" "8080"
                    env B = "2"
                    env A = "1"
                    stop "quit"
                    workdir "/srv"
                }
                user "web" uid 10001 gid 10001
                port 8080
                port 53/udp
                docker { from "debian:12" base distroless-cc builder nix }
                nix { package "pkgs2.web" binary "libexec/web" function streamLayeredImage }
                """);
        ImageConfig config = plan.config();
        assertEquals(List.of("-p", "8080"), config.cmd());
        assertEquals(List.of("B=2", "A=1"), config.envList());
        assertEquals(Optional.of("SIGQUIT"), config.stopSignal());
        assertEquals(Optional.of("/srv"), config.workingDir());
        assertEquals(List.of("8080/tcp", "53/udp"), config.portList());
        assertEquals("Web", config.labels().get("org.opencontainers.image.title"));
        assertEquals("2.0", config.labels().get("org.opencontainers.image.version"));
        assertEquals("A web server", config.labels().get("org.opencontainers.image.description"));
        assertEquals("gcr.io/distroless/cc-debian12:nonroot", plan.docker().baseImage());
        assertEquals(DockerBuilder.NIX, plan.docker().builder());
        assertEquals(
                new NixOptions(
                        "pkgs2.web",
                        "libexec/web",
                        NixFunction.STREAM_LAYERED_IMAGE,
                        Optional.empty(),
                        NixpkgsPin.DEFAULT),
                plan.nix());
        assertEquals(PlanEntry.Origin.PARENT, entry(plan, "/srv").origin());
    }

    @Test
    void fromFiles_resolveAgainstTheSpecsFolder_onAnyFileSystem() throws Exception {
        try (FileSystem fs = Jimfs.newFileSystem(Configuration.unix())) {
            Path dir = Files.createDirectories(fs.getPath("/project/app"));
            Files.writeString(
                    dir.resolve("app.dl"),
                    MINIMAL + "config \"/etc/web.conf\" from \"conf/web.conf\"\n");
            Files.createDirectories(dir.resolve("conf"));
            Files.writeString(dir.resolve("conf/web.conf"), "x");
            Compilation c = Compiler.compile(dir.resolve("app.dl"), "app.dl");
            FileContent.SourceFile source =
                    (FileContent.SourceFile)
                            entry(c.plan().orElseThrow(), "/etc/web.conf").content().orElseThrow();
            assertEquals(fs.getPath("/project/app/conf/web.conf"), source.file());
            assertEquals("conf/web.conf", source.specRelative());
        }
    }

    @Test
    void writableDirs_followTheKernelsRule_groupBitsIncluded() {
        ImagePlan plan =
                plan(
                        "app \"web\" { binary \"/usr/bin/web\" }\nuser \"web\" uid 10001 gid 0\n"
                                + "dir \"/var/lib/web\" mode 0770\ndir \"/var/cache/web\" mode 0750\n"
                                + "dir \"/srv/own\" owner \"web\" mode 0570\ndir \"/srv/all\" mode 0777\n");
        // /srv/own: the owner class applies to its owner, whose bits lack write, whatever the
        // group's.
        assertEquals(
                List.of("/srv/all", "/tmp", "/var/lib/web"),
                plan.writableDirs().stream().map(d -> d.path().value()).toList());
    }

    @Test
    void names_areDnsLabels_ofAtMost63Characters_sharedByEveryTarget() {
        String longName = "A".repeat(62) + "_" + "b".repeat(10);
        ImagePlan plan =
                plan(
                        "image \"registry.example/team/"
                                + longName.toLowerCase(java.util.Locale.ROOT)
                                + "\"\n"
                                + MINIMAL.replace("app \"web\"", "app \"" + longName + "\"")
                                        .replace("user \"web\"", "user \"web\""));
        assertEquals(
                "a".repeat(62),
                plan.names().container(),
                "lower-case, cut at 63, the '-' it ends with trimmed");
        assertTrue(
                plan.names().workload().length() <= 63 && !plan.names().workload().contains("/"),
                plan.names().workload());
        assertEquals(
                java.util.Set.of("x", "x-2", "x-3"),
                java.util.stream.Stream.of("x", "x", "x")
                        .map(
                                new java.util.function.Function<String, String>() {
                                    private final java.util.Set<String> taken =
                                            new java.util.HashSet<>();

                                    @Override
                                    public String apply(String s) {
                                        return DnsLabel.unique(s, taken);
                                    }
                                })
                        .collect(java.util.stream.Collectors.toSet()));
    }

    @Test
    void programs_perTarget_areDecidedInThePlan() {
        assertEquals("/usr/local/bin/web", plan(MINIMAL).docker().program());
        ImagePlan nix =
                plan(
                        MINIMAL
                                + "docker { builder nix }\nnix { package \"webPkgs.web\" binary \"sbin/web\" }\n");
        assertEquals("/usr/local/sbin/web", nix.docker().program());
        assertEquals("${pkgs.webPkgs.web}/sbin/web", nix.nix().program());
    }

    @Test
    void resources_defaultToRequestsAndLimits_neverARequestAboveALimit() {
        assertEquals(
                new ResourceLimits("100m", "128Mi", "1", "128Mi"),
                plan(MINIMAL).runtime().resources());
        assertEquals(
                new ResourceLimits("50m", "96Mi", "50m", "96Mi"),
                plan(MINIMAL + "resources { limit memory \"96Mi\" limit cpu \"50m\" }")
                        .runtime()
                        .resources());
        assertEquals(
                new ResourceLimits("2", "1Gi", "2", "1Gi"),
                plan(MINIMAL + "resources { cpu \"2\" memory \"1Gi\" }").runtime().resources());
        assertEquals(
                new ResourceLimits("250m", "128Mi", "1", "256Mi"),
                plan(MINIMAL + "resources { cpu \"250m\" limit memory \"256Mi\" }")
                        .runtime()
                        .resources());
    }

    @Test
    void health_defaultsToTheFirstTcpPort_noneTurnsItOff() {
        assertEquals(Optional.empty(), plan(MINIMAL).runtime().health());
        assertEquals(
                Optional.of(new HealthProbe(HealthProbe.Kind.TCP, Optional.empty(), 8443)),
                plan(MINIMAL + "port 53/udp\nport 8443\nport 8080\n").runtime().health());
        assertEquals(
                Optional.empty(), plan(MINIMAL + "port 8080\nhealth none\n").runtime().health());
        assertEquals(
                Optional.of(new HealthProbe(HealthProbe.Kind.HTTP, Optional.of("/ready"), 9090)),
                plan(MINIMAL + "port 8080\nport 9090\nhealth http \"/ready\" port 9090\n")
                        .runtime()
                        .health());
    }

    @Test
    void stopGrace_isLongerForADrainingSignal() {
        assertEquals(30, plan(MINIMAL).runtime().stopGraceSeconds());
        assertEquals(
                60,
                plan(MINIMAL.replace("binary", "stop \"QUIT\" binary"))
                        .runtime()
                        .stopGraceSeconds());
        assertEquals(
                60,
                plan(MINIMAL.replace("binary", "stop \"SIGWINCH\" binary"))
                        .runtime()
                        .stopGraceSeconds());
        assertEquals(
                30,
                plan(MINIMAL.replace("binary", "stop \"SIGINT\" binary"))
                        .runtime()
                        .stopGraceSeconds());
    }

    @Test
    void persistentDirs_getVolumesNamedAfterTheirPath_andTheDigestPinsTheReference() {
        ImagePlan plan =
                plan(
                        "image \"ghcr.io/acme/web\" tag \"1\" digest \"sha256:"
                                + "ab".repeat(32)
                                + "\"\n"
                                + MINIMAL
                                + "dir \"/data\" owner \"web\" persistent\ndir \"/var/cache/web\" owner \"web\"\n"
                                + "k8s { replicas 2 namespace \"shop\" }\nnix { nixpkgs \""
                                + "0".repeat(40)
                                + "\" sha256 \""
                                + "1".repeat(52)
                                + "\" }\n");
        assertEquals(
                List.of("data:true", "tmp:false", "var-cache-web:false"),
                plan.mounts().stream().map(m -> m.volume() + ":" + m.persistent()).toList());
        assertTrue(plan.hasPersistentDirs());
        assertEquals("ghcr.io/acme/web:1", plan.reference());
        assertEquals("ghcr.io/acme/web:1@sha256:" + "ab".repeat(32), plan.pinnedReference());
        assertEquals(Optional.of("ghcr.io"), plan.registry());
        assertEquals(Optional.empty(), plan("image \"acme/web\"\n" + MINIMAL).registry());
        assertEquals(2, plan.runtime().replicas());
        assertEquals(Optional.of("shop"), plan.runtime().namespace());
        assertEquals(new NixpkgsPin("0".repeat(40), "1".repeat(52)), plan.nix().nixpkgs());
        assertEquals(
                List.of(
                        List.of("--read-only"),
                        List.of("-v", "web-data:/data"),
                        List.of("--tmpfs", "/tmp:uid=0,gid=0,mode=1777"),
                        List.of("--tmpfs", "/var/cache/web:uid=10001,gid=10002,mode=0755")),
                plan.runOptions());
    }
}
