package dev.distrogen.cli;

import java.io.InputStream;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.util.Objects;
import picocli.CommandLine;

/**
 * Makes distrogen's commands on one file system (jimfs in tests). Public with a no-argument
 * constructor so that picocli's build-time tools (man pages, completion) can make them too.
 */
public final class CommandFactory implements CommandLine.IFactory {

    private final FileSystem fileSystem;
    private final InputStream in;

    public CommandFactory() {
        this(FileSystems.getDefault(), System.in);
    }

    CommandFactory(FileSystem fileSystem, InputStream in) {
        this.fileSystem = Objects.requireNonNull(fileSystem, "fileSystem");
        this.in = Objects.requireNonNull(in, "in");
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        if (type == DistrogenCommand.class) {
            return type.cast(new DistrogenCommand(fileSystem, in));
        }
        if (type == CheckCommand.class) {
            return type.cast(new CheckCommand(fileSystem, in));
        }
        if (type == InitCommand.class) {
            return type.cast(new InitCommand(fileSystem));
        }
        return CommandLine.defaultFactory().create(type);
    }
}
