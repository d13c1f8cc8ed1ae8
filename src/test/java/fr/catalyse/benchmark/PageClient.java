package fr.catalyse.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * GETs a page's data as its callers do, keeping the connection open between requests: a
 * script with HTTP Basic on /api, or a browser signed in to Cockpit (session cookie and
 * the webapps' CSRF token) on the plugin's resources. Reads the whole body as bytes (what
 * the server sends, not the client's parsing) and fails on anything but 200: a benchmark
 * of refusals would measure nothing.
 */
final class PageClient {

    private final String base;

    private final HttpClient client;

    private final String authorization;

    private String csrfToken;

    private PageClient(String base, HttpClient client, String authorization) {
        this.base = base;
        this.client = client;
        this.authorization = authorization;
    }

    static PageClient basic(int port, String user, String password) {
        return new PageClient("http://localhost:" + port, HttpClient.newHttpClient(), "Basic "
                + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    /** Signs in to Cockpit as its login screen does. */
    static PageClient cockpit(int port, String user, String password) {
        CookieManager cookies = new CookieManager();
        PageClient browser = new PageClient("http://localhost:" + port,
                HttpClient.newBuilder().cookieHandler(cookies).build(), null);
        browser.send(browser.request("/camunda/app/cockpit/default/").GET());
        browser.csrfToken = cookies.getCookieStore()
            .getCookies()
            .stream()
            .filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
            .map(HttpCookie::getValue)
            .findFirst()
            .orElse(browser.csrfToken);
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        browser.send(browser.request("/camunda/api/admin/auth/user/default/login/cockpit")
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form)));
        // The signed-in session gets its own token with its first read.
        browser.get("/camunda/api/admin/auth/user/default");
        return browser;
    }

    /** The body of a 200 answer. */
    byte[] get(String path) {
        return send(request(path).header("Accept", "application/json").GET());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Origin", base);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (csrfToken != null) {
            request.header("X-XSRF-TOKEN", csrfToken);
        }
        return request;
    }

    private byte[] send(HttpRequest.Builder request) {
        try {
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            response.headers()
                .firstValue("X-XSRF-TOKEN")
                .filter(token -> !token.equals("Required"))
                .ifPresent(token -> csrfToken = token);
            if (response.statusCode() != 200) {
                throw new IllegalStateException(
                        response.statusCode() + " pour " + response.request().uri() + " : " + new String(
                                response.body(), 0, Math.min(300, response.body().length), StandardCharsets.UTF_8));
            }
            return response.body();
        }
        catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
        catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

}
