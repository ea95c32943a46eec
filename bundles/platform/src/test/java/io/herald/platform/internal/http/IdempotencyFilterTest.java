package io.herald.platform.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.herald.platform.api.Caller;
import io.herald.platform.api.Problem;
import io.herald.platform.api.Role;
import io.herald.platform.internal.JacksonJson;
import io.herald.platform.testing.ComponentsTest;
import io.herald.platform.testing.TestDatabase;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Idempotency-Key on POST, against a real database, with the request seen through small JAX-RS fakes. */
class IdempotencyFilterTest extends ComponentsTest {

    private static final Caller ADA = new Caller("ada", null, "s1", false, "ws1", Role.EDITOR, Set.of());
    private static final Caller BOB = new Caller("bob", null, "s2", false, "ws1", Role.EDITOR, Set.of());

    /** One request as the filter sees it: headers, body, properties and whether the filter aborted it. */
    static final class Request {
        final String method;
        final String path;
        final Map<String, String> headers = new HashMap<>();
        final Map<String, Object> properties = new HashMap<>();
        InputStream body;
        Response abortedWith;

        Request(String method, String path, String key, String body, Caller caller) {
            this.method = method;
            this.path = path;
            if (key != null) {
                headers.put(IdempotencyFilter.HEADER, key);
            }
            this.body = body == null ? null : new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8));
            if (caller != null) {
                properties.put(Caller.PROPERTY, caller);
            }
        }

        ContainerRequestContext context() {
            UriInfo uri = (UriInfo) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {UriInfo.class},
                    (proxy, m, args) -> {
                        if (m.getName().equals("getPath") && (args == null || args.length == 0)) {
                            return path;
                        }
                        throw new UnsupportedOperationException(m.toString());
                    });
            return (ContainerRequestContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {ContainerRequestContext.class}, (proxy, m, args) -> switch (m.getName()) {
                        case "getMethod" -> method;
                        case "getHeaderString" -> headers.get((String) args[0]);
                        case "hasEntity" -> body != null;
                        case "getEntityStream" -> body;
                        case "setEntityStream" -> {
                            body = (InputStream) args[0];
                            yield null;
                        }
                        case "getProperty" -> properties.get((String) args[0]);
                        case "setProperty" -> {
                            properties.put((String) args[0], args[1]);
                            yield null;
                        }
                        case "getUriInfo" -> uri;
                        case "abortWith" -> {
                            abortedWith = (Response) args[0];
                            yield null;
                        }
                        default -> throw new UnsupportedOperationException(m.toString());
                    });
        }

        /** What the resource reads after the filter: the body must still be there. */
        String bodyAsResourceSeesIt() throws Exception {
            return body == null ? null : new String(body.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static ContainerResponseContext response(int status, Object entity, MediaType type) {
        return (ContainerResponseContext) Proxy.newProxyInstance(IdempotencyFilterTest.class.getClassLoader(),
                new Class<?>[] {ContainerResponseContext.class}, (proxy, m, args) -> switch (m.getName()) {
                    case "getStatus" -> status;
                    case "getEntity" -> entity;
                    case "getMediaType" -> type;
                    default -> throw new UnsupportedOperationException(m.toString());
                });
    }

    private IdempotencyFilter filter(TestDatabase database) {
        IdempotencyFilter filter = new IdempotencyFilter(database, new JacksonJson(), null);
        onTearDown(filter::deactivate);
        return filter;
    }

    record Created(String id, String email) {
    }

    /** Runs a POST through the filter, and when it is not aborted through the "resource" and the response filter. */
    private static Response post(IdempotencyFilter filter, Request request, int status, Object entity,
                                 int[] resourceRuns) throws Exception {
        ContainerRequestContext context = request.context();
        filter.filter(context);
        if (request.abortedWith != null) {
            return request.abortedWith;
        }
        resourceRuns[0]++;
        assertNotNull(request.bodyAsResourceSeesIt(), "the filter leaves the body readable");
        filter.filter(context, response(status, entity, MediaType.APPLICATION_JSON_TYPE));
        return null;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aRetryWithTheSameKeyAndBodyReplaysTheFirstResponse(TestDatabase.Kind kind) throws Exception {
        TestDatabase database = database(kind);
        IdempotencyFilter filter = filter(database);
        int[] runs = {0};
        String body = "{\"email\":\"ada@example.com\"}";

        Request first = new Request("POST", "workspaces/ws1/contacts", "key-1", body, ADA);
        assertNull(post(filter, first, 201, new Created("c1", "ada@example.com"), runs));

        Request retry = new Request("POST", "workspaces/ws1/contacts", "key-1", body, ADA);
        Response replay = post(filter, retry, 201, new Created("c2", "ada@example.com"), runs);
        assertEquals(1, runs[0], "the resource ran once");
        assertNotNull(replay, "the retry is answered from the record");
        assertEquals(201, replay.getStatus());
        assertEquals("{\"id\":\"c1\",\"email\":\"ada@example.com\"}", replay.getEntity(), "the first response, byte for byte");
        assertEquals("true", replay.getHeaderString("Idempotent-Replayed"));
        assertEquals(MediaType.APPLICATION_JSON_TYPE.toString(), replay.getMediaType().toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void theSameKeyWithAnotherBodyIsRefused(TestDatabase.Kind kind) throws Exception {
        TestDatabase database = database(kind);
        IdempotencyFilter filter = filter(database);
        int[] runs = {0};
        post(filter, new Request("POST", "contacts", "key-2", "{\"email\":\"a@example.com\"}", ADA), 201, "{}", runs);

        Problem problem = assertThrows(Problem.class, () -> post(filter,
                new Request("POST", "contacts", "key-2", "{\"email\":\"other@example.com\"}", ADA), 201, "{}", runs));
        assertEquals(422, problem.status());
        assertEquals(IdempotencyFilter.HEADER, problem.field());
        assertEquals(1, runs[0]);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aRetryWhileTheFirstRequestIsStillRunningIsAConflict(TestDatabase.Kind kind) throws Exception {
        TestDatabase database = database(kind);
        IdempotencyFilter filter = filter(database);
        Request first = new Request("POST", "imports", "key-3", "{}", ADA);
        filter.filter(first.context()); // the resource is still working on it

        Problem problem = assertThrows(Problem.class, () -> filter.filter(new Request("POST", "imports", "key-3", "{}", ADA).context()));
        assertEquals(409, problem.status());

        filter.filter(first.context(), response(202, "{\"job\":\"j1\"}", MediaType.APPLICATION_JSON_TYPE));
        Request retry = new Request("POST", "imports", "key-3", "{}", ADA);
        filter.filter(retry.context());
        assertEquals(202, retry.abortedWith.getStatus(), "once finished, the retry gets the response");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void twoSimultaneousFirstRequestsRunTheResourceOnce(TestDatabase.Kind kind) throws Exception {
        TestDatabase database = database(kind);
        IdempotencyFilter filter = filter(database);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        onTearDown(pool::shutdownNow);
        java.util.List<Future<Integer>> outcomes = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Callable<Integer> attempt = () -> {
                Request request = new Request("POST", "sends", "key-race", "{}", ADA);
                try {
                    filter.filter(request.context());
                    return request.abortedWith == null ? 0 : request.abortedWith.getStatus();
                } catch (Problem problem) {
                    return problem.status();
                }
            };
            outcomes.add(pool.submit(attempt));
        }
        int ran = 0;
        for (Future<Integer> outcome : outcomes) {
            int status = outcome.get();
            if (status == 0) {
                ran++;
            } else {
                assertEquals(409, status, "the others are told it is in progress");
            }
        }
        assertEquals(1, ran, "exactly one request reaches the resource");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void serverErrorsAreNotKeptSoTheClientMayRetry(TestDatabase.Kind kind) throws Exception {
        TestDatabase database = database(kind);
        IdempotencyFilter filter = filter(database);
        int[] runs = {0};
        assertNull(post(filter, new Request("POST", "sends", "key-4", "{}", ADA), 503, "{}", runs));
        assertNull(post(filter, new Request("POST", "sends", "key-4", "{}", ADA), 201, "{\"ok\":true}", runs),
                "after a 503 the retry runs");
        assertEquals(2, runs[0]);
        Response replay = post(filter, new Request("POST", "sends", "key-4", "{}", ADA), 201, "{}", runs);
        assertEquals(201, replay.getStatus());
        assertEquals("{\"ok\":true}", replay.getEntity());
        assertEquals(2, runs[0]);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void keysAreScopedToTheCallerAndThePath(TestDatabase.Kind kind) throws Exception {
        TestDatabase database = database(kind);
        IdempotencyFilter filter = filter(database);
        int[] runs = {0};
        assertNull(post(filter, new Request("POST", "contacts", "same", "{}", ADA), 201, "{}", runs));
        assertNull(post(filter, new Request("POST", "contacts", "same", "{}", BOB), 201, "{}", runs), "another caller");
        assertNull(post(filter, new Request("POST", "segments", "same", "{}", ADA), 201, "{}", runs), "another path");
        assertEquals(3, runs[0]);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void onlyPostWithAKeyIsAffectedAndKeysAreBounded(TestDatabase.Kind kind) throws Exception {
        TestDatabase database = database(kind);
        IdempotencyFilter filter = filter(database);
        Request get = new Request("GET", "contacts", "key-5", null, ADA);
        filter.filter(get.context());
        filter.filter(new Request("POST", "contacts", null, "{}", ADA).context());
        assertEquals(0, database.count("SELECT count(*) FROM idempotency_record"));

        for (String bad : new String[] {" ", "k".repeat(201)}) {
            Problem problem = assertThrows(Problem.class, () -> filter.filter(new Request("POST", "c", bad, "{}", ADA).context()));
            assertEquals(400, problem.status());
            assertEquals(IdempotencyFilter.HEADER, problem.field());
        }
        filter.filter(new Request("POST", "c", "k".repeat(200), "{}", ADA).context());
        assertEquals(1, database.count("SELECT count(*) FROM idempotency_record"));
    }

    @Test
    void theBodyHashCoversEveryByte() {
        byte[] a = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
        byte[] b = "{\"a\":2}".getBytes(StandardCharsets.UTF_8);
        assertEquals(IdempotencyFilter.hash(a), IdempotencyFilter.hash(a.clone()));
        assertNotEquals(IdempotencyFilter.hash(a), IdempotencyFilter.hash(b));
        assertEquals(64, IdempotencyFilter.hash(new byte[0]).length());
    }
}
