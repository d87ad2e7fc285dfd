package dev.distrogen.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The image's apt sources choose the URLs: only http and https are fetched, never a local file. */
class IndexDownloadsTest {

    @Test
    void onlyHttpAndHttps_areFetched() {
        IndexDownloads http = IndexDownloads.http();
        assertEquals(
                "distrogen reads package indexes over http and https only, not file",
                assertThrows(IOException.class, () -> http.open("file:///etc/passwd"))
                        .getMessage());
        assertEquals(
                "distrogen reads package indexes over http and https only, not mirror+http",
                assertThrows(
                                IOException.class,
                                () -> http.open("mirror+http://127.0.0.1:9/mirrors.txt"))
                        .getMessage());
        assertThrows(IOException.class, () -> http.open("http://127.0.0.1:9/a b"));
    }
}
