package dev.distrogen.plan;

import dev.distrogen.model.App;
import dev.distrogen.model.ConfigDecl;
import dev.distrogen.model.ConfigSource;
import dev.distrogen.model.ContainerPath;
import dev.distrogen.model.DirAccess;
import dev.distrogen.model.DirDecl;
import dev.distrogen.model.DirSize;
import dev.distrogen.model.DockerBase;
import dev.distrogen.model.DockerBuilder;
import dev.distrogen.model.DockerSettings;
import dev.distrogen.model.FileMode;
import dev.distrogen.model.HealthDecl;
import dev.distrogen.model.ImageDecl;
import dev.distrogen.model.K8sSettings;
import dev.distrogen.model.Label;
import dev.distrogen.model.Located;
import dev.distrogen.model.NixFunction;
import dev.distrogen.model.NixSettings;
import dev.distrogen.model.Overrides;
import dev.distrogen.model.Platform;
import dev.distrogen.model.PortDecl;
import dev.distrogen.model.ProbeMode;
import dev.distrogen.model.Quantity;
import dev.distrogen.model.ResourcesDecl;
import dev.distrogen.model.SourceLocation;
import dev.distrogen.model.Spec;
import dev.distrogen.model.StopSignal;
import dev.distrogen.model.User;
import dev.distrogen.plan.PlanEntry.Kind;
import dev.distrogen.plan.PlanEntry.Origin;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Decides the image from a spec that passed every check: defaults applied, owners resolved to
 * numbers, parents of every path added, /etc made from the account. Called only on checked specs;
 * an invalid one is a programming error here.
 */
public final class PlanBuilder {

    public static final String DEFAULT_TAG = "latest";
    static final String VERSION_LABEL = "org.opencontainers.image.version";
    static final String NSSWITCH = "hosts: files dns\n";
    private static final ContainerPath TMP = ContainerPath.of("/tmp");
    private static final String HOME_MODE = "0750";

    /**
     * Signals that ask a server to finish its open connections first (nginx SIGQUIT, Apache httpd
     * SIGWINCH).
     */
    private static final Set<String> DRAIN_SIGNALS = Set.of("SIGQUIT", "SIGWINCH");

    private final Spec spec;
    private final Overrides overrides;
    private final App app;
    private final Account account;
    private final Map<ContainerPath, PlanEntry> entries = new TreeMap<>();

    /**
     * Every dir laid out as the app's: the declared ones, then /tmp and the home if the spec has
     * none.
     */
    private final List<DirDecl> dirs = new ArrayList<>();

    private PlanBuilder(Spec spec, Overrides overrides) {
        this.spec = spec;
        this.overrides = overrides;
        this.app = spec.app().orElseThrow();
        this.account = account(spec.user().orElseThrow());
    }

    public static ImagePlan build(Spec spec) {
        return build(spec, Overrides.NONE);
    }

    /**
     * The plan of the spec with what the command line puts in its place ({@code --from}, {@code
     * --base}).
     */
    public static ImagePlan build(Spec spec, Overrides overrides) {
        return new PlanBuilder(spec, overrides).build();
    }

    private ImagePlan build() {
        accountFiles();
        spec.dirs().forEach(this::dir);
        spec.configs().forEach(this::config);
        implicitDir(TMP.value(), Optional.empty(), Optional.empty());
        if (!account.home().equals(User.DEFAULT_HOME)) {
            implicitDir(account.home(), Optional.of(account.name()), Optional.of(HOME_MODE));
        }
        app.workdir()
                .map(w -> ContainerPath.of(w.value()))
                .filter(w -> !w.isRoot())
                .ifPresent(
                        w ->
                                entries.putIfAbsent(
                                        w,
                                        directoryEntry(
                                                w,
                                                Account.ROOT,
                                                FileMode.DIRECTORY,
                                                Origin.PARENT)));
        addParents();
        String name = spec.image().map(i -> i.name().value()).orElse(app.name().value());
        String tag = spec.image().flatMap(i -> i.tag()).map(Located::value).orElse(DEFAULT_TAG);
        NixOptions nix = nix(spec.nix());
        List<PlanEntry> laidOut = List.copyOf(entries.values());
        List<PlanEntry> writable = writableDirs(laidOut);
        ImageConfig config = config(name);
        ResourceNames names = ResourceNames.of(name, app.name().value());
        List<VolumeMount> mounts = mounts(writable, names);
        return new ImagePlan(
                name,
                tag,
                spec.image().flatMap(ImageDecl::digest).map(Located::value),
                spec.description().map(Located::value),
                account,
                laidOut,
                writable,
                names,
                mounts,
                runtime(config, mounts),
                payload(),
                config,
                docker(spec.docker(), nix),
                nix,
                spec.sbom().map(s -> s.value().equals("on")).orElse(true),
                spec.platforms().stream()
                        .map(p -> Platform.ofName(p.value()).orElseThrow())
                        .toList());
    }

    /** A volume for each writable dir, named after its path (a DNS label, unique in the image). */
    private List<VolumeMount> mounts(List<PlanEntry> writable, ResourceNames names) {
        Map<String, DirDecl> declared = new HashMap<>();
        spec.dirs().forEach(d -> declared.putIfAbsent(d.path().value(), d));
        Set<String> taken = new HashSet<>();
        List<VolumeMount> mounts = new ArrayList<>();
        for (PlanEntry dir : writable) {
            String path = dir.path().value();
            Optional<DirDecl> decl = Optional.ofNullable(declared.get(path));
            String volume = DnsLabel.unique(DnsLabel.of(path.substring(1)), taken);
            mounts.add(
                    new VolumeMount(
                            dir,
                            volume,
                            names.workload() + "-" + volume,
                            decl.flatMap(DirDecl::persistent).isPresent(),
                            decl.flatMap(DirDecl::size).flatMap(s -> DirSize.parse(s.value()))));
        }
        return mounts;
    }

    /** The run section: what k8s, compose and docs all read. */
    private RuntimeOptions runtime(ImageConfig config, List<VolumeMount> mounts) {
        K8sSettings k8s = spec.k8s();
        String signal = config.effectiveStopSignal();
        int grace =
                DRAIN_SIGNALS.contains(signal)
                        ? RuntimeOptions.DRAIN_GRACE_SECONDS
                        : RuntimeOptions.DEFAULT_GRACE_SECONDS;
        int replicas = k8s.replicas().map(r -> Integer.parseInt(r.value())).orElse(1);
        Optional<HealthProbe> health = health(config);
        return new RuntimeOptions(
                mounts.stream().anyMatch(VolumeMount::persistent)
                        ? RuntimeOptions.Workload.STATEFUL_SET
                        : RuntimeOptions.Workload.DEPLOYMENT,
                !config.exposedPorts().isEmpty(),
                replicas > 1,
                health,
                health.isPresent() ? RuntimeOptions.Probe.DEFAULTS : List.of(),
                resources(),
                grace,
                replicas,
                k8s.namespace().map(Located::value),
                k8s.pullPolicy().map(Located::value).orElse(RuntimeOptions.DEFAULT_PULL_POLICY),
                config.labels().containsKey(VERSION_LABEL)
                        ? RuntimeOptions.labelValue(config.labels().get(VERSION_LABEL))
                        : Optional.empty());
    }

    /**
     * The spec's health check; without one, a TCP check on the first tcp port; `health none`: none.
     */
    private Optional<HealthProbe> health(ImageConfig config) {
        if (spec.health().isEmpty()) {
            return config.exposedPorts().stream()
                    .filter(p -> p.protocol().equals("tcp"))
                    .findFirst()
                    .map(p -> new HealthProbe(HealthProbe.Kind.TCP, Optional.empty(), p.number()));
        }
        return declaredHealth();
    }

    /** The spec's own {@code health http} or {@code health tcp}, without the default. */
    private Optional<HealthProbe> declaredHealth() {
        Optional<HealthDecl> declared = spec.health();
        if (declared.isEmpty() || declared.get().kind() == HealthDecl.Kind.NONE) {
            return Optional.empty();
        }
        HealthDecl health = declared.get();
        int port = Integer.parseInt(health.port().orElseThrow().value());
        return Optional.of(
                health.kind() == HealthDecl.Kind.HTTP
                        ? new HealthProbe(
                                HealthProbe.Kind.HTTP, health.path().map(Located::value), port)
                        : new HealthProbe(HealthProbe.Kind.TCP, Optional.empty(), port));
    }

    /**
     * The spec's quantities with the defaults of {@link ResourceLimits}. A request left out is the
     * default, but never above a limit the spec gives; a limit left out is the request (memory) or
     * one core, at least the request (cpu).
     */
    private ResourceLimits resources() {
        ResourcesDecl r = spec.resources();
        String cpu =
                r.cpu()
                        .map(Located::value)
                        .orElse(
                                r.cpuLimit()
                                        .map(Located::value)
                                        .filter(l -> Quantity.less(l, ResourceLimits.DEFAULT_CPU))
                                        .orElse(ResourceLimits.DEFAULT_CPU));
        String memory =
                r.memory()
                        .map(Located::value)
                        .orElse(
                                r.memoryLimit()
                                        .map(Located::value)
                                        .filter(
                                                l ->
                                                        Quantity.less(
                                                                l, ResourceLimits.DEFAULT_MEMORY))
                                        .orElse(ResourceLimits.DEFAULT_MEMORY));
        String cpuLimit =
                r.cpuLimit()
                        .map(Located::value)
                        .orElse(
                                Quantity.less(ResourceLimits.DEFAULT_CPU_LIMIT, cpu)
                                        ? cpu
                                        : ResourceLimits.DEFAULT_CPU_LIMIT);
        String memoryLimit = r.memoryLimit().map(Located::value).orElse(memory);
        return new ResourceLimits(cpu, memory, cpuLimit, memoryLimit);
    }

    /** The dirs (declared, /tmp, the home) the app's user may write to, by the model's one rule. */
    private List<PlanEntry> writableDirs(List<PlanEntry> laidOut) {
        Set<ContainerPath> writable = new HashSet<>();
        for (DirDecl dir : dirs) {
            if (DirAccess.writable(dir, account.name(), account.uid(), account.gid())
                    .orElseThrow()) {
                writable.add(ContainerPath.of(dir.path().value()));
            }
        }
        return laidOut.stream()
                .filter(e -> e.isDirectory() && writable.contains(e.path()))
                .toList();
    }

    /**
     * A dir the image has though the spec does not declare it (/tmp, the home), unless a path is
     * there.
     */
    private void implicitDir(String path, Optional<String> owner, Optional<String> mode) {
        if (!entries.containsKey(ContainerPath.of(path))) {
            dir(
                    new DirDecl(
                            implicit(path),
                            owner.map(PlanBuilder::implicit),
                            mode.map(PlanBuilder::implicit),
                            Optional.empty(),
                            Optional.empty(),
                            SourceLocation.NONE));
        }
    }

    private static Located<String> implicit(String value) {
        return new Located<>(value, SourceLocation.NONE);
    }

    private static Account account(User user) {
        long uid = Long.parseLong(user.uid().orElseThrow().value());
        long gid = Long.parseLong(user.gid().orElseThrow().value());
        return new Account(
                user.name().value(), uid, user.groupName(), gid, user.homeDir(), user.loginShell());
    }

    private void accountFiles() {
        List<String> passwd = new ArrayList<>(List.of(Account.ROOT.passwdLine()));
        List<String> group = new ArrayList<>(List.of(Account.ROOT.groupLine()));
        if (account.uid() != 0) {
            passwd.add(account.passwdLine());
        }
        if (account.gid() != 0) {
            group.add(account.groupLine());
        }
        file("/etc/passwd", lines(passwd), Account.ROOT, FileMode.FILE, Origin.ACCOUNTS);
        file("/etc/group", lines(group), Account.ROOT, FileMode.FILE, Origin.ACCOUNTS);
        file("/etc/nsswitch.conf", NSSWITCH, Account.ROOT, FileMode.FILE, Origin.ACCOUNTS);
    }

    private void file(String path, String text, Account owner, FileMode mode, Origin origin) {
        ContainerPath p = ContainerPath.of(path);
        entries.put(
                p,
                new PlanEntry(
                        p,
                        Kind.FILE,
                        owner.name(),
                        owner.uid(),
                        owner.group(),
                        owner.gid(),
                        mode,
                        Optional.of(new FileContent.Text(text)),
                        origin));
    }

    private void dir(DirDecl dir) {
        dirs.add(dir);
        directory(
                ContainerPath.of(dir.path().value()),
                owner(dir.owner()),
                DirAccess.mode(dir.path().value(), dir.mode()).orElseThrow(),
                Origin.DIR);
    }

    private void config(ConfigDecl config) {
        ContainerPath path = ContainerPath.of(config.path().value());
        Account owner = owner(config.owner());
        FileContent content =
                config.source() instanceof ConfigSource.FromFile from
                        ? new FileContent.SourceFile(
                                spec.baseDir().resolve(from.file().value()).normalize(),
                                from.file().value())
                        : new FileContent.Text(
                                ((ConfigSource.Inline) config.source()).text().value());
        entries.put(
                path,
                new PlanEntry(
                        path,
                        Kind.FILE,
                        owner.name(),
                        owner.uid(),
                        owner.group(),
                        owner.gid(),
                        mode(config.mode(), FileMode.FILE),
                        Optional.of(content),
                        Origin.CONFIG));
    }

    private void directory(ContainerPath path, Account owner, FileMode mode, Origin origin) {
        entries.put(path, directoryEntry(path, owner, mode, origin));
    }

    private static PlanEntry directoryEntry(
            ContainerPath path, Account owner, FileMode mode, Origin origin) {
        return new PlanEntry(
                path,
                Kind.DIRECTORY,
                owner.name(),
                owner.uid(),
                owner.group(),
                owner.gid(),
                mode,
                Optional.empty(),
                origin);
    }

    private void addParents() {
        for (ContainerPath path : List.copyOf(entries.keySet())) {
            for (ContainerPath parent : path.ancestors()) {
                entries.putIfAbsent(
                        parent,
                        directoryEntry(parent, Account.ROOT, FileMode.DIRECTORY, Origin.PARENT));
            }
        }
    }

    private Account owner(Optional<Located<String>> owner) {
        return DirAccess.ownedByUser(owner, account.name()) ? account : Account.ROOT;
    }

    private static FileMode mode(Optional<Located<String>> mode, FileMode fallback) {
        return mode.map(m -> FileMode.parseOctal(m.value()).orElseThrow()).orElse(fallback);
    }

    private AppPayload payload() {
        return new AppPayload(
                app.name().value(),
                ContainerPath.of(app.binary().orElseThrow().value()),
                app.libs().stream().map(l -> ContainerPath.of(l.value())).toList(),
                app.files().stream().map(f -> ContainerPath.of(f.value())).toList(),
                app.init().map(i -> ContainerPath.of(i.value())));
    }

    private ImageConfig config(String name) {
        Map<String, String> labels = new TreeMap<>();
        labels.put("org.opencontainers.image.title", name);
        // Only a tag the spec writes is a version: the default "latest" names no version.
        spec.image().flatMap(i -> i.tag()).ifPresent(t -> labels.put(VERSION_LABEL, t.value()));
        spec.description()
                .ifPresent(d -> labels.put("org.opencontainers.image.description", d.value()));
        for (Label label : spec.labels()) {
            labels.put(label.key().value(), label.value().value());
        }
        return new ImageConfig(
                account.numericUser(),
                app.args().stream().map(Located::value).toList(),
                app.env().stream()
                        .map(e -> new EnvVariable(e.name().value(), e.value().value()))
                        .toList(),
                app.workdir().map(Located::value),
                spec.ports().stream().map(PlanBuilder::port).toList(),
                app.stopSignal().map(s -> StopSignal.canonical(s.value()).orElseThrow()),
                new TreeMap<>(labels));
    }

    private static ExposedPort port(PortDecl port) {
        return new ExposedPort(
                Integer.parseInt(port.number().value()),
                port.protocolName().toLowerCase(Locale.ROOT));
    }

    private DockerOptions docker(DockerSettings docker, NixOptions nix) {
        // --base wins over the spec's base: a keyword (looked up here only) or an image reference.
        Optional<DockerBase> base =
                overrides.base().isPresent()
                        ? DockerBase.ofWord(overrides.base().get())
                        : docker.baseImage().isPresent()
                                ? Optional.empty()
                                : Optional.of(
                                        docker.baseWord()
                                                .map(
                                                        w ->
                                                                DockerBase.ofWord(w.value())
                                                                        .orElseThrow())
                                                .orElse(DockerBase.SCRATCH));
        Optional<String> customBase =
                base.isPresent()
                        ? Optional.empty()
                        : overrides.base().or(() -> docker.baseImage().map(Located::value));
        DockerBuilder builder =
                docker.builder()
                        .map(b -> DockerBuilder.ofWord(b.value()).orElseThrow())
                        .orElse(DockerBuilder.IMAGE);
        Optional<String> from =
                overrides
                        .from()
                        .or(() -> docker.from().map(Located::value))
                        .or(
                                () ->
                                        builder == DockerBuilder.NIX
                                                ? Optional.of(DockerOptions.NIX_IMAGE)
                                                : Optional.empty());
        String program =
                builder == DockerBuilder.NIX
                        ? DockerOptions.NIX_PROFILE + nix.binary()
                        : app.binary().orElseThrow().value();
        // builder nix installs the init from nixpkgs too (tini), beside the program under
        // /usr/local.
        Optional<String> init =
                app.init()
                        .map(
                                i ->
                                        builder == DockerBuilder.NIX
                                                ? DockerOptions.NIX_PROFILE
                                                        + nix.init().orElseThrow().binary()
                                                : i.value());
        List<String> entrypoint = init.map(i -> List.of(i, "--", program)).orElse(List.of(program));
        return new DockerOptions(
                from,
                base,
                customBase,
                builder,
                program,
                init,
                entrypoint,
                docker.packages().stream().map(Located::value).toList(),
                app.smoke().map(s -> s.stream().map(Located::value).toList()),
                buildProbe(docker));
    }

    /**
     * The build stage's probe: the spec's declared health check, unless {@code probe off}; traced
     * first with {@code probe trace}.
     */
    private Optional<BuildProbe> buildProbe(DockerSettings docker) {
        ProbeMode mode =
                docker.probe().flatMap(p -> ProbeMode.ofWord(p.value())).orElse(ProbeMode.ON);
        if (mode == ProbeMode.OFF) {
            return Optional.empty();
        }
        return declaredHealth().map(h -> new BuildProbe(h, mode == ProbeMode.TRACE));
    }

    private NixOptions nix(NixSettings nix) {
        String packageAttr = nix.packageAttr().map(Located::value).orElse(app.name().value());
        String binary =
                nix.binary()
                        .map(Located::value)
                        .orElse(
                                "bin/"
                                        + ContainerPath.of(app.binary().orElseThrow().value())
                                                .fileName());
        NixFunction function =
                nix.function()
                        .map(f -> NixFunction.ofName(f.value()).orElseThrow())
                        // What a Nix user expects: a layer per store path, a config change re-ships
                        // the top layer only (buildImage puts the whole closure in one), and a
                        // tarball in the store, loaded as buildImage's is.
                        .orElse(NixFunction.BUILD_LAYERED_IMAGE);
        NixpkgsPin pin =
                nix.nixpkgs().isPresent() && nix.sha256().isPresent()
                        ? new NixpkgsPin(nix.nixpkgs().get().value(), nix.sha256().get().value())
                        : NixpkgsPin.DEFAULT;
        return new NixOptions(
                packageAttr, binary, function, app.init().map(i -> NixOptions.TINI), pin);
    }

    private static String lines(List<String> lines) {
        return String.join("\n", lines) + "\n";
    }
}
