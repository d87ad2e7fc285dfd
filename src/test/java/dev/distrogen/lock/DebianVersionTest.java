package dev.distrogen.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Debian's version order; each pair was checked with {@code dpkg --compare-versions A lt B} (and
 * {@code eq}) on Debian 12.
 */
class DebianVersionTest {

    @ParameterizedTest(name = "{0} < {1}")
    @CsvSource(
            delimiter = ' ',
            value = {
                "1.0 1.1",
                "1.0~rc1 1.0",
                "1.0 1.0+b1",
                "2.0 1:0.9",
                "1.0-2 1.0-10",
                "2.4 2.30",
                "1.0 1.0a",
                "1.0a 1.0+",
                "1.0~~ 1.0~",
                "1.0~ 1.0",
                "1.0~~a 1.0~",
                "1.2.3 1.2.3.0",
                "2.6.2-5 2.6.2-5+b1",
                "1.0-1~bpo12+1 1.0-1",
                "9.2p1-2+deb12u3 9.2p1-2+deb12u10",
                "1:2.38.1-5+deb12u1 2:1.0",
                "0.19.0-1 0.19.0-1.1"
            })
    void lower_thenHigher(String lower, String higher) {
        assertTrue(DebianVersion.compare(lower, higher) < 0, lower + " < " + higher);
        assertTrue(DebianVersion.compare(higher, lower) > 0, higher + " > " + lower);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(
            delimiter = ' ',
            value = {"0:1.0 1.0", "1.0-0 1.0", "1.0-00 1.0-0", "01.0 1.0"})
    void equal(String a, String b) {
        assertEquals(0, DebianVersion.compare(a, b));
        assertEquals(0, DebianVersion.compare(b, a));
    }

    @Test
    void sortingAList_isDpkgsOrder_notTheStringOrder() {
        List<String> versions =
                new ArrayList<>(List.of("1.0-10", "1.0", "1:0.1", "1.0~rc1", "1.0-2", "1.0+b1"));
        Collections.shuffle(versions, new java.util.Random(7));
        versions.sort(DebianVersion.ORDER);
        assertEquals(List.of("1.0~rc1", "1.0", "1.0-2", "1.0-10", "1.0+b1", "1:0.1"), versions);
    }
}
