package dev.distrogen.parse;

import dev.distrogen.diagnostic.Diagnostics;
import dev.distrogen.model.App;
import dev.distrogen.model.ConfigDecl;
import dev.distrogen.model.ConfigSource;
import dev.distrogen.model.DirDecl;
import dev.distrogen.model.DockerSettings;
import dev.distrogen.model.EnvVar;
import dev.distrogen.model.HealthDecl;
import dev.distrogen.model.ImageDecl;
import dev.distrogen.model.K8sSettings;
import dev.distrogen.model.Label;
import dev.distrogen.model.Located;
import dev.distrogen.model.NixSettings;
import dev.distrogen.model.PortDecl;
import dev.distrogen.model.ResourcesDecl;
import dev.distrogen.model.SourceLocation;
import dev.distrogen.model.Spec;
import dev.distrogen.model.StatementRef;
import dev.distrogen.model.User;
import dev.distrogen.parse.antlr.DistrogenLexer;
import dev.distrogen.parse.antlr.DistrogenParser.*;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Turns a syntactically valid parse tree into the model: one {@code createXxx} method per rule. The
 * first occurrence of a single-valued statement is kept; every occurrence is recorded as a {@link
 * StatementRef} so the duplicate check can point at the second one.
 */
final class ModelBuilder {

    private final Path baseDir;
    private final Diagnostics diagnostics;
    private final List<StatementRef> statements = new ArrayList<>();
    private int scopeCounter;

    ModelBuilder(Path baseDir, Diagnostics diagnostics) {
        this.baseDir = baseDir;
        this.diagnostics = diagnostics;
    }

    Spec build(SpecContext tree) {
        ImageDecl image = null;
        Located<String> description = null;
        App app = null;
        User user = null;
        DockerSettings docker = null;
        NixSettings nix = null;
        Located<String> sbom = null;
        List<Located<String>> platforms = null;
        HealthDecl health = null;
        ResourcesDecl resources = null;
        K8sSettings k8s = null;
        List<Label> labels = new ArrayList<>();
        List<DirDecl> dirs = new ArrayList<>();
        List<ConfigDecl> configs = new ArrayList<>();
        List<PortDecl> ports = new ArrayList<>();
        for (StatementContext s : tree.statement()) {
            ParserRuleContext stmt = (ParserRuleContext) s.getChild(0);
            note(stmt.getStart(), "spec", 0);
            if (stmt instanceof ImageStmtContext c) {
                image = image != null ? image : createImage(c);
            } else if (stmt instanceof DescriptionStmtContext c) {
                description = description != null ? description : string(c.STRING());
            } else if (stmt instanceof LabelStmtContext c) {
                labels.add(new Label(string(c.STRING(0)), string(c.STRING(1))));
            } else if (stmt instanceof AppStmtContext c) {
                app = app != null ? app : createApp(c);
            } else if (stmt instanceof UserStmtContext c) {
                user = user != null ? user : createUser(c);
            } else if (stmt instanceof DirsStmtContext c) {
                c.dirEntry().forEach(e -> dirs.add(createDir(e)));
            } else if (stmt instanceof DirStmtContext c) {
                dirs.add(createDir(c.dirEntry()));
            } else if (stmt instanceof ConfigStmtContext c) {
                configs.add(createConfig(c));
            } else if (stmt instanceof PortStmtContext c) {
                ports.add(createPort(c));
            } else if (stmt instanceof DockerStmtContext c) {
                docker = docker != null ? docker : createDocker(c);
            } else if (stmt instanceof NixStmtContext c) {
                nix = nix != null ? nix : createNix(c);
            } else if (stmt instanceof SbomStmtContext c) {
                sbom = sbom != null ? sbom : word(c.word());
            } else if (stmt instanceof PlatformsStmtContext c) {
                platforms =
                        platforms != null
                                ? platforms
                                : c.STRING().stream().map(this::string).toList();
            } else if (stmt instanceof HealthStmtContext c) {
                health = health != null ? health : createHealth(c);
            } else if (stmt instanceof ResourcesStmtContext c) {
                resources = resources != null ? resources : createResources(c);
            } else if (stmt instanceof K8sStmtContext c) {
                k8s = k8s != null ? k8s : createK8s(c);
            }
        }
        return new Spec(
                baseDir,
                Optional.ofNullable(image),
                Optional.ofNullable(description),
                labels,
                Optional.ofNullable(app),
                Optional.ofNullable(user),
                dirs,
                configs,
                ports,
                docker != null ? docker : DockerSettings.NONE,
                nix != null ? nix : NixSettings.NONE,
                Optional.ofNullable(sbom),
                platforms != null ? platforms : List.of(),
                Optional.ofNullable(health),
                resources != null ? resources : ResourcesDecl.NONE,
                k8s != null ? k8s : K8sSettings.NONE,
                statements);
    }

    private ImageDecl createImage(ImageStmtContext c) {
        int scope = ++scopeCounter;
        if (c.TAG() != null) {
            note(c.TAG().getSymbol(), "image", scope);
        }
        if (c.DIGEST() != null) {
            note(c.DIGEST().getSymbol(), "image", scope);
        }
        int next = 1;
        Optional<Located<String>> tag =
                c.TAG() == null ? Optional.empty() : Optional.of(string(c.STRING(next++)));
        Optional<Located<String>> digest =
                c.DIGEST() == null ? Optional.empty() : Optional.of(string(c.STRING(next)));
        return new ImageDecl(string(c.STRING(0)), tag, digest, at(c.getStart()));
    }

    private App createApp(AppStmtContext c) {
        int scope = ++scopeCounter;
        Located<String> binary = null;
        Located<String> stop = null;
        Located<String> workdir = null;
        Located<String> init = null;
        List<Located<String>> smoke = null;
        List<Located<String>> args = null;
        List<Located<String>> libs = new ArrayList<>();
        List<Located<String>> files = new ArrayList<>();
        List<EnvVar> env = new ArrayList<>();
        for (AppSettingContext setting : c.appSetting()) {
            note(setting.getStart(), "app", scope);
            if (setting instanceof BinarySettingContext s) {
                binary = binary != null ? binary : string(s.STRING());
            } else if (setting instanceof ArgsSettingContext s) {
                args = args != null ? args : strings(s.STRING());
            } else if (setting instanceof LibsSettingContext s) {
                libs.addAll(strings(s.STRING()));
            } else if (setting instanceof FilesSettingContext s) {
                files.addAll(strings(s.STRING()));
            } else if (setting instanceof EnvSettingContext s) {
                env.add(
                        new EnvVar(
                                Located.of(s.word().getText(), at(s.word().getStart())),
                                string(s.STRING())));
            } else if (setting instanceof StopSettingContext s) {
                stop = stop != null ? stop : string(s.STRING());
            } else if (setting instanceof WorkdirSettingContext s) {
                workdir = workdir != null ? workdir : string(s.STRING());
            } else if (setting instanceof InitSettingContext s) {
                init = init != null ? init : string(s.STRING());
            } else if (setting instanceof SmokeSettingContext s) {
                smoke = smoke != null ? smoke : strings(s.STRING());
            }
        }
        return new App(
                string(c.STRING()),
                Optional.ofNullable(binary),
                args != null ? args : List.of(),
                libs,
                files,
                env,
                Optional.ofNullable(stop),
                Optional.ofNullable(workdir),
                Optional.ofNullable(init),
                Optional.ofNullable(smoke),
                at(c.getStart()));
    }

    private User createUser(UserStmtContext c) {
        int scope = ++scopeCounter;
        Located<String> uid = null;
        Located<String> gid = null;
        Located<String> group = null;
        Located<String> home = null;
        Located<String> shell = null;
        for (UserOptionContext option : c.userOption()) {
            note(option.getStart(), "user", scope);
            if (option instanceof UidOptionContext o) {
                uid = uid != null ? uid : number(o.NUMBER());
            } else if (option instanceof GidOptionContext o) {
                gid = gid != null ? gid : number(o.NUMBER());
            } else if (option instanceof GroupOptionContext o) {
                group = group != null ? group : string(o.STRING());
            } else if (option instanceof HomeOptionContext o) {
                home = home != null ? home : string(o.STRING());
            } else if (option instanceof ShellOptionContext o) {
                shell = shell != null ? shell : string(o.STRING());
            }
        }
        return new User(
                string(c.STRING()),
                Optional.ofNullable(uid),
                Optional.ofNullable(gid),
                Optional.ofNullable(group),
                Optional.ofNullable(home),
                Optional.ofNullable(shell),
                at(c.getStart()));
    }

    private DirDecl createDir(DirEntryContext c) {
        List<FileOptionContext> fileOptions = new ArrayList<>();
        int scope = ++scopeCounter;
        SourceLocation persistent = null;
        Located<String> size = null;
        for (DirOptionContext option : c.dirOption()) {
            if (option.fileOption() != null) {
                fileOptions.add(option.fileOption());
            } else if (option.SIZE() != null) {
                note(option.getStart(), "dir", scope);
                size = size != null ? size : string(option.STRING());
            } else {
                note(option.getStart(), "dir", scope);
                persistent = persistent != null ? persistent : at(option.PERSISTENT().getSymbol());
            }
        }
        FileOptions options = fileOptions(fileOptions, "dir", scope);
        return new DirDecl(
                string(c.STRING()),
                options.owner(),
                options.mode(),
                Optional.ofNullable(persistent),
                Optional.ofNullable(size),
                at(c.getStart()));
    }

    private ConfigDecl createConfig(ConfigStmtContext c) {
        FileOptions options = fileOptions(c.fileOption(), "config");
        ConfigSource source;
        if (c.configSource() instanceof FromSourceContext from) {
            source = new ConfigSource.FromFile(string(from.STRING()));
        } else {
            TextSourceContext text = (TextSourceContext) c.configSource();
            source =
                    new ConfigSource.Inline(
                            text.TEXT_BLOCK() != null
                                    ? textBlock(text.TEXT_BLOCK())
                                    : string(text.STRING()));
        }
        return new ConfigDecl(
                string(c.STRING()), source, options.owner(), options.mode(), at(c.getStart()));
    }

    private record FileOptions(Optional<Located<String>> owner, Optional<Located<String>> mode) {}

    private FileOptions fileOptions(List<FileOptionContext> options, String scopeName) {
        return fileOptions(options, scopeName, ++scopeCounter);
    }

    private FileOptions fileOptions(List<FileOptionContext> options, String scopeName, int scope) {
        Located<String> owner = null;
        Located<String> mode = null;
        for (FileOptionContext option : options) {
            note(option.getStart(), scopeName, scope);
            if (option instanceof OwnerOptionContext o) {
                owner = owner != null ? owner : string(o.STRING());
            } else if (option instanceof ModeOptionContext o) {
                mode = mode != null ? mode : number(o.NUMBER());
            }
        }
        return new FileOptions(Optional.ofNullable(owner), Optional.ofNullable(mode));
    }

    private PortDecl createPort(PortStmtContext c) {
        Optional<Located<String>> protocol =
                c.word() == null
                        ? Optional.empty()
                        : Optional.of(Located.of(c.word().getText(), at(c.word().getStart())));
        return new PortDecl(number(c.NUMBER()), protocol, at(c.getStart()));
    }

    private DockerSettings createDocker(DockerStmtContext c) {
        int scope = ++scopeCounter;
        Located<String> from = null;
        Located<String> baseWord = null;
        Located<String> baseImage = null;
        Located<String> builder = null;
        List<Located<String>> packages = new ArrayList<>();
        Located<String> probe = null;
        for (DockerSettingContext setting : c.dockerSetting()) {
            note(setting.getStart(), "docker", scope);
            if (setting instanceof DockerFromSettingContext s) {
                from = from != null ? from : string(s.STRING());
            } else if (setting instanceof DockerBaseSettingContext s
                    && baseWord == null
                    && baseImage == null) {
                baseWord = s.word() == null ? null : word(s.word());
                baseImage = s.STRING() == null ? null : string(s.STRING());
            } else if (setting instanceof DockerBuilderSettingContext s) {
                builder = builder != null ? builder : word(s.word());
            } else if (setting instanceof DockerPackagesSettingContext s) {
                packages.addAll(strings(s.STRING()));
            } else if (setting instanceof DockerProbeSettingContext s) {
                probe = probe != null ? probe : word(s.word());
            }
        }
        return new DockerSettings(
                Optional.ofNullable(from),
                Optional.ofNullable(baseWord),
                Optional.ofNullable(baseImage),
                Optional.ofNullable(builder),
                packages,
                Optional.ofNullable(probe),
                at(c.getStart()));
    }

    private NixSettings createNix(NixStmtContext c) {
        int scope = ++scopeCounter;
        Located<String> packageAttr = null;
        Located<String> binary = null;
        Located<String> function = null;
        Located<String> nixpkgs = null;
        Located<String> sha256 = null;
        List<Located<String>> without = new ArrayList<>();
        for (NixSettingContext setting : c.nixSetting()) {
            note(setting.getStart(), "nix", scope);
            if (setting instanceof NixPackageSettingContext s) {
                packageAttr = packageAttr != null ? packageAttr : string(s.STRING());
            } else if (setting instanceof NixBinarySettingContext s) {
                binary = binary != null ? binary : string(s.STRING());
            } else if (setting instanceof NixFunctionSettingContext s) {
                function = function != null ? function : word(s.word());
            } else if (setting instanceof NixpkgsSettingContext s) {
                nixpkgs = nixpkgs != null ? nixpkgs : string(s.STRING());
            } else if (setting instanceof NixSha256SettingContext s) {
                sha256 = sha256 != null ? sha256 : string(s.STRING());
            } else if (setting instanceof NixWithoutSettingContext s) {
                without.addAll(strings(s.STRING()));
            }
        }
        return new NixSettings(
                Optional.ofNullable(packageAttr),
                Optional.ofNullable(binary),
                Optional.ofNullable(function),
                Optional.ofNullable(nixpkgs),
                Optional.ofNullable(sha256),
                without,
                at(c.getStart()));
    }

    private HealthDecl createHealth(HealthStmtContext c) {
        if (c.healthCheck() instanceof HttpHealthContext h) {
            return new HealthDecl(
                    HealthDecl.Kind.HTTP,
                    Optional.of(string(h.STRING())),
                    Optional.of(number(h.NUMBER())),
                    at(c.getStart()));
        }
        if (c.healthCheck() instanceof TcpHealthContext t) {
            return new HealthDecl(
                    HealthDecl.Kind.TCP,
                    Optional.empty(),
                    Optional.of(number(t.NUMBER())),
                    at(c.getStart()));
        }
        return new HealthDecl(
                HealthDecl.Kind.NONE, Optional.empty(), Optional.empty(), at(c.getStart()));
    }

    private ResourcesDecl createResources(ResourcesStmtContext c) {
        int scope = ++scopeCounter;
        Map<String, Located<String>> values = new HashMap<>();
        for (ResourceSettingContext setting : c.resourceSetting()) {
            boolean limit = setting.getStart().getType() == DistrogenLexer.LIMIT;
            String name =
                    (limit ? "limit " : "")
                            + (setting instanceof CpuSettingContext ? "cpu" : "memory");
            TerminalNode value =
                    setting instanceof CpuSettingContext s
                            ? s.STRING()
                            : ((MemorySettingContext) setting).STRING();
            statements.add(new StatementRef(name, "resources", scope, at(setting.getStart())));
            values.putIfAbsent(name, string(value));
        }
        return new ResourcesDecl(
                Optional.ofNullable(values.get("cpu")),
                Optional.ofNullable(values.get("memory")),
                Optional.ofNullable(values.get("limit cpu")),
                Optional.ofNullable(values.get("limit memory")),
                at(c.getStart()));
    }

    private K8sSettings createK8s(K8sStmtContext c) {
        int scope = ++scopeCounter;
        Located<String> replicas = null;
        Located<String> namespace = null;
        Located<String> pullPolicy = null;
        for (K8sSettingContext setting : c.k8sSetting()) {
            note(setting.getStart(), "k8s", scope);
            if (setting instanceof ReplicasSettingContext s) {
                replicas = replicas != null ? replicas : number(s.NUMBER());
            } else if (setting instanceof NamespaceSettingContext s) {
                namespace = namespace != null ? namespace : string(s.STRING());
            } else if (setting instanceof PullPolicySettingContext s) {
                pullPolicy = pullPolicy != null ? pullPolicy : word(s.word());
            }
        }
        return new K8sSettings(
                Optional.ofNullable(replicas),
                Optional.ofNullable(namespace),
                Optional.ofNullable(pullPolicy),
                at(c.getStart()));
    }

    private void note(Token keyword, String scope, int scopeIndex) {
        statements.add(new StatementRef(keyword.getText(), scope, scopeIndex, at(keyword)));
    }

    private Located<String> string(TerminalNode node) {
        SourceLocation at = at(node.getSymbol());
        return Located.of(StringLiterals.unescape(node.getText(), at, diagnostics), at);
    }

    private List<Located<String>> strings(List<TerminalNode> nodes) {
        return nodes.stream().map(this::string).toList();
    }

    private static Located<String> textBlock(TerminalNode node) {
        return Located.of(StringLiterals.textBlock(node.getText()), at(node.getSymbol()));
    }

    private static Located<String> number(TerminalNode node) {
        return Located.of(node.getText(), at(node.getSymbol()));
    }

    private static Located<String> word(WordContext word) {
        return Located.of(word.getText(), at(word.getStart()));
    }

    private static SourceLocation at(Token token) {
        return SyntaxErrorListener.at(token);
    }
}
