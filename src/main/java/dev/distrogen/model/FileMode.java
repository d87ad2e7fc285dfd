package dev.distrogen.model;

import java.util.Locale;
import java.util.Optional;

/** Unix permission bits including setuid, setgid and sticky (at most 07777). */
public record FileMode(int bits) {

    public static final FileMode DIRECTORY = new FileMode(0755);
    public static final FileMode FILE = new FileMode(0644);
    public static final FileMode TMP = new FileMode(01777);
    public static final int MAX = 07777;

    public FileMode {
        if (bits < 0 || bits > MAX) {
            throw new IllegalArgumentException("mode out of range: " + Integer.toOctalString(bits));
        }
    }

    /** The mode written as octal digits, if they are octal and at most 07777. */
    public static Optional<FileMode> parseOctal(String digits) {
        if (!isOctal(digits)) {
            return Optional.empty();
        }
        String significant = digits.replaceFirst("^0+(?=.)", "");
        if (significant.length() > 4 || Integer.parseInt(significant, 8) > MAX) {
            return Optional.empty();
        }
        return Optional.of(new FileMode(Integer.parseInt(significant, 8)));
    }

    public static boolean isOctal(String digits) {
        return !digits.isEmpty() && digits.chars().allMatch(c -> c >= '0' && c <= '7');
    }

    public boolean sticky() {
        return (bits & 01000) != 0;
    }

    /** Whether a process in the given class (0 owner, 1 group, 2 others) may create entries. */
    public boolean writableBy(int who) {
        int shift = 6 - 3 * who;
        return ((bits >> shift) & 03) == 03;
    }

    /**
     * Whether a process running as {@code uid}:{@code gid} (no supplementary groups, as in a
     * container) may create entries in a directory of this mode owned by {@code ownerUid}:{@code
     * ownerGid}. As the kernel decides it: exactly one class applies, the owner's if the uid
     * matches, else the group's if the gid matches, else others'; root may always.
     */
    public boolean allowsWrite(long uid, long gid, long ownerUid, long ownerGid) {
        if (uid == 0) {
            return true;
        }
        if (uid == ownerUid) {
            return writableBy(0);
        }
        return gid == ownerGid ? writableBy(1) : writableBy(2);
    }

    /** "0750", "1777". */
    public String octal() {
        return String.format(Locale.ROOT, "%04o", bits);
    }

    /** "drwxr-x---", "drwxrwxrwt", as ls and tree -p show it. */
    public String symbolic(char type) {
        StringBuilder s = new StringBuilder().append(type);
        String rwx = "rwxrwxrwx";
        for (int i = 0; i < 9; i++) {
            s.append((bits & (0400 >> i)) != 0 ? rwx.charAt(i) : '-');
        }
        special(s, 3, 04000, 's');
        special(s, 6, 02000, 's');
        special(s, 9, 01000, 't');
        return s.toString();
    }

    private void special(StringBuilder s, int index, int bit, char letter) {
        if ((bits & bit) != 0) {
            s.setCharAt(index, s.charAt(index) == '-' ? Character.toUpperCase(letter) : letter);
        }
    }
}
