package dev.distrogen.lock;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/** Where package indexes are read from: a repository over HTTP(S), or a test's fixtures. */
@FunctionalInterface
public interface IndexDownloads {

    /**
     * The body at {@code url}, or none when the server says it has no such file (404); any other
     * failure is an IOException that says what happened.
     */
    Optional<InputStream> open(String url) throws IOException;

    /** Over HTTP or HTTPS, following redirects, with the JVM's proxy settings. */
    static IndexDownloads http() {
        HttpClient client =
                HttpClient.newBuilder()
                        .followRedirects(HttpClient.Redirect.NORMAL)
                        .connectTimeout(Duration.ofSeconds(30))
                        .build();
        return url -> {
            URI uri;
            try {
                uri = URI.create(url);
            } catch (IllegalArgumentException e) {
                throw new IOException("not a URL: " + e.getMessage(), e);
            }
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
                throw new IOException(
                        "distrogen reads package indexes over http and https only, not "
                                + uri.getScheme());
            }
            HttpRequest request =
                    HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(5)).GET().build();
            HttpResponse<InputStream> response;
            try {
                response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            } catch (IllegalArgumentException e) {
                throw new IOException("not a URL to fetch: " + e.getMessage(), e);
            }
            if (response.statusCode() == 404 || response.statusCode() == 410) {
                response.body().close();
                return Optional.empty();
            }
            if (response.statusCode() != 200) {
                response.body().close();
                throw new IOException("HTTP " + response.statusCode());
            }
            return Optional.of(response.body());
        };
    }
}
