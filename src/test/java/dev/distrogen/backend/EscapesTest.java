package dev.distrogen.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.distrogen.backend.escape.DockerfileText;
import dev.distrogen.backend.escape.NixStrings;
import org.junit.jupiter.api.Test;

/** The escaping functions' own rules; EscapeRoundTripIT reads their output back with sh and Nix. */
class EscapesTest {

    @Test
    void nixIndented_refusesTextWhoseOwnIndentationNixWouldStrip() {
        assertEquals(false, NixStrings.fitsIndented("  all\n  indented\n"));
        assertEquals(true, NixStrings.fitsIndented("one\n  indented\n"));
        assertEquals(false, NixStrings.fitsIndented("no final line break"));
        assertEquals("./nginx.conf", NixStrings.relativePath("nginx.conf"));
        assertEquals("(./. + \"/from \\${x}.conf\")", NixStrings.relativePath("from ${x}.conf"));
    }

    @Test
    void dockerfileText_escapesWhatBuildersReplace() {
        assertEquals(
                "\"a \\$b \\${c} \\\"q\\\" \\\\ `id`\"",
                DockerfileText.quotedValue("a $b ${c} \"q\" \\ `id`"));
        assertEquals("\"/etc/a \\\\$x.conf\"", DockerfileText.copyPath("/etc/a $x.conf"));
        assertEquals("/srv/w \\${HOME}", DockerfileText.workdir("/srv/w ${HOME}"));
        assertThrows(
                IllegalArgumentException.class, () -> DockerfileText.quotedValue("line\nbreak"));
        assertThrows(IllegalArgumentException.class, () -> DockerfileText.copyPath("/etc/it's"));
    }
}
