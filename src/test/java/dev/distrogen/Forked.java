package dev.distrogen;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * distrogen in a process of its own, as users run it: a forked JVM on the test class path (with JVM
 * options such as a small heap), or the {@code distrogen} launcher script on a jar of it.
 */
public record Forked(int exit, String out, String err, long errBytes) {

    private static final int KEPT = 32 << 20;

    /**
     * The locale variables a forked distrogen starts without, so that a test's LANG is the one that
     * counts.
     */
    private static final Set<String> LOCALE =
            Set.of(
                    "LANG",
                    "LANGUAGE",
                    "LC_ALL",
                    "LC_CTYPE",
                    "LC_MESSAGES",
                    "LC_COLLATE",
                    "LC_NUMERIC",
                    "LC_TIME",
                    "JAVA_TOOL_OPTIONS");

    /**
     * A run of Main in a forked JVM; out and err are kept up to 32 MB each, errBytes counts all of
     * stderr.
     */
    public static Forked java(
            List<String> jvmOptions, Map<String, String> env, Path workDir, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("dev.distrogen.cli.Main");
        command.addAll(List.of(args));
        return run(command, env, workDir);
    }

    /**
     * The launcher script {@code ./distrogen}, copied beside a jar whose manifest starts distrogen
     * from the test class path (the script builds nothing then: it finds no sources newer than the
     * jar).
     */
    public static Forked launcher(
            Path scratch, Map<String, String> env, Path workDir, String... args) {
        try {
            Path home = Files.createDirectories(scratch.resolve("launcher"));
            Files.copy(
                    Golden.root().resolve("distrogen"),
                    home.resolve("distrogen"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            home.resolve("distrogen").toFile().setExecutable(true);
            Path jar = Files.createDirectories(home.resolve("target")).resolve("distrogen.jar");
            Manifest manifest = new Manifest();
            manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
            manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "dev.distrogen.cli.Main");
            List<String> urls = new ArrayList<>();
            for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
                urls.add(Path.of(entry).toAbsolutePath().toUri().toString());
            }
            manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, String.join(" ", urls));
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
                out.flush();
            }
            List<String> command = new ArrayList<>();
            command.add(home.resolve("distrogen").toString());
            command.addAll(List.of(args));
            return run(command, env, workDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String head(Path file) throws IOException {
        try (var in = Files.newInputStream(file)) {
            return new String(in.readNBytes(KEPT), StandardCharsets.UTF_8);
        }
    }

    private static Forked run(List<String> command, Map<String, String> env, Path workDir) {
        return process(command, env, LOCALE, workDir, Duration.ofMinutes(5));
    }

    /**
     * Runs {@code command} in {@code workDir} with {@code env} added to this process's environment
     * and the variables {@code unset} removed, stdin from /dev/null; fails the test when it runs
     * longer than {@code limit}.
     */
    public static Forked process(
            List<String> command,
            Map<String, String> env,
            Set<String> unset,
            Path workDir,
            Duration limit) {
        try {
            Path out = Files.createTempFile("distrogen-process", ".out");
            Path err = Files.createTempFile("distrogen-process", ".err");
            try {
                ProcessBuilder builder =
                        new ProcessBuilder(command)
                                .directory(workDir.toFile())
                                .redirectOutput(out.toFile())
                                .redirectError(err.toFile())
                                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
                builder.environment().keySet().removeAll(unset);
                builder.environment().putAll(env);
                Process process = builder.start();
                if (!process.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError(
                            "timed out after " + limit + ": " + String.join(" ", command));
                }
                return new Forked(process.exitValue(), head(out), head(err), Files.size(err));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted: " + String.join(" ", command), e);
        }
    }
}
