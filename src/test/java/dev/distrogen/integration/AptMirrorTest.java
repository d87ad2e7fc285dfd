package dev.distrogen.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AptMirrorTest {

    @Test
    void deb822_takesTheFirstUriOfADebStanzaWithTheSuite() {
        String sources =
                """
                Types: deb-src
                URIs: http://src.example.invalid/debian
                Suites: bookworm

                Types: deb
                URIs: http://security.example.invalid/debian-security
                Suites: bookworm-security

                Types: deb
                # a comment
                URIs: http://mirror.example.invalid/debian http://second.example.invalid/debian
                Suites: bookworm bookworm-updates
                Components: main
                """;
        assertEquals(
                Optional.of("http://mirror.example.invalid/debian"),
                AptMirror.fromDeb822(sources, "bookworm"));
        assertEquals(Optional.empty(), AptMirror.fromDeb822(sources, "trixie"));
    }

    @Test
    void oneLineFormat_skipsOptionsAndOtherSuites() {
        List<String> lines =
                List.of(
                        "# deb http://old.example.invalid/debian bookworm main",
                        "deb http://security.example.invalid/debian-security bookworm-security main",
                        "deb [arch=amd64 signed-by=/k.gpg] http://mirror.example.invalid/debian bookworm main");
        assertEquals(
                Optional.of("http://mirror.example.invalid/debian"),
                AptMirror.fromOneLine(lines, "bookworm"));
    }
}
