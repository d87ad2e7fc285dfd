package dev.distrogen.diagnostic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SuggestionsTest {

    @Test
    void closest_findsTyposSwapsAndCase() {
        List<String> keywords =
                List.of("binary", "args", "libs", "files", "env", "stop", "workdir");
        assertEquals(Optional.of("binary"), Suggestions.closest("bianry", keywords));
        assertEquals(Optional.of("binary"), Suggestions.closest("BINARY", keywords));
        assertEquals(Optional.of("workdir"), Suggestions.closest("workdri", keywords));
        assertEquals(Optional.of("args"), Suggestions.closest("arg", keywords));
    }

    @Test
    void closest_suggestsNothingForUnrelatedWords() {
        assertEquals(
                Optional.empty(),
                Suggestions.closest("healthcheck", List.of("binary", "args", "stop")));
        assertEquals(Optional.empty(), Suggestions.closest("x", List.of("image")));
    }

    @Test
    void distance_countsATranspositionAsOneEdit() {
        assertEquals(1, Suggestions.distance("form", "from"));
        assertEquals(0, Suggestions.distance("nix", "nix"));
        assertEquals(3, Suggestions.distance("", "abc"));
    }
}
