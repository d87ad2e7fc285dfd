package dev.distrogen.cli;

import dev.distrogen.Compiler.Compilation;
import dev.distrogen.lock.LockException;
import dev.distrogen.lock.LockFile;
import dev.distrogen.lock.LockedImages;
import dev.distrogen.lock.RegistryDigests;
import dev.distrogen.plan.DockerOptions;
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
 * Dockerfile pulls and writes them to SPEC's lock beside it, which later runs read; with {@code
 * --check}, writes nothing and exits 1 when the lock is missing or stale.
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
                    "write nothing; exit 1 when the lock is missing or a registry now gives another digest (for CI)",
                    "--check");
    private final DiagnosticOptions diagnostics;

    LockCommand(FileSystem fileSystem, InputStream in) {
        this.fileSystem = fileSystem;
        this.in = in;
        this.command =
                CommandSpecs.command(
                        this,
                        NAME,
                        "Pins every image the spec's Dockerfile pulls to the digest its registry gives now, in a lock file "
                                + "beside the spec that later runs read (FROM REF@sha256:...).",
                        "0:the lock was written (with --check: it is current)",
                        "1:the spec has errors, a registry could not be asked (unreachable, refused the credentials), or with "
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
            Map<String, String> digests = new TreeMap<>();
            for (String reference :
                    LockedImages.of(compiled.get().plan().get(), DockerOptions.NIX_IMAGE)) {
                digests.put(
                        reference,
                        registries.digestOf(reference, compiled.get().plan().get().platforms()));
            }
            LockFile fresh = new LockFile(digests);
            if (checkOption.<Boolean>getValue()) {
                return check(lockPath, fresh, out, err);
            }
            write(lockPath, fresh.text(String.valueOf(specPath.getFileName())));
            digests.forEach((reference, digest) -> out.println(reference + " " + digest));
            err.println(
                    "distrogen: lock: "
                            + digests.size()
                            + (digests.size() == 1 ? " image" : " images")
                            + " pinned in "
                            + lockPath);
            return ExitCodes.OK;
        } catch (LockException e) {
            err.println("distrogen: lock: " + e.getMessage());
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
        Map<String, String> was = current.get().images();
        Map<String, String> now = fresh.images();
        TreeSet<String> references = new TreeSet<>(was.keySet());
        references.addAll(now.keySet());
        int stale = 0;
        for (String reference : references) {
            if (!now.containsKey(reference)) {
                err.println(
                        "distrogen: lock: "
                                + reference
                                + " is locked but the spec no longer uses it");
            } else if (!was.containsKey(reference)) {
                err.println(
                        "distrogen: lock: " + reference + " is used by the spec but not locked");
            } else if (!was.get(reference).equals(now.get(reference))) {
                err.println(
                        "distrogen: lock: "
                                + reference
                                + " is locked at "
                                + was.get(reference)
                                + " but its registry now gives "
                                + now.get(reference));
            } else {
                continue;
            }
            stale++;
        }
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
