package dev.distrogen.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * layers.sh, the build stage's last step, under dash and busybox ash: the collected root split into
 * the three folders the final stage copies as layers (libs, app, conf), every file in exactly one,
 * links above the libraries never turned into folders, parents made with the root's modes, and its
 * list read as data.
 */
class LayersScriptIT {

    @TempDir Path temp;

    @AfterEach
    void removeLinks() throws IOException {
        CollectScriptIT.removeLinks(temp);
    }

    /** Runs {@code script} after sourcing collect.sh and layers.sh, $R the temp dir's root. */
    private CollectScriptIT.Result sh(String shell, String script, String... args)
            throws Exception {
        return CollectScriptIT.sh(
                temp, shell, ". \"$DG_DIR/collect.sh\"; . \"$DG_DIR/layers.sh\"; " + script, args);
    }

    /**
     * A stage with a program behind two links (/bin -> usr/bin, app -> app.real), a library and a
     * data folder, collected as collect.sh does; then the layout's and the configs' files in the
     * root, and the split.
     */
    @ParameterizedTest
    @MethodSource("dev.distrogen.backend.CollectScriptIT#shells")
    void split_configsAppAndClosure_eachFileInOneLayer(String shell) throws Exception {
        Path stage = Files.createDirectories(temp.resolve("stage")).toRealPath();
        Path bin = Files.createDirectories(stage.resolve("usr/bin"));
        Files.writeString(bin.resolve("app.real"), "program");
        Files.createSymbolicLink(bin.resolve("app"), Path.of("app.real"));
        Files.createSymbolicLink(stage.resolve("bin"), Path.of("usr/bin"));
        Files.writeString(
                Files.createDirectories(stage.resolve("usr/lib")).resolve("libx.so.1"), "lib");
        Files.writeString(
                Files.createDirectories(stage.resolve("usr/share/app")).resolve("data.txt"),
                "data");
        String s = stage.toString();
        Path list = temp.resolve("layers");
        Files.writeString(
                list,
                "config "
                        + s
                        + "/etc/app/app.conf\nconfig "
                        + s
                        + "/usr/share/app/inner.conf\nconfig /etc/copied-in-the-final-stage.conf\n"
                        + "app "
                        + s
                        + "/bin/app\napp "
                        + s
                        + "/usr/share/app\nmade /etc/passwd\nmade /var/cache/app\n");
        CollectScriptIT.Result r =
                sh(
                        shell,
                        "dg_files \"$1/bin/app\"; dg_files \"$1/usr/lib/libx.so.1\"; dg_files \"$1/usr/share/app\"\n"
                                + "mkdir -p \"$R$1/etc/app\" \"$R/etc\" \"$R/var/cache/app\"; chmod 0750 \"$R$1/etc/app\" \"$R/var/cache/app\"\n"
                                + "printf c > \"$R$1/etc/app/app.conf\"; printf i > \"$R$1/usr/share/app/inner.conf\"; printf p > \"$R/etc/passwd\"\n"
                                + "dg_layers \"$2\"",
                        s,
                        list.toString());
        assertEquals(0, r.exit(), r.err());
        assertFalse(Files.exists(temp.resolve("root")), "the root is gone, split into the layers");

        Path libs = temp.resolve("libs");
        Path app = temp.resolve("app");
        Path conf = temp.resolve("conf");
        assertEquals(
                Set.of(s + "/bin", s + "/usr/lib/libx.so.1"),
                files(libs),
                "the closure, and the link on the way to the program");
        assertEquals(
                Set.of(
                        s + "/usr/bin/app",
                        s + "/usr/bin/app.real",
                        s + "/usr/share/app/data.txt",
                        "/etc/passwd"),
                files(app),
                "the program, its link, its data, the accounts");
        assertEquals(
                Set.of(s + "/etc/app/app.conf", s + "/usr/share/app/inner.conf"),
                files(conf),
                "the configs, one of them inside the app's data folder");
        assertTrue(Files.isSymbolicLink(libs.resolve(s.substring(1) + "/bin")));
        assertTrue(
                Files.isSymbolicLink(app.resolve(s.substring(1) + "/usr/bin/app"))
                        && Files.isRegularFile(
                                app.resolve(s.substring(1) + "/usr/bin/app.real"),
                                LinkOption.NOFOLLOW_LINKS));
        assertFalse(
                Files.exists(app.resolve(s.substring(1) + "/bin"), LinkOption.NOFOLLOW_LINKS),
                "the link /bin is not made a folder above the libraries' layer");
        assertEquals("c", Files.readString(conf.resolve(s.substring(1) + "/etc/app/app.conf")));
        assertEquals("750", mode(conf.resolve(s.substring(1) + "/etc/app")), "a parent's mode");
        assertEquals("750", mode(app.resolve("var/cache/app")), "a dir of the spec, as it was");
        assertTrue(
                r.out().contains("distrogen: layer conf: 2 files, ")
                        && r.out().contains("distrogen: layer app: 4 files, "),
                r.out());
    }

    /**
     * builder nix: nix-collect.sh lists the installed packages' store paths (one output, or
     * several) and /usr/local as the app's; the rest of the store, the closure, stays below.
     */
    @ParameterizedTest
    @MethodSource("dev.distrogen.backend.CollectScriptIT#shells")
    void nixBuilder_thePackagesStorePathsAreTheApp_theirClosureTheLibraries(String shell)
            throws Exception {
        Path bin = Files.createDirectories(temp.resolve("bin"));
        Files.writeString(
                bin.resolve("nix-env"),
                "#!/bin/sh\nprintf '%s\\n' 'nginx-1.26.3  /nix/store/aaa-nginx-1.26.3' "
                        + "'tini-0.19.0  bin=/nix/store/bbb-tini-0.19.0-bin;out=/nix/store/ccc-tini-0.19.0'\n");
        assertTrue(bin.resolve("nix-env").toFile().setExecutable(true));
        CollectScriptIT.Result r =
                sh(
                        shell,
                        "PATH=\"$1:$PATH\"; . \"$DG_DIR/nix-collect.sh\"; DG_NIX_APP=\"$R.app\"; dg_nix_app >\"$DG_NIX_APP\"\n"
                                + "for p in aaa-nginx-1.26.3 bbb-tini-0.19.0-bin ccc-tini-0.19.0 ddd-glibc-2.40 eee-openssl-3.0; do mkdir -p \"$R/nix/store/$p/lib\"; printf x > \"$R/nix/store/$p/lib/f\"; done\n"
                                + "mkdir -p \"$R/usr/local/bin\"; ln -s /nix/store/aaa-nginx-1.26.3/bin/nginx \"$R/usr/local/bin/nginx\"\n"
                                + "cat \"$DG_NIX_APP\"; dg_layers \"$DG_NIX_APP\"",
                        bin.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(
                r.out()
                        .startsWith(
                                "app /nix/store/aaa-nginx-1.26.3\napp /nix/store/bbb-tini-0.19.0-bin\n"
                                        + "app /nix/store/ccc-tini-0.19.0\nmade /usr/local\n"),
                r.out());
        assertEquals(
                Set.of(
                        "/nix/store/aaa-nginx-1.26.3/lib/f",
                        "/nix/store/bbb-tini-0.19.0-bin/lib/f",
                        "/nix/store/ccc-tini-0.19.0/lib/f",
                        "/usr/local/bin/nginx"),
                files(temp.resolve("app")));
        assertEquals(
                Set.of("/nix/store/ddd-glibc-2.40/lib/f", "/nix/store/eee-openssl-3.0/lib/f"),
                files(temp.resolve("libs")));
    }

    /** A path a link in the root leads to stays below: moved, the link would become a folder. */
    /**
     * App paths inside one another, the inner one first (distrogen's own spec: libs ".../bin/java"
     * before files "/usr/lib/jvm/..."): the folder lands where it was, merged with what moved
     * first, not inside it as a folder of the same name.
     */
    @ParameterizedTest
    @MethodSource("dev.distrogen.backend.CollectScriptIT#shells")
    void nestedAppPaths_theInnerFirst_landWhereTheyWere(String shell) throws Exception {
        Path stage = Files.createDirectories(temp.resolve("stage")).toRealPath();
        Path jdk = stage.resolve("opt/jdk");
        Files.writeString(Files.createDirectories(jdk.resolve("bin")).resolve("java"), "java");
        Files.writeString(Files.createDirectories(jdk.resolve("lib")).resolve("libjli.so"), "jli");
        String s = stage.toString();
        Path list = temp.resolve("layers");
        Files.writeString(list, "app " + s + "/opt/jdk/bin/java\napp " + s + "/opt/jdk\n");
        CollectScriptIT.Result r =
                sh(shell, "dg_files \"$1/opt/jdk\"\ndg_layers \"$2\"", s, list.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals(
                Set.of(s + "/opt/jdk/bin/java", s + "/opt/jdk/lib/libjli.so"),
                files(temp.resolve("app")));
        assertEquals(Set.of(), files(temp.resolve("libs")));
    }

    @ParameterizedTest
    @MethodSource("dev.distrogen.backend.CollectScriptIT#shells")
    void aPathBehindALinkInTheRoot_staysWithTheLibraries(String shell) throws Exception {
        Path list = temp.resolve("layers");
        Files.writeString(list, "made /var/run/app\n");
        CollectScriptIT.Result r =
                sh(
                        shell,
                        "mkdir -p \"$R/run/app\" \"$R/var\"; ln -s /run \"$R/var/run\"; printf x > \"$R/run/app/pid\"\n"
                                + "dg_layers \"$1\"",
                        list.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(
                r.out().contains("/var/run/app stays with the libraries: a symbolic link"),
                r.out());
        assertEquals(Set.of("/var/run", "/run/app/pid"), files(temp.resolve("libs")));
        assertEquals(Set.of(), files(temp.resolve("app")));
    }

    /** The list is data: a path out of the root, or a line of no kind, stops the build. */
    @ParameterizedTest
    @MethodSource("dev.distrogen.backend.CollectScriptIT#shells")
    void aListLineOutOfTheRoot_orOfNoKind_stopsTheBuild_movingNothing(String shell)
            throws Exception {
        Files.writeString(temp.resolve("outside"), "keep");
        for (String line :
                List.of(
                        "config /etc/../../outside",
                        "made /./outside",
                        "app relative/path",
                        "$(touch pwned) /etc/passwd")) {
            Path list = temp.resolve("layers");
            Files.writeString(list, "made /etc/passwd\n" + line + "\n");
            CollectScriptIT.Result r =
                    sh(
                            shell,
                            "rm -rf \"$R\" \"${R%/*}/libs\" \"${R%/*}/app\" \"${R%/*}/conf\"; mkdir -p \"$R/etc\"; printf p > \"$R/etc/passwd\"; dg_layers \"$1\"",
                            list.toString());
            assertEquals(1, r.exit(), line);
            assertTrue(
                    r.err().contains("not a line of a list of layers: ")
                            || r.err().contains("not a path in the image: "),
                    r.err());
            assertTrue(Files.isRegularFile(temp.resolve("root/etc/passwd")), "nothing moved");
            assertEquals("keep", Files.readString(temp.resolve("outside")));
            assertFalse(Files.exists(temp.resolve("pwned")));
        }
    }

    /** The split runs once, last: a second run finds its folders and stops. */
    @ParameterizedTest
    @MethodSource("dev.distrogen.backend.CollectScriptIT#shells")
    void aSecondRun_stops_namingTheFolder(String shell) throws Exception {
        Path list = temp.resolve("layers");
        Files.writeString(list, "");
        CollectScriptIT.Result r =
                sh(
                        shell,
                        "mkdir -p \"$R\"; dg_layers \"$1\"; mkdir -p \"$R\"; dg_layers \"$1\"",
                        list.toString());
        assertEquals(1, r.exit());
        assertTrue(
                r.err()
                        .contains(
                                ":"
                                        + CollectScriptIT.line("layers.sh", "dg_die layers-twice ")
                                        + ": "
                                        + temp.resolve("libs")
                                        + " exists already: layers.sh runs once, last"),
                r.err());
        assertTrue(
                Files.isDirectory(temp.resolve("libs"))
                        && Files.isDirectory(temp.resolve("app"))
                        && Files.isDirectory(temp.resolve("conf")),
                "an empty root gives three folders, empty ones copied as empty layers");
    }

    /** Every path under {@code layer} that is not a folder (links included), as in the image. */
    private static Set<String> files(Path layer) throws IOException {
        try (Stream<Path> all = Files.walk(layer)) {
            Set<String> found = new TreeSet<>();
            all.filter(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                    .forEach(p -> found.add("/" + layer.relativize(p)));
            return found;
        }
    }

    private static String mode(Path path) throws IOException {
        return String.format(
                "%o",
                (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 07777);
    }
}
