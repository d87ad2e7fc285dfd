package dev.distrogen.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** apt's two source formats, as Debian images ship them, to the Packages indexes apt reads. */
class AptSourceTest {

    @Test
    void deb822_asDebian12ImagesShipIt_oneSourcePerUriAndSuite_disabledAndDebSrcSkipped() {
        String text =
                """
                # the image's /etc/apt/sources.list.d/debian.sources
                Types: deb
                URIs: http://mirror.test/debian
                Suites: bookworm bookworm-updates
                Components: main contrib
                Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

                Types: deb-src
                URIs: http://mirror.test/debian
                Suites: bookworm

                types: deb
                uris: http://mirror.test/debian-security/
                suites: bookworm-security
                components: main
                architectures: arm64
                Signed-By:
                 -----BEGIN PGP PUBLIC KEY BLOCK-----
                 .
                 mQINBGPL
                 -----END PGP PUBLIC KEY BLOCK-----

                Types: deb
                URIs: http://mirror.test/off
                Suites: x
                Components: main
                Enabled: no
                """;
        List<AptSource> sources = AptSource.fromDeb822(text);
        assertEquals(
                List.of(
                        new AptSource(
                                "http://mirror.test/debian",
                                "bookworm",
                                List.of("main", "contrib"),
                                List.of()),
                        new AptSource(
                                "http://mirror.test/debian",
                                "bookworm-updates",
                                List.of("main", "contrib"),
                                List.of()),
                        new AptSource(
                                "http://mirror.test/debian-security",
                                "bookworm-security",
                                List.of("main"),
                                List.of("arm64"))),
                sources);
        assertEquals(
                List.of(
                        "http://mirror.test/debian/dists/bookworm/main/binary-amd64/Packages",
                        "http://mirror.test/debian/dists/bookworm/contrib/binary-amd64/Packages"),
                sources.get(0).indexes("amd64"));
        assertTrue(sources.get(0).serves("amd64"));
        assertFalse(sources.get(2).serves("amd64"), "arch-limited");
    }

    @Test
    void oneLine_withOptionsAndComments_andAFlatRepository() {
        String text =
                """
                # deb http://mirror.test/commented bookworm main
                deb [arch=amd64,arm64 trusted=yes] http://mirror.test/debian bookworm main # tail
                deb-src http://mirror.test/debian bookworm main

                deb http://127.0.0.1:8080/flat ./
                """;
        List<AptSource> sources = AptSource.fromOneLine(text);
        assertEquals(
                List.of(
                        new AptSource(
                                "http://mirror.test/debian",
                                "bookworm",
                                List.of("main"),
                                List.of("amd64", "arm64")),
                        new AptSource("http://127.0.0.1:8080/flat", "./", List.of(), List.of())),
                sources);
        assertEquals(
                List.of("http://127.0.0.1:8080/flat/./Packages"), sources.get(1).indexes("amd64"));
    }
}
