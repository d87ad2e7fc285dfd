package dev.distrogen.integration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.distrogen.Golden;
import dev.distrogen.Tools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The images the integration tests build on, made from Debian's packages and cached in the
 * machine's container storage: Docker Hub cannot be reached here, and podman run cannot start
 * containers, so the tests build with buildah and start entrypoints with rootrun.
 */
final class Images {

    static final String STORAGE = "--storage-driver=vfs";

    /** Debian 12 with the examples' servers: the build stage of every example in these tests. */
    static final List<String> PACKAGES =
            List.of("nginx-light", "lighttpd", "redis-server", "memcached");

    static final String BUILDER =
            "localhost/distrogen-builder:bookworm-" + Integer.toHexString(PACKAGES.hashCode());

    /**
     * Debian 12 with the runtimes of the Runtimes examples (Python, Node, Java, caddy) and tini.
     */
    static final List<String> RUNTIME_PACKAGES =
            List.of(
                    "python3",
                    "nodejs",
                    "openjdk-17-jre-headless",
                    "caddy",
                    "tini",
                    "ca-certificates",
                    "tzdata");

    static final String RUNTIMES =
            "localhost/distrogen-runtimes:bookworm-"
                    + Integer.toHexString(RUNTIME_PACKAGES.hashCode());

    /**
     * Plain Debian 12 (debootstrap minbase, nothing else): a build stage for docker { packages }.
     */
    static final String PLAIN = "localhost/distrogen-debian:bookworm-minbase";

    /** Debian 12 for arm64 with memcached: the build stage of the non-native build. */
    static final List<String> ARM64_PACKAGES = List.of("memcached");

    static final String ARM64_BUILDER =
            "localhost/distrogen-builder-arm64:bookworm-"
                    + Integer.toHexString(ARM64_PACKAGES.hashCode());

    /** A stand-in for gcr.io/distroless/base-debian12:nonroot, which cannot be pulled here. */
    static final String DISTROLESS = "localhost/distrogen-distroless-standin:base-nonroot-statusd";

    /** Debian 12 with PHP's command line (its built-in web server, iconv as an extension). */
    static final List<String> PHP_PACKAGES = List.of("php8.2-cli");

    static final String PHP =
            "localhost/distrogen-php:bookworm-" + Integer.toHexString(PHP_PACKAGES.hashCode());

    private static final Path CACHE = Path.of("/var/cache/distrogen-test");

    private Images() {}

    /**
     * Skips (with the reason) where the tools or privileges every image test needs are missing;
     * .ci/install-tools installs them. The Alpine-like stage asks for its own (musl-gcc, busybox).
     */
    static void assumeTools() {
        Tools.requireOnPath(
                "the image tests need it", "buildah", "podman", "debootstrap", "gcc", "unshare");
        Tools.requireRoot("the image tests mount an image's root filesystem and chroot into it");
    }

    static boolean exists(String image) {
        return Command.run(
                                Duration.ofMinutes(1),
                                List.of("buildah", STORAGE, "inspect", "--type", "image", image))
                        .exit()
                == 0;
    }

    /** The Debian builder image: debootstrap (a few minutes) the first time, then cached. */
    static synchronized String builder() throws IOException {
        return debootstrap(BUILDER, PACKAGES);
    }

    /**
     * The arm64 builder: debootstrap --arch=arm64, whose second stage runs under QEMU (a few
     * minutes; register it first: {@link Binfmt#requireAarch64()}), then cached. Imported as an
     * arm64 image.
     */
    static synchronized String arm64Builder() throws IOException {
        return debootstrap(ARM64_BUILDER, "arm64", ARM64_PACKAGES);
    }

    /**
     * The runtimes' build stage: debootstrap (about two and a half minutes) the first time, then
     * cached.
     */
    static synchronized String runtimes() throws IOException {
        return debootstrap(RUNTIMES, RUNTIME_PACKAGES);
    }

    /** PHP's build stage: debootstrap (a few minutes) the first time, then cached. */
    static synchronized String php() throws IOException {
        return debootstrap(PHP, PHP_PACKAGES);
    }

    /**
     * Plain Debian, whose apt installs a spec's packages during the build: debootstrap the first
     * time.
     */
    static synchronized String plain() throws IOException {
        return debootstrap(PLAIN, List.of());
    }

    /**
     * Debian 12 minbase with {@code packages}, made with debootstrap from this machine's mirror and
     * imported as {@code tag}.
     */
    private static String debootstrap(String tag, List<String> packages) throws IOException {
        return debootstrap(tag, null, packages);
    }

    /** The same for Debian's architecture {@code arch} (null: this machine's). */
    private static String debootstrap(String tag, String arch, List<String> packages)
            throws IOException {
        if (exists(tag)) {
            return tag;
        }
        String mirror =
                AptMirror.forSuite(Path.of("/etc/apt"), "bookworm")
                        .orElseThrow(
                                () ->
                                        new IllegalStateException(
                                                "this machine's apt sources (/etc/apt/sources.list.d/*.sources or sources.list) name no Debian mirror "
                                                        + "for bookworm: debootstrap needs one to make the build stage"));
        Files.createDirectories(CACHE);
        Path rootfs = Files.createTempDirectory(CACHE, "rootfs");
        try {
            List<String> command =
                    new java.util.ArrayList<>(List.of("debootstrap", "--variant=minbase"));
            if (!packages.isEmpty()) {
                command.add("--include=" + String.join(",", packages));
            }
            if (arch != null) {
                command.add("--arch=" + arch);
            }
            command.addAll(List.of("bookworm", rootfs.toString(), mirror));
            Command.check(Duration.ofMinutes(25), command.toArray(String[]::new));
            Command.check(
                    Duration.ofMinutes(10),
                    "sh",
                    "-c",
                    "tar -C \"$1\" -c . | podman "
                            + STORAGE
                            + " import ${3:+--arch \"$3\"} - \"$2\"",
                    "sh",
                    rootfs.toString(),
                    tag,
                    arch == null ? "" : arch);
        } finally {
            Command.check(
                    Duration.ofMinutes(5), "rm", "-rf", "--one-file-system", rootfs.toString());
        }
        return tag;
    }

    /**
     * The distroless stand-in: what base-debian12:nonroot holds that matters here, an /etc/passwd
     * with root, nobody and nonroot (65532), /tmp 1777, nonroot's home, the CA bundle, and, as
     * distroless has, /etc/os-release and a dpkg status.d of its own (tzdata's stanza here).
     */
    static synchronized String distrolessStandin() throws IOException {
        String builder = builder();
        return buildOnce(
                DISTROLESS,
                context -> {
                    Files.writeString(
                            context.resolve("passwd"),
                            "root:x:0:0:root:/root:/sbin/nologin\n"
                                    + "nobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin\n"
                                    + "nonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin\n");
                    Files.writeString(
                            context.resolve("group"),
                            "root:x:0:\nnobody:x:65534:\nnonroot:x:65532:\n");
                    Files.copy(
                            Path.of("/etc/ssl/certs/ca-certificates.crt"),
                            context.resolve("ca-certificates.crt"));
                    Files.writeString(
                            context.resolve("Dockerfile"),
                            String.join(
                                    "\n",
                                    "FROM " + builder + " AS files",
                                    "RUN mkdir -p /out/tmp /out/home/nonroot /out/etc/ssl/certs /out/var/lib/dpkg/status.d && chmod 1777 /out/tmp"
                                            + " && chown 65532:65532 /out/home/nonroot && chmod 0700 /out/home/nonroot"
                                            + " && cp -L /etc/os-release /out/etc/os-release"
                                            + " && awk -v RS= '$0 ~ /^Package: tzdata\\n/ { print }' /var/lib/dpkg/status > /out/var/lib/dpkg/status.d/tzdata",
                                    "FROM scratch",
                                    "COPY --from=files /out/ /",
                                    "COPY passwd group /etc/",
                                    "COPY ca-certificates.crt /etc/ssl/certs/",
                                    "USER 65532:65532",
                                    "WORKDIR /home/nonroot",
                                    ""));
                });
    }

    /**
     * The builder with printargs installed as "/usr/local/bin/print args $x", for the escapes test.
     */
    static synchronized String printargsBuilder() throws IOException {
        Path source = root().resolve("src/test/resources/integration/printargs.c");
        String tag =
                "localhost/distrogen-builder-printargs:"
                        + Integer.toHexString(Files.readString(source).hashCode());
        String builder = builder();
        return buildOnce(
                tag,
                context -> {
                    Command.check(
                            Duration.ofMinutes(2),
                            "gcc",
                            "-O2",
                            "-Wall",
                            "-Werror",
                            "-o",
                            context.resolve("printargs").toString(),
                            source.toString());
                    Files.writeString(
                            context.resolve("Dockerfile"),
                            String.join(
                                    "\n",
                                    "FROM " + builder,
                                    "COPY printargs /tmp/printargs",
                                    "RUN mkdir -p /usr/local/bin && mv /tmp/printargs '/usr/local/bin/print args $x'",
                                    ""));
                });
    }

    /**
     * The builder with tserv (src/test/resources/apps/tserv, compiled here against the same Debian
     * 12 glibc): the server at /usr/local/bin/tserv, its modules in /usr/lib/tserv.
     */
    static synchronized String tservBuilder() throws IOException {
        Path sources = root().resolve("src/test/resources/apps/tserv");
        List<String> modules = List.of("mod_latin1", "mod_hello");
        StringBuilder all = new StringBuilder(Files.readString(sources.resolve("tserv.c")));
        for (String module : modules) {
            all.append(Files.readString(sources.resolve(module + ".c")));
        }
        String tag =
                "localhost/distrogen-builder-tserv:"
                        + Integer.toHexString(all.toString().hashCode());
        String builder = builder();
        return buildOnce(
                tag,
                context -> {
                    Command.check(
                            Duration.ofMinutes(2),
                            "gcc",
                            "-O2",
                            "-Wall",
                            "-Werror",
                            "-o",
                            context.resolve("tserv").toString(),
                            sources.resolve("tserv.c").toString(),
                            "-pthread",
                            "-ldl");
                    for (String module : modules) {
                        Command.check(
                                Duration.ofMinutes(2),
                                "gcc",
                                "-O2",
                                "-Wall",
                                "-Werror",
                                "-shared",
                                "-fPIC",
                                "-o",
                                context.resolve(module + ".so").toString(),
                                sources.resolve(module + ".c").toString());
                    }
                    Files.writeString(
                            context.resolve("Dockerfile"),
                            String.join(
                                    "\n",
                                    "FROM " + builder,
                                    "COPY tserv /usr/local/bin/tserv",
                                    "COPY mod_latin1.so mod_hello.so /usr/lib/tserv/",
                                    ""));
                });
    }

    /**
     * The Debian builder with the probe's test app (src/test/resources/integration/probe):
     * /usr/local/bin/probe-server, the plugin it loads only when it serves,
     * /usr/lib/probe-plugins/libgreeting.so, and the library the plugin needs,
     * /usr/lib/probe-shout/libshout.so.1 (found through the plugin's rpath).
     */
    static synchronized String probeServerBuilder() throws IOException {
        Path sources = root().resolve("src/test/resources/integration/probe");
        String tag =
                "localhost/distrogen-builder-probe:"
                        + Integer.toHexString(
                                (Files.readString(sources.resolve("probe-server.c"))
                                                + Files.readString(sources.resolve("greeting.c"))
                                                + Files.readString(sources.resolve("shout.c")))
                                        .hashCode());
        String builder = builder();
        return buildOnce(
                tag,
                context -> {
                    gcc(context, "probe-server", sources.resolve("probe-server.c"));
                    gcc(
                            context,
                            "libshout.so.1",
                            sources.resolve("shout.c"),
                            "-shared",
                            "-fPIC",
                            "-Wl,-soname,libshout.so.1");
                    gcc(
                            context,
                            "libgreeting.so",
                            sources.resolve("greeting.c"),
                            "-shared",
                            "-fPIC",
                            "-L" + context,
                            "-l:libshout.so.1",
                            "-Wl,-rpath,/usr/lib/probe-shout");
                    Files.writeString(
                            context.resolve("Dockerfile"),
                            String.join(
                                    "\n",
                                    "FROM " + builder,
                                    "COPY probe-server /usr/local/bin/probe-server",
                                    "COPY libgreeting.so /usr/lib/probe-plugins/libgreeting.so",
                                    "COPY libshout.so.1 /usr/lib/probe-shout/libshout.so.1",
                                    ""));
                });
    }

    /** gcc -O2 -Wall -Werror SOURCE -o CONTEXT/OUTPUT, with more options after the source. */
    private static void gcc(Path context, String output, Path source, String... options)
            throws IOException {
        List<String> command =
                new java.util.ArrayList<>(
                        List.of(
                                "gcc",
                                "-O2",
                                "-Wall",
                                "-Werror",
                                "-o",
                                context.resolve(output).toString(),
                                source.toString()));
        command.addAll(List.of(options));
        Command.check(Duration.ofMinutes(2), command.toArray(String[]::new));
    }

    /**
     * The Debian builder with Java 17's runtime (openjdk-17-jre-headless, from the same mirror):
     * the base of the build stage of distrogen's own image (examples/distrogen).
     */
    static synchronized String jreBuilder() throws IOException {
        String builder = builder();
        String install =
                "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "
                        + "openjdk-17-jre-headless >/dev/null && rm -rf /var/lib/apt/lists/*";
        String tag =
                "localhost/distrogen-builder-jre:"
                        + Integer.toHexString((builder + install).hashCode());
        return buildOnce(
                tag,
                context ->
                        Files.writeString(
                                context.resolve("Dockerfile"),
                                "FROM " + builder + "\nRUN " + install + "\n"));
    }

    /**
     * An Alpine-like build stage made from Debian's packages (Docker Hub cannot be reached):
     * busybox (static) as /bin/sh and its applets, musl's loader as /lib/ld-musl-x86_64.so.1 with
     * Alpine's libc.musl-x86_64.so.1 link and ldd script, and a musl program, hello, that needs its
     * own library through a soname link.
     */
    static synchronized String alpineLike() throws IOException {
        Tools.requireOnPath("the Alpine-like build stage is made with it", "musl-gcc", "busybox");
        Path sources = root().resolve("src/test/resources/integration/musl");
        String tag =
                "localhost/distrogen-alpine-like:musl-"
                        + Integer.toHexString(
                                (Files.readString(sources.resolve("hello.c"))
                                                + Files.readString(sources.resolve("greet.c")))
                                        .hashCode());
        return buildOnce(
                tag,
                context -> {
                    Command.check(
                            Duration.ofMinutes(2),
                            "musl-gcc",
                            "-O2",
                            "-shared",
                            "-fPIC",
                            "-Wl,-soname,libgreet.so.1",
                            "-o",
                            context.resolve("libgreet.so.1.0").toString(),
                            sources.resolve("greet.c").toString());
                    Command.check(
                            Duration.ofMinutes(2),
                            "musl-gcc",
                            "-O2",
                            "-o",
                            context.resolve("hello").toString(),
                            sources.resolve("hello.c").toString(),
                            "-L" + context,
                            "-l:libgreet.so.1.0");
                    Files.copy(Path.of("/bin/busybox"), context.resolve("busybox"));
                    Files.copy(
                            Path.of("/lib/ld-musl-x86_64.so.1").toRealPath(),
                            context.resolve("ld-musl-x86_64.so.1"));
                    Files.writeString(
                            context.resolve("ldd"),
                            "#!/bin/sh\nexec /lib/ld-musl-x86_64.so.1 --list \"$@\"\n");
                    Files.writeString(
                            context.resolve("Dockerfile"),
                            String.join(
                                    "\n",
                                    "FROM scratch",
                                    "COPY busybox /bin/busybox",
                                    "COPY ld-musl-x86_64.so.1 /lib/ld-musl-x86_64.so.1",
                                    "COPY ldd /usr/bin/ldd",
                                    "COPY hello /usr/bin/hello",
                                    "COPY libgreet.so.1.0 /usr/lib/libgreet.so.1.0",
                                    "RUN [\"/bin/busybox\", \"--install\", \"-s\", \"/bin\"]",
                                    "RUN ln -s ld-musl-x86_64.so.1 /lib/libc.musl-x86_64.so.1 && ln -s libgreet.so.1.0 /usr/lib/libgreet.so.1"
                                            + " && chmod 0755 /usr/bin/ldd /usr/bin/hello /lib/ld-musl-x86_64.so.1 && mkdir -p /tmp",
                                    ""));
                });
    }

    /**
     * The Alpine-like stage with an apk database in Alpine's format (/lib/apk/db/installed) that
     * owns its files, and Alpine's release files, so that the apk metadata path is taken.
     */
    static synchronized String alpineLikeWithApk() throws IOException {
        Path installed = root().resolve("src/test/resources/integration/musl/installed");
        String base = alpineLike();
        String tag =
                base.replace("distrogen-alpine-like:", "distrogen-alpine-like-apk:")
                        + "-"
                        + Integer.toHexString(Files.readString(installed).hashCode());
        return buildOnce(
                tag,
                context -> {
                    Files.copy(installed, context.resolve("installed"));
                    Files.writeString(
                            context.resolve("os-release"),
                            "NAME=\"Alpine Linux\"\nID=alpine\nVERSION_ID=3.20.3\n"
                                    + "PRETTY_NAME=\"Alpine Linux v3.20\"\nHOME_URL=\"https://alpinelinux.org/\"\n");
                    Files.writeString(
                            context.resolve("Dockerfile"),
                            String.join(
                                    "\n",
                                    "FROM " + base,
                                    "COPY installed /lib/apk/db/installed",
                                    "COPY os-release /usr/lib/os-release",
                                    "RUN echo 3.20.3 > /etc/alpine-release && ln -s ../usr/lib/os-release /etc/os-release",
                                    ""));
                });
    }

    /** Writes a build context into an empty folder. */
    @FunctionalInterface
    interface Context {
        void fill(Path context) throws IOException;
    }

    /**
     * The image {@code tag}: built once from the context {@code context} makes, then kept in local
     * storage.
     */
    private static String buildOnce(String tag, Context context) throws IOException {
        if (!exists(tag)) {
            Path dir = Files.createTempDirectory("distrogen-image");
            try {
                context.fill(dir);
                build(dir, tag);
            } finally {
                Command.check(
                        Duration.ofMinutes(1), "rm", "-rf", "--one-file-system", dir.toString());
            }
        }
        return tag;
    }

    /**
     * buildah bud, never pulling: every image named must be in local storage. Returns the seconds
     * it took.
     */
    static double build(Path context, String tag) {
        return buildLogged(context, tag).seconds();
    }

    /** A build: how long it took, and its log (what the RUN steps printed). */
    record Build(double seconds, String log) {}

    static Build buildLogged(Path context, String tag) {
        return buildLogged(context, tag, List.of());
    }

    /** A build with more of buildah bud's options ({@code --timestamp 0}, ...). */
    static Build buildLogged(Path context, String tag, List<String> options) {
        long start = System.nanoTime();
        List<String> args =
                new java.util.ArrayList<>(
                        List.of(
                                "buildah",
                                STORAGE,
                                "bud",
                                "--isolation",
                                "chroot",
                                "--pull=never",
                                "--layers=false"));
        args.addAll(options);
        args.addAll(List.of("-t", tag, context.toString()));
        Command result = Command.run(Duration.ofMinutes(20), args);
        if (result.exit() != 0) {
            throw new AssertionError(
                    String.join(" ", args)
                            + " exited "
                            + result.exit()
                            + "\n"
                            + result.out()
                            + result.err());
        }
        return new Build((System.nanoTime() - start) / 1e9, result.out() + result.err());
    }

    /** What buildah inspect says of an image: its OCI config, manifest and more, as JSON. */
    static JsonNode inspect(String image) throws IOException {
        return new ObjectMapper()
                .readTree(
                        Command.check(
                                Duration.ofMinutes(1),
                                "buildah",
                                STORAGE,
                                "inspect",
                                "--type",
                                "image",
                                image));
    }

    /** distrogen SPEC --target dockerfile -o CONTEXT --from STAGE: a build context. */
    static Path dockerfileContext(Path spec, Path context, String stage) {
        dev.distrogen.cli.CliRun run =
                dev.distrogen.cli.CliRun.run(
                        spec.toString(),
                        "--target",
                        "dockerfile",
                        "-o",
                        context.toString(),
                        "--from",
                        stage);
        if (run.exit() != 0) {
            throw new AssertionError("distrogen exited " + run.exit() + ": " + run.err());
        }
        return context;
    }

    private static final java.util.regex.Pattern COMMITTED =
            java.util.regex.Pattern.compile("(?m)^--> (?:Using cache )?([0-9a-f]{10,64})$");

    /** The images a build with {@code --layers} committed on the way, as its log names them. */
    static List<String> committed(Build build) {
        List<String> ids = new java.util.ArrayList<>();
        java.util.regex.Matcher m = COMMITTED.matcher(build.log());
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    /**
     * Removes the images among {@code ids} (full or short) that no tag names: what --layers left
     * behind once the test's tags are gone, never a cached stage the builds started from.
     */
    static void removeUntagged(java.util.Collection<String> ids) {
        String images =
                Command.run(
                                Duration.ofMinutes(1),
                                List.of(
                                        "buildah",
                                        STORAGE,
                                        "images",
                                        "--all",
                                        "--noheading",
                                        "--no-trunc",
                                        "--format",
                                        "{{.ID}} {{.Name}}"))
                        .out();
        for (String line : images.lines().toList()) {
            String[] fields = line.strip().split("\\s+");
            String id = fields[0].replace("sha256:", "");
            if (fields.length == 2
                    && fields[1].equals("<none>")
                    && ids.stream().anyMatch(id::startsWith)) {
                remove(id);
            }
        }
    }

    static void remove(String image) {
        Command.run(Duration.ofMinutes(2), List.of("buildah", STORAGE, "rmi", "-f", image));
    }

    static Path root() {
        return Golden.root();
    }
}
