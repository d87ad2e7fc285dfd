package dev.distrogen.lock;

import java.util.Comparator;

/**
 * Debian's version order, as dpkg and apt compare versions ({@code [EPOCH:]UPSTREAM[-REVISION]}):
 * the epoch as a number, then upstream and revision each by dpkg's {@code verrevcmp}, where runs of
 * non-digits compare character by character (letters first, then the other characters, {@code ~}
 * before everything, even the end) and runs of digits compare as numbers. So {@code 1.0~rc1 < 1.0 <
 * 1.0+b1} and {@code 1.0-2 < 1.0-10}.
 */
public final class DebianVersion {

    /** Orders version strings as dpkg --compare-versions does. */
    public static final Comparator<String> ORDER = DebianVersion::compare;

    private DebianVersion() {}

    public static int compare(String a, String b) {
        int byEpoch = Long.compare(epoch(a), epoch(b));
        if (byEpoch != 0) {
            return byEpoch;
        }
        int byUpstream = verrevcmp(upstream(a), upstream(b));
        return byUpstream != 0 ? byUpstream : verrevcmp(revision(a), revision(b));
    }

    private static long epoch(String version) {
        int colon = version.indexOf(':');
        if (colon <= 0) {
            return 0;
        }
        try {
            return Long.parseLong(version.substring(0, colon));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String upstream(String version) {
        String rest = version.substring(version.indexOf(':') + 1);
        int dash = rest.lastIndexOf('-');
        return dash < 0 ? rest : rest.substring(0, dash);
    }

    private static String revision(String version) {
        String rest = version.substring(version.indexOf(':') + 1);
        int dash = rest.lastIndexOf('-');
        return dash < 0 ? "" : rest.substring(dash + 1);
    }

    /** dpkg's weight of a non-digit character: ~ lowest, then the end, letters, the rest. */
    private static int order(String s, int i) {
        if (i >= s.length()) {
            return 0;
        }
        char c = s.charAt(i);
        if (isDigit(c)) {
            return 0;
        }
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) {
            return c;
        }
        if (c == '~') {
            return -1;
        }
        return c + 256;
    }

    private static boolean isDigit(String s, int i) {
        return i < s.length() && isDigit(s.charAt(i));
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** dpkg's lib/dpkg/version.c verrevcmp, over indexes instead of pointers. */
    private static int verrevcmp(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() || j < b.length()) {
            int firstDiff = 0;
            while ((i < a.length() && !isDigit(a, i)) || (j < b.length() && !isDigit(b, j))) {
                int ac = order(a, i);
                int bc = order(b, j);
                if (ac != bc) {
                    return Integer.signum(ac - bc);
                }
                i++;
                j++;
            }
            while (i < a.length() && a.charAt(i) == '0') {
                i++;
            }
            while (j < b.length() && b.charAt(j) == '0') {
                j++;
            }
            while (isDigit(a, i) && isDigit(b, j)) {
                if (firstDiff == 0) {
                    firstDiff = a.charAt(i) - b.charAt(j);
                }
                i++;
                j++;
            }
            if (isDigit(a, i)) {
                return 1;
            }
            if (isDigit(b, j)) {
                return -1;
            }
            if (firstDiff != 0) {
                return Integer.signum(firstDiff);
            }
        }
        return 0;
    }
}
