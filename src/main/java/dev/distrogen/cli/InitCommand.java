package dev.distrogen.cli;

import dev.distrogen.model.NixKeywords;
import dev.distrogen.backend.GeneratedFile;
import dev.distrogen.backend.GenerationException;
import dev.distrogen.backend.Templates;
import dev.distrogen.output.OutputException;
import dev.distrogen.output.OutputWriter;
import java.io.PrintWriter;
import java.nio.file.FileSystem;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code distrogen init NAME}: a commented starter spec and a config stub, which pass check. */
@Command(
        name = "init",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = "Writes a commented starter spec NAME.dl and a config stub NAME.conf into DIR (default: ./NAME).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:written",
            "2:bad command-line use (NAME not usable as an image, account and package name)",
            "3:the files could not be written, or would replace files distrogen did not write",
            "70:internal error (a bug in distrogen: please report it)"
        })
final class InitCommand implements Callable<Integer> {

    /** A name that is at once an image name, an account name, a nixpkgs attribute and a DNS label. */
    private static final String NAME = "[a-z][a-z0-9-]{0,30}";
    private static final Set<String> RESERVED = Stream.concat(Stream.of("root"), NixKeywords.ALL.stream())
            .collect(Collectors.toUnmodifiableSet());

    private final FileSystem fileSystem;

    @Spec
    private CommandSpec command;

    @Parameters(index = "0", paramLabel = "NAME", description = "the app's name: lower-case letters, digits and '-'")
    private String name;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "where to write (default: ./NAME)")
    private String output;

    @Option(names = "--force", description = "replace files distrogen did not write, or that were edited since")
    private boolean force;

    InitCommand(FileSystem fileSystem) {
        this.fileSystem = fileSystem;
    }

    @Override
    public Integer call() throws GenerationException {
        if (!name.matches(NAME) || RESERVED.contains(name)) {
            throw new ParameterException(command.commandLine(), "'" + name + "' cannot name an app: use 1 to 31 lower-case "
                    + "letters, digits and '-', starting with a letter (not root or a Nix keyword)");
        }
        Map<String, String> model = Map.of("name", name);
        List<GeneratedFile> files = List.of(
                GeneratedFile.text(name + ".dl", Templates.BUILT_IN.render("init/starter.dl.ftl", model)),
                GeneratedFile.text(name + ".conf", Templates.BUILT_IN.render("init/starter.conf.ftl", model)));
        Path dir = fileSystem.getPath(output == null ? name : output);
        PrintWriter err = command.commandLine().getErr();
        try {
            new OutputWriter(force).write(dir, "init", files);
        } catch (OutputException e) {
            err.println("distrogen: " + e.getMessage());
            return ExitCodes.OUTPUT;
        }
        command.commandLine().getOut().println("wrote " + dir.resolve(name + ".dl") + " and " + dir.resolve(name + ".conf")
                + "; next: distrogen check " + dir.resolve(name + ".dl"));
        return ExitCodes.OK;
    }
}
