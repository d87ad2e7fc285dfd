package dev.distrogen.cli;

import dev.distrogen.Compiler.Compilation;
import dev.distrogen.lock.ImageFiles;
import dev.distrogen.lock.IndexDownloads;
import dev.distrogen.lock.LockException;
import dev.distrogen.lock.LockFile;
import dev.distrogen.lock.LockedImages;
import dev.distrogen.lock.PackageVersions;
import dev.distrogen.lock.RegistryDigests;
import dev.distrogen.model.DisplayText;
import dev.distrogen.plan.DockerOptions;
import dev.distrogen.plan.ImagePlan;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParameterException;

/**
 * {@code distrogen lock SPEC}: asks each registry for the digest of every image the spec's
 * Dockerfile pulls, and the build stage's own package indexes for the version of each package it
 * installs, and writes them to SPEC's lock beside it, which later runs read; with {@code --check},
 * writes nothing and exits 1 when the lock is missing or stale.
 */
final class LockCommand implements Callable<Integer> {

    static final String NAME = "lock";

    private final FileSystem fileSystem;
    private final InputStream in;
    private final CommandSpec command;
    private final PositionalParamSpec specArgument =
            PositionalParamSpec.builder()
                    .index("0")
                    .arity("1")
                    .paramLabel("SPEC")
                    .type(String.class)
                    .description(
                            "the spec file (.dl); its lock is written beside it (nginx.dl: nginx.lock)")
                    .build();
    private final OptionSpec checkOption =
            CommandSpecs.flag(
                    "write nothing; exit 1 when the lock is missing or a registry now gives another digest, or the build "
                            + "stage's package indexes another version (for CI)",
                    "--check");
    private final DiagnosticOptions diagnostics;

    LockCommand(FileSystem fileSystem, InputStream in) {
        this.fileSystem = fileSystem;
        this.in = in;
        this.command =
                CommandSpecs.command(
                        this,
                        NAME,
                        "Pins every image the spec's Dockerfile pulls to the digest its registry gives now, and every package "
                                + "to the version the build stage would install, in a lock file beside the spec that later "
                                + "runs read (FROM REF@sha256:..., NAME=VERSION).",
                        "0:the lock was written (with --check: it is current)",
                        "1:the spec has errors, a registry or package index could not be asked (unreachable, refused the "
                                + "credentials), a package is in none of the build stage's indexes, or with "
                                + "--check the lock is missing or stale",
                        "2:bad command-line use, or the spec file cannot be read",
                        "3:the lock could not be written",
                        "70:internal error (a bug in distrogen: please report it)");
        command.addPositional(specArgument).addOption(checkOption);
        diagnostics = new DiagnosticOptions(command);
        CommandSpecs.addStandardHelpOptions(command);
    }

    CommandSpec spec() {
        return command;
    }

    @Override
    public Integer call() {
        String spec = specArgument.getValue();
        if (spec.equals("-")) {
            throw new ParameterException(
                    command.commandLine(),
                    "lock needs a spec file, beside which its lock is written");
        }
        PrintWriter out = command.commandLine().getOut();
        PrintWriter err = command.commandLine().getErr();
        Optional<Compilation> compiled = diagnostics.reporter(err).compile(fileSystem, in, spec);
        if (compiled.isEmpty()) {
            return ExitCodes.USAGE;
        }
        if (SpecReporter.failed(compiled.get(), diagnostics.strict())
                || compiled.get().plan().isEmpty()) {
            return ExitCodes.SPEC_ERRORS;
        }
        Path specPath = fileSystem.getPath(spec);
        Path lockPath =
                specPath.resolveSibling(LockFile.nameFor(String.valueOf(specPath.getFileName())));
        try {
            RegistryDigests registries = new RegistryDigests(RegistryDigests.userDockerConfig());
            ImagePlan plan = compiled.get().plan().get();
            Map<String, String> digests = new TreeMap<>();
            for (String reference : LockedImages.of(plan, DockerOptions.NIX_IMAGE)) {
                digests.put(reference, registries.digestOf(reference, plan.platforms()));
            }
            LockFile fresh =
                    new LockFile(digests, packageVersions(plan, new LockFile(digests), registries));
            if (checkOption.<Boolean>getValue()) {
                return check(lockPath, fresh, out, err);
            }
            write(lockPath, fresh.text(String.valueOf(specPath.getFileName())));
            digests.forEach((reference, digest) -> out.println(reference + " " + digest));
            fresh.packages().forEach((name, version) -> out.println(name + "=" + version));
            err.println(
                    "distrogen: lock: "
                            + digests.size()
                            + (digests.size() == 1 ? " image" : " images")
                            + (fresh.packages().isEmpty()
                                    ? ""
                                    : " and "
                                            + fresh.packages().size()
                                            + (fresh.packages().size() == 1
                                                    ? " package"
                                                    : " packages"))
                            + " pinned in "
                            + lockPath);
            return ExitCodes.OK;
        } catch (LockException e) {
            // The message may quote what an image or index holds: shown, never interpreted.
            err.println("distrogen: lock: " + DisplayText.line(e.getMessage()));
            return ExitCodes.SPEC_ERRORS;
        } catch (IOException e) {
            err.println("distrogen: lock: cannot write " + lockPath + ": " + e.getMessage());
            return ExitCodes.OUTPUT;
        } finally {
            out.flush();
            err.flush();
        }
    }

    /**
     * The version the build stage would install of each package the spec names without one, read
     * from the stage image's own package indexes; the stage is read at the digest just locked.
     */
    private static Map<String, String> packageVersions(
            ImagePlan plan, LockFile images, RegistryDigests registries) throws LockException {
        TreeSet<String> names = new TreeSet<>();
        plan.docker().packages().stream().filter(p -> !p.contains("=")).forEach(names::add);
        Optional<String> stage = LockedImages.buildStage(plan, DockerOptions.NIX_IMAGE);
        if (names.isEmpty() || stage.isEmpty()) {
            return Map.of();
        }
        String pinned = images.pin(stage.get());
        ImageFiles files =
                ImageFiles.read(
                        registries,
                        pinned,
                        ImageFiles.hostArchitecture(),
                        ImageFiles.PACKAGE_SOURCES);
        return new PackageVersions(IndexDownloads.http()).resolve(stage.get(), files, names);
    }

    /**
     * Every difference between the lock on disk and what the registries say now; 1 if there is one.
     */
    private static int check(Path lockPath, LockFile fresh, PrintWriter out, PrintWriter err)
            throws LockException {
        Optional<LockFile> current = Locks.read(lockPath);
        if (current.isEmpty()) {
            err.println(
                    "distrogen: lock: "
                            + lockPath
                            + " does not exist: run distrogen lock on the spec");
            return ExitCodes.SPEC_ERRORS;
        }
        int stale =
                differences(
                                current.get().images(),
                                fresh.images(),
                                "",
                                "its registry now gives",
                                err)
                        + differences(
                                current.get().packages(),
                                fresh.packages(),
                                "the package ",
                                "the build stage's package indexes now give",
                                err);
        if (stale > 0) {
            err.println(
                    "distrogen: lock: "
                            + lockPath
                            + " is stale: run distrogen lock on the spec to renew it");
            return ExitCodes.SPEC_ERRORS;
        }
        out.println(lockPath + ": current");
        return ExitCodes.OK;
    }

    /** Each key locked but unused, used but unlocked, or locked at another value; how many. */
    private static int differences(
            Map<String, String> was,
            Map<String, String> now,
            String kind,
            String source,
            PrintWriter err) {
        TreeSet<String> keys = new TreeSet<>(was.keySet());
        keys.addAll(now.keySet());
        int stale = 0;
        for (String key : keys) {
            if (!now.containsKey(key)) {
                err.println(
                        "distrogen: lock: "
                                + kind
                                + key
                                + " is locked but the spec no longer uses it");
            } else if (!was.containsKey(key)) {
                err.println(
                        "distrogen: lock: " + kind + key + " is used by the spec but not locked");
            } else if (!was.get(key).equals(now.get(key))) {
                err.println(
                        "distrogen: lock: "
                                + kind
                                + key
                                + " is locked at "
                                + was.get(key)
                                + " but "
                                + source
                                + " "
                                + now.get(key));
            } else {
                continue;
            }
            stale++;
        }
        return stale;
    }

    /** Whole or not at all: the lock is written beside itself, then moved over the old one. */
    private static void write(Path lockPath, String text) throws IOException {
        Path temporary = lockPath.resolveSibling(lockPath.getFileName() + ".tmp");
        Files.writeString(temporary, text, StandardCharsets.UTF_8);
        Files.move(
                temporary,
                lockPath,
                StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }
}
