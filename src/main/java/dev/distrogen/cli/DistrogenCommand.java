package dev.distrogen.cli;

import dev.distrogen.Compiler.Compilation;
import dev.distrogen.backend.Backend;
import dev.distrogen.backend.Backends;
import dev.distrogen.backend.GeneratedFile;
import dev.distrogen.backend.GenerationException;
import dev.distrogen.backend.GenerationRequest;
import dev.distrogen.backend.TemplateFailure;
import dev.distrogen.backend.Templates;
import dev.distrogen.backend.UserTemplateBackend;
import dev.distrogen.diagnostic.FileNameEncoding;
import dev.distrogen.diagnostic.Suggestions;
import dev.distrogen.lock.LockException;
import dev.distrogen.lock.LockFile;
import dev.distrogen.model.DisplayText;
import dev.distrogen.model.DockerBase;
import dev.distrogen.model.ImageReference;
import dev.distrogen.model.Overrides;
import dev.distrogen.output.OutputException;
import dev.distrogen.output.OutputWriter;
import dev.distrogen.plan.ImagePlan;
import dev.distrogen.plan.PlanBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParameterException;

/** {@code distrogen SPEC --target T [-o DIR]}: the main call. */
final class DistrogenCommand implements Callable<Integer> {

    private final FileSystem fileSystem;
    private final InputStream in;
    private final CommandSpec command;

    // Optional for the parser, so that `distrogen check ...` does not demand it; required in
    // call().
    private final PositionalParamSpec specArgument =
            PositionalParamSpec.builder()
                    .index("0")
                    .arity("0..1")
                    .paramLabel("SPEC")
                    .type(String.class)
                    .description(
                            "the spec file (.dl); - reads it from standard input "
                                    + "(its from files then resolve against the working directory)")
                    .build();
    private final OptionSpec targetOption =
            OptionSpec.builder("-t", "--target")
                    .paramLabel("TARGET")
                    .type(String.class)
                    .defaultValue("plan")
                    .completionCandidates(() -> Backends.names().iterator())
                    .description(
                            "what to generate: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
                    .build();
    private final OptionSpec outputOption =
            CommandSpecs.option(
                    "DIR",
                    "write the target's files into DIR (created if missing) instead of printing the main one",
                    "-o",
                    "--output");
    private final OptionSpec forceOption =
            CommandSpecs.flag(
                    "with -o: replace files distrogen did not write, or that were edited since",
                    "--force");
    private final OptionSpec fromOption =
            CommandSpecs.option(
                    "IMAGE",
                    "dockerfile: the build stage's image, instead of the spec's docker { from }",
                    "--from");
    private final OptionSpec baseOption =
            OptionSpec.builder("--base")
                    .paramLabel("BASE")
                    .type(String.class)
                    .completionCandidates(DockerBase.words())
                    .description(
                            "dockerfile: the final stage, instead of the spec's docker { base }: ${COMPLETION-CANDIDATES} "
                                    + "or an image reference")
                    .build();
    private final OptionSpec templatesOption =
            CommandSpecs.option(
                    "DIR",
                    "your FreeMarker templates: DIR/TARGET/FILE.ftl replaces a built-in one, DIR/NAME/*.ftl adds "
                            + "a target NAME (docs/command-line.md: Your own templates)",
                    "--templates");
    private final DiagnosticOptions diagnostics;

    DistrogenCommand(FileSystem fileSystem, InputStream in) {
        this.fileSystem = fileSystem;
        this.in = in;
        this.command =
                CommandSpecs.command(
                        this,
                        "distrogen",
                        "Generates minimal container images from one declarative spec of an app: a multi-stage Dockerfile "
                                + "(FROM scratch or distroless) and a Nix dockerTools expression.",
                        "0:success",
                        "1:the spec has errors (with --strict: or warnings), the target cannot be made from it, or a template is broken",
                        "2:bad command-line use, or the spec file cannot be read",
                        "3:the output could not be written, or would replace a file distrogen did not write",
                        "70:internal error (a bug in distrogen: please report it)");
        // --help ends with what to type first, and where the language is described.
        command.usageMessage()
                .footerHeading("%nExamples:%n")
                .footer(
                        "  distrogen check app.dl",
                        "      every problem in app.dl, with its line and column",
                        "  distrogen app.dl --target dockerfile -o build",
                        "      a Dockerfile and its build context in build/",
                        "%nThe spec language: man 5 distrogen.dl, or docs/language.md.");
        command.addPositional(specArgument)
                .addOption(targetOption)
                .addOption(outputOption)
                .addOption(forceOption)
                .addOption(fromOption)
                .addOption(baseOption)
                .addOption(templatesOption);
        diagnostics = new DiagnosticOptions(command);
        CommandSpecs.addStandardHelpOptions(command);
    }

    CommandSpec spec() {
        return command;
    }

    @Override
    public Integer call() {
        String spec = specArgument.getValue();
        if (spec == null && command.commandLine().getParseResult().originalArgs().isEmpty()) {
            // Bare `distrogen`: what to type, not what is missing.
            command.commandLine().usage(command.commandLine().getErr());
            return ExitCodes.USAGE;
        }
        if (spec == null) {
            throw new ParameterException(
                    command.commandLine(), "Missing required parameter: 'SPEC'");
        }
        // Every command-line mistake is reported before the spec is read.
        Templates templates = templates();
        Backend backend = backend(templates);
        String outputDir = output(); // refuses -o '' before the spec is read
        if (backend.requiresDirectory() && outputDir == null) {
            throw new ParameterException(
                    command.commandLine(),
                    "--target " + backend.name() + " writes a repository skeleton: add -o DIR");
        }
        Overrides overrides = overrides(backend);
        String specName =
                spec.equals("-")
                        ? "standard input"
                        : String.valueOf(path(spec, "SPEC").getFileName());
        PrintWriter err = command.commandLine().getErr();
        Optional<Compilation> compiled =
                diagnostics.reporter(err).compile(fileSystem, in, spec, overrides);
        if (compiled.isEmpty()) {
            return ExitCodes.USAGE;
        }
        Compilation compilation = compiled.get();
        if (SpecReporter.failed(compilation, diagnostics.strict())
                || compilation.plan().isEmpty()) {
            return ExitCodes.SPEC_ERRORS;
        }
        ImagePlan plan = compilation.plan().get();
        if (!spec.equals("-")) {
            Path lockPath = path(spec, "SPEC").resolveSibling(LockFile.nameFor(specName));
            try {
                Optional<LockFile> lock = Locks.read(lockPath);
                if (lock.isPresent()) {
                    // The plan is built from the spec and the overrides: the lock's pins are
                    // overrides too.
                    plan =
                            Locks.pinPackages(
                                    lock.get(),
                                    PlanBuilder.build(
                                            compilation.spec().orElseThrow(),
                                            Locks.pinned(lock.get(), plan, overrides)));
                }
            } catch (LockException e) {
                err.println("distrogen: " + e.getMessage());
                return ExitCodes.SPEC_ERRORS;
            }
        }
        GenerationRequest request =
                new GenerationRequest(
                        plan,
                        specName,
                        outputDir != null,
                        templates,
                        Optional.of(compilation.source().text()));
        try {
            return emit(backend.generate(request));
        } catch (TemplateFailure e) {
            err.println("distrogen: " + e.getMessage());
            return ExitCodes.SPEC_ERRORS;
        } catch (GenerationException e) {
            err.println(
                    "distrogen: "
                            + DisplayText.line(
                                    compilation.source().displayName() + ": " + e.getMessage()));
            return ExitCodes.SPEC_ERRORS;
        }
    }

    /** The main file to standard output, or every file into the output directory. */
    private int emit(List<GeneratedFile> files) {
        PrintWriter err = command.commandLine().getErr();
        String output = output();
        if (output == null) {
            PrintWriter out = command.commandLine().getOut();
            out.print(files.get(0).text());
            out.flush();
            return ExitCodes.OK;
        }
        Path dir = path(output, "DIR");
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            err.println(
                    "distrogen: cannot write into "
                            + output
                            + ": it is a file; -o names a directory (created if missing)");
            return ExitCodes.OUTPUT;
        }
        try {
            String target = target();
            OutputWriter.Result result =
                    new OutputWriter(forceOption.<Boolean>getValue(), OutputMessages.warnings(err))
                            .write(dir, target, files);
            result.removed()
                    .forEach(
                            f ->
                                    err.println(
                                            "distrogen: removed "
                                                    + f
                                                    + ", which "
                                                    + target
                                                    + " no longer generates"));
            err.println(
                    "distrogen: "
                            + target
                            + ": "
                            + files.size()
                            + (files.size() == 1 ? " file" : " files")
                            + " in "
                            + output
                            + ", "
                            + result.changed().size()
                            + " changed");
            return ExitCodes.OK;
        } catch (OutputException e) {
            return OutputMessages.refused(err, e);
        }
    }

    private Templates templates() {
        String templatesDir = templatesOption.getValue();
        if (templatesDir == null) {
            return Templates.BUILT_IN;
        }
        Path dir = path(templatesDir, "--templates");
        if (!Files.isDirectory(dir)) {
            throw new ParameterException(
                    command.commandLine(), "--templates '" + templatesDir + "' is not a directory");
        }
        return Templates.withUserDirectory(dir);
    }

    private String target() {
        return targetOption.getValue();
    }

    /** -o DIR, or null: print the main file. */
    private String output() {
        return CommandSpecs.outputDirectory(command, outputOption);
    }

    /** A built-in target, or one the user's templates add. */
    private Backend backend(Templates templates) {
        String target = target();
        List<String> names = new ArrayList<>(Backends.names());
        try {
            List<String> userTargets = templates.userTargets(Backends.names());
            Optional<Backend> builtIn =
                    Backends.byName(
                            target,
                            userTargets.stream().<Backend>map(UserTemplateBackend::new).toList());
            if (builtIn.isPresent()) {
                return builtIn.get();
            }
            if (userTargets.contains(target)) {
                return new UserTemplateBackend(target);
            }
            names.addAll(userTargets);
        } catch (IOException e) {
            throw new ParameterException(
                    command.commandLine(), "cannot read --templates: " + e.getMessage());
        }
        throw unknownTarget(command.commandLine(), target, names);
    }

    /** Bad command-line use: a target none of {@code names} is, with the closest and the list. */
    static ParameterException unknownTarget(
            picocli.CommandLine commandLine, String target, List<String> names) {
        return new ParameterException(
                commandLine,
                "unknown target '"
                        + DisplayText.line(target)
                        + "'"
                        + Suggestions.didYouMean(target, names)
                        + "\n"
                        + targetList(names));
    }

    /** "The targets are:", then one line for each: its name and what it makes. */
    private static String targetList(List<String> names) {
        int width = names.stream().mapToInt(String::length).max().orElse(0) + 2;
        StringBuilder list = new StringBuilder("The targets are:");
        for (String name : names) {
            String description =
                    Backends.byName(name)
                            .orElseGet(() -> new UserTemplateBackend(name))
                            .description();
            list.append("\n  ")
                    .append(name)
                    .append(" ".repeat(width - name.length()))
                    .append(description);
        }
        return list.toString();
    }

    /**
     * --from and --base as given: the plan resolves them (a --base keyword to its image) as it does
     * the spec's.
     */
    private Overrides overrides(Backend backend) {
        return new Overrides(
                image(fromOption.getValue(), "--from"),
                image(baseOption.getValue(), "--base"),
                backend.needsBuildStage());
    }

    private Optional<String> image(String reference, String option) {
        // --base takes the spec's keywords too.
        boolean keyword =
                option.equals("--base")
                        && reference != null
                        && DockerBase.ofWord(reference).isPresent();
        if (reference != null && !keyword && !ImageReference.isReference(reference)) {
            throw new ParameterException(
                    command.commandLine(),
                    option
                            + " '"
                            + reference
                            + "' is not an image reference (write it as docker pull takes it)");
        }
        return Optional.ofNullable(reference);
    }

    private Path path(String value, String label) {
        try {
            return fileSystem.getPath(value);
        } catch (InvalidPathException e) {
            throw new ParameterException(
                    command.commandLine(),
                    label + " '" + value + "' is not a valid path" + FileNameEncoding.hint());
        }
    }
}
