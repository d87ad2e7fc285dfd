package dev.distrogen.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.distrogen.Golden;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The build stage's scripts and the templates assume no architecture: a Dockerfile built for
 * linux/arm64 must collect arm64's loader and libraries, which ldd finds where that platform keeps
 * them, not at an amd64 path (MultiArchImageIT builds one). Comments may name examples.
 */
class NoArchitectureLiteralTest {

    /** Architecture names, and the paths that hold them (lib64, /usr/lib/x86_64-linux-gnu, ...). */
    static final Pattern ARCHITECTURE =
            Pattern.compile(
                    "x86_64|x86-64|amd64|aarch64|arm64|armhf|i386|i686|ppc64|s390x|riscv64|lib64|linux-gnu|ld-linux|ld-musl");

    @Test
    void scriptsAndTemplates_nameNoArchitectureOutsideComments() throws IOException {
        Path resources = Golden.root().resolve("src/main/resources/dev/distrogen");
        List<String> found = new ArrayList<>();
        int files = 0;
        for (String folder : List.of("scripts", "templates")) {
            try (Stream<Path> all = Files.walk(resources.resolve(folder))) {
                for (Path file : all.filter(Files::isRegularFile).sorted().toList()) {
                    files++;
                    List<String> lines = Files.readAllLines(file);
                    for (int i = 0; i < lines.size(); i++) {
                        String code = lines.get(i).strip();
                        if (!code.startsWith("#") && ARCHITECTURE.matcher(code).find()) {
                            found.add(resources.relativize(file) + ":" + (i + 1) + ": " + code);
                        }
                    }
                }
            }
        }
        assertTrue(files > 10, "the scripts and templates were read: " + files);
        assertEquals(List.of(), found);
    }

    @Test
    void thePatternFindsWhatItLooksFor() {
        for (String line :
                List.of(
                        "cp /lib64/ld-linux-x86-64.so.2 \"$R/lib64/\"",
                        "d=/usr/lib/aarch64-linux-gnu",
                        "ln -s ld-musl-x86_64.so.1 /lib/libc.musl.so")) {
            assertTrue(ARCHITECTURE.matcher(line).find(), line);
        }
    }
}
