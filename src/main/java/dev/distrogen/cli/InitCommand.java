package dev.distrogen.cli;

import dev.distrogen.backend.GeneratedFile;
import dev.distrogen.backend.GenerationException;
import dev.distrogen.backend.Templates;
import dev.distrogen.model.NixKeywords;
import dev.distrogen.output.OutputException;
import java.io.PrintWriter;
import java.nio.file.FileSystem;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParameterException;

/** {@code distrogen init NAME}: a commented starter spec and a config stub, which pass check. */
final class InitCommand implements Callable<Integer> {

    static final String NAME = "init";

    /**
     * A name that is at once an image name, an account name, a nixpkgs attribute and a DNS label.
     */
    private static final String APP_NAME = "[a-z][a-z0-9-]{0,30}";

    private final FileSystem fileSystem;
    private final CommandSpec command;
    private final PositionalParamSpec appName =
            PositionalParamSpec.builder()
                    .index("0")
                    .arity("1")
                    .required(true)
                    .paramLabel("NAME")
                    .type(String.class)
                    .description("the app's name: lower-case letters, digits and '-'")
                    .build();
    private final OptionSpec output =
            CommandSpecs.option("DIR", "where to write (default: ./NAME)", "-o", "--output");
    private final OptionSpec force =
            CommandSpecs.flag("replace NAME.dl and NAME.conf if they exist", "--force");

    InitCommand(FileSystem fileSystem) {
        this.fileSystem = fileSystem;
        this.command =
                CommandSpecs.command(
                        this,
                        NAME,
                        "Writes a commented starter spec NAME.dl and a config stub NAME.conf into DIR (default: ./NAME).",
                        "0:written",
                        "2:bad command-line use (NAME not usable as an image, account and package name)",
                        "3:the files could not be written, or exist already (without --force)",
                        "70:internal error (a bug in distrogen: please report it)");
        command.addPositional(appName).addOption(output).addOption(force);
        CommandSpecs.addStandardHelpOptions(command);
    }

    CommandSpec spec() {
        return command;
    }

    @Override
    public Integer call() throws GenerationException {
        String name = appName.getValue();
        String output = CommandSpecs.outputDirectory(command, this.output);
        if (!name.matches(APP_NAME) || name.equals("root") || NixKeywords.ALL.contains(name)) {
            throw new ParameterException(
                    command.commandLine(),
                    "'"
                            + name
                            + "' cannot name an app: use 1 to 31 lower-case "
                            + "letters, digits and '-', starting with a letter (not root or a Nix keyword)");
        }
        Map<String, String> model = Map.of("name", name);
        List<GeneratedFile> files =
                List.of(
                        GeneratedFile.text(
                                name + ".dl",
                                Templates.BUILT_IN.render("init/starter.dl.ftl", model)),
                        GeneratedFile.text(
                                name + ".conf",
                                Templates.BUILT_IN.render("init/starter.conf.ftl", model)));
        Path dir = fileSystem.getPath(output == null ? name : output);
        PrintWriter err = command.commandLine().getErr();
        try {
            // Not OutputWriter: its manifest and lock would stay in the user's project folder.
            NewFiles.write(dir, files, force.<Boolean>getValue());
        } catch (OutputException e) {
            return OutputMessages.refused(err, e);
        }
        command.commandLine()
                .getOut()
                .println(
                        "wrote "
                                + dir.resolve(name + ".dl")
                                + " and "
                                + dir.resolve(name + ".conf")
                                + "; next: distrogen check "
                                + dir.resolve(name + ".dl"));
        return ExitCodes.OK;
    }
}
