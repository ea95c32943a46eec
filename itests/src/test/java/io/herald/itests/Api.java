package io.herald.itests;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Herald's REST API over real HTTP, for integration tests. Immutable: {@link #withHeader} and {@link #withBearer}
 * return a new {@code Api} that shares this one's cookie jar, {@link #newSession()} one with an empty jar.
 *
 * <pre>{@code
 * Api.Response created = api.post("/api/v1/workspaces", Map.of("name", "Acme")).expect(201);
 * String id = created.text("/id");
 * api.withBearer(token).get("/api/v1/workspaces/" + id).expect(200);
 * api.post("/api/v1/workspaces", "{ not json").expectProblem(400);
 * }</pre>
 *
 * A body is sent as JSON: a {@code String} verbatim (so malformed JSON can be sent), a {@code byte[]} as is, anything
 * else serialized by Jackson. Redirects are not followed, so tests see the real status.
 */
public final class Api {

    /** Jackson, configured as plainly as possible: tests compare what the server really wrote. */
    public static final ObjectMapper JSON = new ObjectMapper();

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final URI base;
    private final HttpClient client;
    private final Map<String, String> headers;

    private Api(URI base, HttpClient client, Map<String, String> headers) {
        this.base = base;
        this.client = client;
        this.headers = Map.copyOf(headers);
    }

    /** An API client for {@code http://host:port}, with its own cookie jar. */
    public static Api at(String baseUrl) {
        return new Api(URI.create(baseUrl.replaceAll("/+$", "")), newClient(), Map.of());
    }

    private static HttpClient newClient() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1) // plain http: no "Upgrade: h2c" probing
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .build();
    }

    /** The same API with one more header on every request (a later call with the same name replaces it). */
    public Api withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Api(base, client, more);
    }

    public Api withBearer(String token) {
        return withHeader("Authorization", "Bearer " + token);
    }

    /** The same API and headers with an empty cookie jar: another browser, another user. */
    public Api newSession() {
        return new Api(base, newClient(), headers);
    }

    public URI uri(String path) {
        return URI.create(base + (path.startsWith("/") ? path : "/" + path));
    }

    public Response get(String path) {
        return send("GET", path, null, Map.of());
    }

    public Response get(String path, Map<String, String> headers) {
        return send("GET", path, null, headers);
    }

    public Response post(String path, Object body) {
        return send("POST", path, body, Map.of());
    }

    public Response post(String path, Object body, Map<String, String> headers) {
        return send("POST", path, body, headers);
    }

    public Response put(String path, Object body) {
        return send("PUT", path, body, Map.of());
    }

    public Response put(String path, Object body, Map<String, String> headers) {
        return send("PUT", path, body, headers);
    }

    public Response patch(String path, Object body) {
        return send("PATCH", path, body, Map.of());
    }

    public Response patch(String path, Object body, Map<String, String> headers) {
        return send("PATCH", path, body, headers);
    }

    public Response delete(String path) {
        return send("DELETE", path, null, Map.of());
    }

    public Response delete(String path, Map<String, String> headers) {
        return send("DELETE", path, null, headers);
    }

    /** Any method; {@code body} may be null. Request headers override this Api's headers of the same name. */
    public Response send(String method, String path, Object body, Map<String, String> requestHeaders) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.putAll(requestHeaders);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(REQUEST_TIMEOUT);
        if (body != null && all.keySet().stream().noneMatch("Content-Type"::equalsIgnoreCase)) {
            all.put("Content-Type", "application/json");
        }
        all.forEach(request::header);
        request.method(method, publisher(body));
        try {
            var response = client.send(request.build(), BodyHandlers.ofString());
            return new Response(method, response.uri(), response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new AssertionError(method + " " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(method + " " + path + " interrupted", e);
        }
    }

    /**
     * GETs {@code path} until it answers {@code status} (endpoints come and go with bundles and start-up), and
     * returns that response; fails with the last response after {@code timeout}.
     */
    public Response await(String path, int status, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        while (true) {
            try {
                Response response = get(path);
                if (response.status() == status) {
                    return response;
                }
                last = response.toString();
            } catch (AssertionError e) {
                last = e.getMessage(); // connection refused while the HTTP service starts
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("GET " + path + " did not answer " + status + " within " + timeout
                        + "; last: " + last);
            }
            sleep(250);
        }
    }

    private static BodyPublisher publisher(Object body) {
        if (body == null) {
            return BodyPublishers.noBody();
        }
        if (body instanceof String text) {
            return BodyPublishers.ofString(text);
        }
        if (body instanceof byte[] bytes) {
            return BodyPublishers.ofByteArray(bytes);
        }
        try {
            return BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + body.getClass() + " as JSON", e);
        }
    }

    /** {@code headers("If-Match", "3", "Idempotency-Key", "k1")}: header names and values, in pairs. */
    public static Map<String, String> headers(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("headers come in name/value pairs");
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return map;
    }

    /** A JSON object built from keys and values in pairs, for bodies: {@code json("name", "Acme", "seats", 3)}. */
    public static ObjectNode json(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("keys and values come in pairs");
        }
        ObjectNode node = JSON.createObjectNode();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            node.set(String.valueOf(keysAndValues[i]), JSON.valueToTree(keysAndValues[i + 1]));
        }
        return node;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** One HTTP exchange. The {@code expect…} methods return this response, so calls chain. */
    public record Response(String method, URI uri, int status, HttpHeaders headers, String body) {

        /** The body as JSON; fails (showing the body) when it is not JSON. */
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (JsonProcessingException e) {
                throw new AssertionError("not JSON: " + this, e);
            }
        }

        /** The body as a {@code type} (a record or a class Jackson can build). */
        public <T> T as(Class<T> type) {
            try {
                return JSON.readValue(body, type);
            } catch (JsonProcessingException e) {
                throw new AssertionError("cannot read " + type.getSimpleName() + " from " + this, e);
            }
        }

        /** The text at a JSON pointer, {@code text("/migrations/0/changelog")}; null when absent. */
        public String text(String jsonPointer) {
            JsonNode node = json().at(jsonPointer);
            return node.isMissingNode() || node.isNull() ? null : node.asText();
        }

        /** A header's first value, or null. */
        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        /** The media type without parameters, lower case ({@code text/html}), or null. */
        public String mediaType() {
            String type = header("Content-Type");
            return type == null ? null : type.split(";")[0].trim().toLowerCase(java.util.Locale.ROOT);
        }

        /** Fails, showing the whole exchange, unless the status is {@code expected}. */
        public Response expect(int expected) {
            if (status != expected) {
                throw new AssertionError("expected " + expected + " but was " + this);
            }
            return this;
        }

        /**
         * Fails unless this is an RFC 9457 problem with {@code expected} status: media type
         * {@code application/problem+json}, and a body whose {@code status} matches and which has a {@code title}.
         */
        public Response expectProblem(int expected) {
            expect(expected);
            if (!"application/problem+json".equals(mediaType())) {
                throw new AssertionError("expected application/problem+json but was " + this);
            }
            JsonNode problem = json();
            if (problem.path("status").asInt() != expected || problem.path("title").asText("").isBlank()) {
                throw new AssertionError("expected a problem with status " + expected + " and a title: " + this);
            }
            return this;
        }

        @Override
        public String toString() {
            String shown = body == null ? "" : body.length() > 2000 ? body.substring(0, 2000) + "…" : body;
            return method + " " + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                    + " -> " + status + " " + (header("Content-Type") == null ? "" : header("Content-Type"))
                    + "\n" + shown;
        }
    }
}
