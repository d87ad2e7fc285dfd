package dev.distrogen.diagnostic;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Java reads file names (and the command line) in the charset of the locale it starts in, which it
 * cannot change later: under LANG=C a name such as "café.conf" cannot even be named. The launcher
 * starts Java in a UTF-8 locale; this says so when Java was started otherwise.
 */
public final class FileNameEncoding {

    private FileNameEncoding() {}

    /**
     * "" in a UTF-8 locale; else a sentence, starting with "; ", on why a name may be unreadable.
     */
    public static String hint() {
        String encoding = System.getProperty("sun.jnu.encoding", "UTF-8");
        boolean utf8 =
                Charset.isSupported(encoding)
                        && Charset.forName(encoding).equals(StandardCharsets.UTF_8);
        return utf8
                ? ""
                : "; Java reads file names in the locale's charset, here "
                        + encoding
                        + ": run distrogen with its launcher, or in a UTF-8 locale (LC_ALL=C.UTF-8)";
    }
}
