package fr.catalyse;

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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A browser as Catalyse's pages see it: keeps its session cookie, follows no redirect by
 * itself (so tests see them) and sends its own origin with every form it posts, as
 * browsers do.
 */
public final class Browser {

    private final String baseUrl;

    private final CookieManager cookies = new CookieManager();

    private final HttpClient client = HttpClient.newBuilder()
        .cookieHandler(cookies)
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();

    private String csrfToken;

    public Browser(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public static Browser on(int port) {
        return new Browser("http://localhost:" + port);
    }

    /**
     * Its own address, e.g. http://localhost:8080: the Origin of the forms of its pages.
     */
    public String origin() {
        return baseUrl;
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
    }

    /** Submits a form of one of Catalyse's own pages. */
    public HttpResponse<String> post(String path, Map<String, String> form) {
        return post(path, form, Map.of("Origin", baseUrl));
    }

    /** Submits a form with the given headers, e.g. the Origin of another site's page. */
    public HttpResponse<String> post(String path, Map<String, String> form, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(encoded(form)));
        headers.forEach(request::header);
        return send(request);
    }

    /** Sends JSON as the webapps' scripts do, e.g. with their CSRF token. */
    public HttpResponse<String> postJson(String path, String json, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json));
        headers.forEach(request::header);
        return send(request);
    }

    /**
     * Signs in to Tasklist as its login screen does; returns the webapps' CSRF token for
     * later calls.
     */
    public String signInToTasklist(String userId, String password) {
        String csrfToken = get("/camunda/app/tasklist/default/").headers().firstValue("X-XSRF-TOKEN").orElseThrow();
        HttpResponse<String> answer = post("/camunda/api/admin/auth/user/default/login/tasklist",
                Map.of("username", userId, "password", password), Map.of("Origin", baseUrl, "X-XSRF-TOKEN", csrfToken));
        if (answer.statusCode() != 200) {
            throw new AssertionError("Connexion à Tasklist refusée pour " + userId + " : " + answer.statusCode());
        }
        // Signing in renews the session, and the token goes with the session.
        return get("/camunda/app/tasklist/default/").headers().firstValue("X-XSRF-TOKEN").orElse(csrfToken);
    }

    /**
     * Signs in through the login form; fails the test unless it leads on to the page
     * asked for.
     */
    public Browser signIn(String userId, String password) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("identifiant", userId);
        form.put("motDePasse", password);
        form.put("retour", "/preferences");
        HttpResponse<String> answer = post("/connexion", form);
        if (answer.statusCode() != 302
                || !answer.headers().firstValue("Location").orElse("").endsWith("/preferences")) {
            throw new AssertionError(
                    "Connexion refusée pour " + userId + " : " + answer.statusCode() + " " + answer.body());
        }
        return this;
    }

    /**
     * Signs in to one of Camunda's webapps (cockpit, tasklist, admin) as its login screen
     * does: the CSRF token comes with a first page and goes with the login form. Fails
     * the test unless the login succeeds.
     */
    public Browser signInToWebapp(String app, String userId, String password) {
        get("/camunda/app/" + app + "/default/");
        HttpResponse<String> login = post("/camunda/api/admin/auth/user/default/login/" + app,
                Map.of("username", userId, "password", password),
                Map.of("Origin", baseUrl, "X-XSRF-TOKEN", csrfToken()));
        if (login.statusCode() != 200) {
            throw new AssertionError(
                    "Connexion à " + app + " refusée pour " + userId + " : " + login.statusCode() + " " + login.body());
        }
        return this;
    }

    /**
     * Calls the webapps' API ({@code /camunda/api/...}) with the session and its CSRF
     * token, as the webapps' scripts do, e.g. Cockpit deleting a deployment.
     */
    public HttpResponse<String> webappApi(String method, String path, String contentType, byte[] body) {
        // A first read after the login gives the signed-in session its token (header and
        // cookie).
        get("/camunda/api/admin/auth/user/default");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
            .header("Accept", "application/json")
            .header("Origin", baseUrl)
            .header("X-XSRF-TOKEN", csrfToken())
            .method(method,
                    body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request);
    }

    /**
     * The token the webapps last handed out (response header), else the one in their
     * cookie.
     */
    private String csrfToken() {
        if (csrfToken != null) {
            return csrfToken;
        }
        return cookies.getCookieStore()
            .getCookies()
            .stream()
            .filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
            .map(HttpCookie::getValue)
            .findFirst()
            .orElseThrow(() -> new AssertionError("Pas de jeton CSRF des webapps"));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            response.headers()
                .firstValue("X-XSRF-TOKEN")
                .filter(token -> !token.equals("Required"))
                .ifPresent(token -> csrfToken = token);
            return response;
        }
        catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
        catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    private static String encoded(Map<String, String> form) {
        return form.entrySet()
            .stream()
            .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    }

}
