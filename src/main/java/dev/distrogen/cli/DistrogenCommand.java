package dev.distrogen.cli;

import dev.distrogen.Compiler.Compilation;
import dev.distrogen.diagnostic.FileNameEncoding;
import dev.distrogen.backend.Backend;
import dev.distrogen.backend.Backends;
import dev.distrogen.backend.GeneratedFile;
import dev.distrogen.backend.GenerationException;
import dev.distrogen.backend.GenerationRequest;
import dev.distrogen.backend.Overrides;
import dev.distrogen.backend.TemplateFailure;
import dev.distrogen.backend.Templates;
import dev.distrogen.backend.UserTemplateBackend;
import dev.distrogen.model.DockerBase;
import dev.distrogen.model.ImageReference;
import dev.distrogen.diagnostic.Suggestions;
import dev.distrogen.output.OutputException;
import dev.distrogen.output.OutputWriter;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.IOException;
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

    // Optional for the parser, so that `distrogen check ...` does not demand it; required in call().
    private final PositionalParamSpec specArgument = PositionalParamSpec.builder().index("0").arity("0..1").paramLabel("SPEC")
            .type(String.class).description("the spec file (.dl); - reads it from standard input "
                    + "(its from files then resolve against the working directory)").build();
    private final OptionSpec targetOption = OptionSpec.builder("-t", "--target").paramLabel("TARGET").type(String.class)
            .defaultValue("plan").completionCandidates(() -> Backends.names().iterator())
            .description("what to generate: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})").build();
    private final OptionSpec outputOption = CommandSpecs.option("DIR",
            "write the target's files into DIR (created if missing) instead of printing the main one", "-o", "--output");
    private final OptionSpec forceOption = CommandSpecs.flag(
            "with -o: replace files distrogen did not write, or that were edited since", "--force");
    private final OptionSpec fromOption = CommandSpecs.option("IMAGE",
            "dockerfile: the build stage's image, instead of the spec's docker { from }", "--from");
    private final OptionSpec baseOption = CommandSpecs.option("BASE",
            "dockerfile: the final stage, instead of the spec's docker { base }: scratch, distroless-static, "
                    + "distroless-base, distroless-cc or an image reference", "--base");
    private final OptionSpec templatesOption = CommandSpecs.option("DIR",
            "your FreeMarker templates: DIR/TARGET/FILE.ftl replaces a built-in one, DIR/NAME/*.ftl adds "
                    + "a target NAME (docs/command-line.md: Your own templates)", "--templates");
    private final DiagnosticOptions diagnostics;

    DistrogenCommand(FileSystem fileSystem, InputStream in) {
        this.fileSystem = fileSystem;
        this.in = in;
        this.command = CommandSpecs.command(this, "distrogen",
                "Generates minimal container images from one declarative spec of an app: a multi-stage Dockerfile "
                        + "(FROM scratch or distroless) and a Nix dockerTools expression.",
                "0:success",
                "1:the spec has errors (with --strict: or warnings), the target cannot be made from it, or a template is broken",
                "2:bad command-line use, or the spec file cannot be read",
                "3:the output could not be written, or would replace a file distrogen did not write",
                "70:internal error (a bug in distrogen: please report it)");
        command.addPositional(specArgument).addOption(targetOption).addOption(outputOption).addOption(forceOption)
                .addOption(fromOption).addOption(baseOption).addOption(templatesOption);
        diagnostics = new DiagnosticOptions(command);
        CommandSpecs.addStandardHelpOptions(command);
    }

    CommandSpec spec() {
        return command;
    }

    @Override
    public Integer call() {
        String spec = specArgument.getValue();
        if (spec == null) {
            throw new ParameterException(command.commandLine(), "Missing required parameter: 'SPEC'");
        }
        // Every command-line mistake is reported before the spec is read.
        Templates templates = templates();
        Backend backend = backend(templates);
        if (backend.requiresDirectory() && output() == null) {
            throw new ParameterException(command.commandLine(), "--target " + backend.name()
                    + " writes a repository skeleton: add -o DIR");
        }
        Overrides overrides = overrides();
        String specName = spec.equals("-") ? "standard input" : String.valueOf(path(spec, "SPEC").getFileName());
        PrintWriter err = command.commandLine().getErr();
        Optional<Compilation> compiled = diagnostics.reporter(err).compile(fileSystem, in, spec);
        if (compiled.isEmpty()) {
            return ExitCodes.USAGE;
        }
        Compilation compilation = compiled.get();
        if (SpecReporter.failed(compilation, diagnostics.strict()) || compilation.plan().isEmpty()) {
            return ExitCodes.SPEC_ERRORS;
        }
        GenerationRequest request = new GenerationRequest(compilation.plan().get(), specName,
                output() != null, overrides, templates, Optional.of(compilation.source().text()));
        try {
            return emit(backend.generate(request));
        } catch (TemplateFailure e) {
            err.println("distrogen: " + e.getMessage());
            return ExitCodes.SPEC_ERRORS;
        } catch (GenerationException e) {
            err.println("distrogen: " + spec + ": " + e.getMessage());
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
            err.println("distrogen: cannot write into " + output + ": it is a file; -o names a directory (created if missing)");
            return ExitCodes.OUTPUT;
        }
        try {
            String target = target();
            OutputWriter.Result result = new OutputWriter(forceOption.<Boolean>getValue()).write(dir, target, files);
            result.removed().forEach(f -> err.println("distrogen: removed " + f + ", which " + target + " no longer generates"));
            err.println("distrogen: " + target + ": " + files.size() + (files.size() == 1 ? " file" : " files") + " in "
                    + output + ", " + result.changed().size() + " changed");
            return ExitCodes.OK;
        } catch (OutputException e) {
            err.println("distrogen: " + e.getMessage());
            return ExitCodes.OUTPUT;
        }
    }

    private Templates templates() {
        String templatesDir = templatesOption.getValue();
        if (templatesDir == null) {
            return Templates.BUILT_IN;
        }
        Path dir = path(templatesDir, "--templates");
        if (!Files.isDirectory(dir)) {
            throw new ParameterException(command.commandLine(), "--templates '" + templatesDir + "' is not a directory");
        }
        return Templates.withUserDirectory(dir);
    }

    private String target() {
        return targetOption.getValue();
    }

    /** -o DIR, or null: print the main file. */
    private String output() {
        return outputOption.getValue();
    }

    /** A built-in target, or one the user's templates add. */
    private Backend backend(Templates templates) {
        String target = target();
        List<String> names = new ArrayList<>(Backends.names());
        try {
            List<String> userTargets = templates.userTargets(Backends.names());
            Optional<Backend> builtIn = Backends.byName(target,
                    userTargets.stream().<Backend>map(UserTemplateBackend::new).toList());
            if (builtIn.isPresent()) {
                return builtIn.get();
            }
            if (userTargets.contains(target)) {
                return new UserTemplateBackend(target);
            }
            names.addAll(userTargets);
        } catch (IOException e) {
            throw new ParameterException(command.commandLine(), "cannot read --templates: " + e.getMessage());
        }
        throw new ParameterException(command.commandLine(), "unknown target '" + target + "'"
                + Suggestions.didYouMean(target, names) + "; the targets are: " + String.join(", ", names));
    }

    private Overrides overrides() {
        // --base takes the spec's keywords too, for the image each one stands for.
        String baseImage = baseOption.getValue();
        String base = baseImage == null ? null : DockerBase.ofWord(baseImage).map(DockerBase::image).orElse(baseImage);
        return new Overrides(image(fromOption.getValue(), "--from"), image(base, "--base"));
    }

    private Optional<String> image(String reference, String option) {
        if (reference != null && !ImageReference.isReference(reference)) {
            throw new ParameterException(command.commandLine(), option + " '" + reference
                    + "' is not an image reference (write it as docker pull takes it)");
        }
        return Optional.ofNullable(reference);
    }

    private Path path(String value, String label) {
        try {
            return fileSystem.getPath(value);
        } catch (InvalidPathException e) {
            throw new ParameterException(command.commandLine(), label + " '" + value + "' is not a valid path"
                    + FileNameEncoding.hint());
        }
    }
}
