package fr.catalyse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** HTTP calls to the running application, as a given user (HTTP Basic) or anonymously. */
public final class RestCalls {

    public static final String ADMIN = "admin";

    public static final String ADMIN_PASSWORD = "Operateur-Test-2026";

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final HttpClient CLIENT = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private final String baseUrl;

    private final String authorization;

    private final Map<String, String> headers;

    RestCalls(String baseUrl) {
        this(baseUrl, null, Map.of());
    }

    /**
     * Anonymous calls to an application started outside {@link IntegrationTestSupport}'s
     * context shape.
     */
    public static RestCalls to(String baseUrl) {
        return new RestCalls(baseUrl);
    }

    private RestCalls(String baseUrl, String authorization, Map<String, String> headers) {
        this.baseUrl = baseUrl;
        this.authorization = authorization;
        this.headers = headers;
    }

    /**
     * Calls as this user, with the test password (the operator's own for
     * {@value #ADMIN}).
     */
    public RestCalls as(String userId) {
        return as(userId, ADMIN.equals(userId) ? ADMIN_PASSWORD : IntegrationTestSupport.PASSWORD);
    }

    public RestCalls as(String userId, String password) {
        String token = Base64.getEncoder().encodeToString((userId + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new RestCalls(baseUrl, "Basic " + token, headers);
    }

    /**
     * Calls as a browser would from a page of that origin, e.g. another site's (cached
     * Basic credentials included).
     */
    public RestCalls from(String origin) {
        Map<String, String> withOrigin = new LinkedHashMap<>(headers);
        withOrigin.put("Origin", origin);
        return new RestCalls(baseUrl, authorization, withOrigin);
    }

    /** Its own address, e.g. http://localhost:8080. */
    public String origin() {
        return baseUrl;
    }

    public Response get(String path) {
        return send(request(path).GET());
    }

    public Response post(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json(body))));
    }

    public Response put(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json(body))));
    }

    public Response delete(String path) {
        return send(request(path).DELETE());
    }

    /**
     * Sends a prepared request with this caller's credentials, e.g. a multipart upload.
     */
    public Response send(String path, String contentType, HttpRequest.BodyPublisher body) {
        return send(request(path).header("Content-Type", contentType).POST(body));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path))
            .header("Accept", "application/json");
        headers.forEach(builder::header);
        return authorization == null ? builder : builder.header("Authorization", authorization);
    }

    private static Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(),
                    response.headers().firstValue("Location").orElse(null));
        }
        catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
        catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    private static String json(Object body) {
        try {
            return body instanceof String text ? text : JSON.writeValueAsString(body);
        }
        catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    /** Status, body and redirect target of a response. */
    public record Response(int status, String body, String location) {

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            }
            catch (IOException notJson) {
                throw new IllegalStateException("Réponse non JSON (" + status + ") : " + body, notJson);
            }
        }

        @Override
        public String toString() {
            return status + " " + (body.length() > 300 ? body.substring(0, 300) + "…" : body);
        }
    }

}
