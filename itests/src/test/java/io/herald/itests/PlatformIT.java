package io.herald.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;

/** The platform as an operator and a browser see it: health, errors, metrics, the console, hot deploy. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PlatformIT extends HeraldTestSupport {

    private static final String PING = "/api/v1/itest-ping";
    private static final Duration HOT_DEPLOY = Duration.ofSeconds(60);

    @Test
    public void everyHeraldBundleIsActiveWithItsComponentsSatisfied() {
        assertEquals(List.of(), Components.notRunning(bundleContext, scr));
    }

    @Test
    public void healthIsUpWithMigrationsOnTheDatabaseUnderTest() {
        Api.Response response = api.get(HEALTH).expect(200);
        assertEquals("application/json", response.mediaType());
        JsonNode health = response.json();
        assertEquals(response.toString(), "UP", health.path("status").asText());
        assertEquals(response.toString(), "UP", health.path("database").asText());
        assertEquals(response.toString(), database(), health.path("dialect").asText());

        JsonNode migrations = health.path("migrations");
        assertTrue(response.toString(), migrations.isArray() && migrations.size() > 0);
        List<String> changelogs = new ArrayList<>();
        for (JsonNode migration : migrations) {
            assertTrue("failed migration: " + migration, migration.path("ok").asBoolean());
            changelogs.add(migration.path("changelog").asText());
        }
        assertTrue(changelogs.toString(), changelogs.contains("db/platform.xml"));
    }

    @Test
    public void unknownPathsAndMethodsAnswerProblems() {
        JsonNode notFound = api.get("/api/v1/does-not-exist").expectProblem(404).json();
        assertEquals("Not Found", notFound.path("title").asText());
        assertEquals("/api/v1/does-not-exist", notFound.path("instance").asText());

        Api.Response notAllowed = api.delete(HEALTH).expectProblem(405);
        assertEquals("Method Not Allowed", notAllowed.json().path("title").asText());
        assertNotNull(notAllowed.toString(), notAllowed.header("Allow"));
        assertTrue(notAllowed.toString(), notAllowed.header("Allow").contains("GET"));
    }

    @Test
    public void metricsCountRequestsByRouteAndStatus() {
        long before = requestsTotal(api.get("/api/v1/metrics").expect(200).body(), "/api/v1/health", 200);
        api.get(HEALTH).expect(200);
        api.get(HEALTH).expect(200);

        Api.Response metrics = api.get("/api/v1/metrics").expect(200);
        assertEquals("text/plain", metrics.mediaType());
        String text = metrics.body();
        assertTrue(text, text.contains("# TYPE herald_http_requests_total counter"));
        assertTrue(text, text.contains("# TYPE herald_http_request_duration_seconds histogram"));
        assertTrue(text, text.contains("herald_http_request_duration_seconds_bucket{method=\"GET\","
                + "route=\"/api/v1/health\",status=\"200\",le=\"+Inf\"}"));
        assertTrue(text, text.contains("jvm_threads_live "));
        assertEquals(text, before + 2, requestsTotal(text, "/api/v1/health", 200));
    }

    @Test
    public void consoleServesItsAppShellForEveryRoute() {
        Api.Response shell = api.get("/console/").expect(200);
        assertEquals("text/html", shell.mediaType());
        assertTrue(shell.toString(), shell.body().toLowerCase().contains("<html"));

        Api.Response deepLink = api.get("/console/some/deep/link").expect(200);
        assertEquals("text/html", deepLink.mediaType());
        assertEquals("a deep link answers with the app shell", shell.body(), deepLink.body());

        Api.Response bare = api.get("/console").expect(302);
        assertTrue(bare.toString(), bare.header("Location").endsWith("/console/"));
    }

    @Test
    public void aBundleBringsItsEndpointsAndTakesThemAwayWithoutARestart() throws Exception {
        long healthService = healthServiceId();
        api.get(PING).expectProblem(404);

        Bundle bundle = bundleContext.installBundle(sampleBundle().toUri().toString());
        try {
            bundle.start();
            JsonNode pong = api.await(PING, 200, HOT_DEPLOY).json();
            assertTrue(pong.toString(), pong.path("pong").asBoolean());
            api.get(HEALTH).expect(200);

            bundle.stop();
            api.await(PING, 404, HOT_DEPLOY).expectProblem(404);
            api.get(HEALTH).expect(200);

            bundle.start();
            api.await(PING, 200, HOT_DEPLOY);
        } finally {
            bundle.uninstall();
        }
        api.await(PING, 404, HOT_DEPLOY).expectProblem(404);
        api.get(HEALTH).expect(200);
        assertEquals("the platform's resources were never re-registered", healthService, healthServiceId());
    }

    @Test
    public void aJarDroppedIntoDeployIsServedAndGoneWhenDeleted() throws Exception {
        long healthService = healthServiceId();
        Path deployed = Path.of(required("karaf.base"), "deploy", "herald-itest-sample.jar");
        Files.copy(sampleBundle(), deployed, StandardCopyOption.REPLACE_EXISTING);
        try {
            api.await(PING, 200, HOT_DEPLOY);
            api.get(HEALTH).expect(200);
        } finally {
            Files.delete(deployed);
        }
        api.await(PING, 404, HOT_DEPLOY).expectProblem(404);
        api.get(HEALTH).expect(200);
        assertEquals("the platform's resources were never re-registered", healthService, healthServiceId());
        for (Bundle bundle : bundleContext.getBundles()) {
            assertFalse("still installed: " + bundle, "io.herald.itest.sample".equals(bundle.getSymbolicName()));
        }
    }

    private static Path sampleBundle() {
        Path jar = Path.of(required("herald.itest.sampleBundle"));
        assertTrue("missing " + jar + " (module itests/sample-resource)", Files.isRegularFile(jar));
        return jar;
    }

    /** The service id of the health resource: it changes if the platform bundle is restarted or refreshed. */
    private long healthServiceId() throws Exception {
        ServiceReference<?>[] references = bundleContext.getServiceReferences((String) null,
                "(component.name=io.herald.platform.internal.rest.HealthResource)");
        assertNotNull("no health resource service", references);
        assertEquals(1, references.length);
        return (Long) references[0].getProperty("service.id");
    }

    /** The value of {@code herald_http_requests_total} for GET {@code route} and {@code status}, 0 when absent. */
    private static long requestsTotal(String metrics, String route, int status) {
        Matcher matcher = Pattern.compile("^herald_http_requests_total\\{method=\"GET\",route=\""
                + Pattern.quote(route) + "\",status=\"" + status + "\"} (\\d+)$", Pattern.MULTILINE).matcher(metrics);
        return matcher.find() ? Long.parseLong(matcher.group(1)) : 0;
    }
}
