package dev.distrogen.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The one rule for spec strings on a terminal or a page: one character for one, nothing hidden. */
class DisplayTextTest {

    @Test
    void line_showsControlsAsSymbols_andHidesReorderingAndLineBreaks() {
        assertEquals("safe\ufffdtxt.exe", DisplayText.line("safe\u202etxt.exe"));
        assertEquals("a\u240ab\u241b[2J\u2421\tc", DisplayText.line("a\nb\u001b[2J\u007f\tc"));
        assertEquals(
                "\ufffd\ufffd\ufffd\ufffd\ufffd\ufffd",
                DisplayText.line("\u0085\u2028\u2029\u2066\u2069\u200f"));
        assertEquals(
                "é ✓ 👩\u200d💻 عربي",
                DisplayText.line("é ✓ 👩\u200d💻 عربي"),
                "text and joiners stay");
    }

    @Test
    void lines_keepsLineFeeds_only() {
        assertEquals("a\nb\u240d\n\ufffd", DisplayText.lines("a\nb\r\n\u2028"));
    }
}
