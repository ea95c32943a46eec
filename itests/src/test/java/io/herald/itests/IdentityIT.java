package io.herald.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.platform.api.Database;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.inject.Inject;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Identity and tenancy as users meet them over HTTP: sign-up, sign-in, sessions, API keys, roles, invitations,
 * isolation between workspaces, and bad input answered with the right problem and nothing written.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class IdentityIT extends HeraldTestSupport {

    private static final String PASSWORD = "correct horse battery";

    @Inject
    protected Database database;

    @Inject
    protected SessionFactory shell;

    /** A signed-up user: token, ids, and an {@link Api} that sends the token. */
    private record User(String email, String token, String userId, String workspaceId, Api api) {
    }

    private static String email(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    private User signup(String name) {
        String email = email(name);
        JsonNode body = api.newSession().post("/api/v1/auth/signup", Api.json("email", email, "password", PASSWORD,
                "name", name, "workspace", name + "'s workspace")).expect(201).json();
        String token = body.path("token").asText();
        return new User(email, token, body.path("user").path("id").asText(),
                body.path("workspace").path("id").asText(), api.newSession().withBearer(token));
    }

    @Test
    public void signUpSignInAndSignOut() {
        String email = email("ann");
        Api browser = api.newSession();
        Api.Response signup = browser.post("/api/v1/auth/signup", Api.json("email", email.toUpperCase(),
                "password", PASSWORD, "name", "Ann", "workspace", "Ann Co")).expect(201);
        JsonNode created = signup.json();
        assertTrue(created.path("token").asText().startsWith("hs_"));
        assertEquals(email, created.path("user").path("email").asText());
        assertEquals("owner", created.path("workspace").path("role").asText());
        String cookies = String.join("\n", signup.headers().allValues("set-cookie"));
        assertTrue(cookies, cookies.contains("herald_session=") && cookies.contains("HttpOnly")
                && cookies.contains("SameSite=Lax"));

        String first = created.path("token").asText();
        JsonNode me = api.newSession().withBearer(first).get("/api/v1/me").expect(200).json();
        assertEquals(email, me.path("user").path("email").asText());
        assertEquals("Ann Co", me.path("workspaces").get(0).path("name").asText());

        String second = api.newSession().post("/api/v1/auth/login", Api.json("email", email, "password", PASSWORD))
                .expect(200).text("/token");
        assertNotEquals(first, second);
        api.newSession().withBearer(second).post("/api/v1/auth/logout", null).expect(204);
        api.newSession().withBearer(second).get("/api/v1/me").expectProblem(401);
        api.newSession().withBearer(first).get("/api/v1/me").expect(200);

        api.newSession().withBearer(first).post("/api/v1/auth/logout-all", null).expect(204);
        api.newSession().withBearer(first).get("/api/v1/me").expectProblem(401);
        api.newSession().get("/api/v1/me").expectProblem(401);
        api.newSession().withBearer("hs_not-a-real-token").get("/api/v1/me").expectProblem(401);
    }

    @Test
    public void badSignUpsAreRefusedWithTheFieldAtFaultAndWriteNothing() {
        String email = email("bad");
        Api anonymous = api.newSession();
        assertEquals("email", anonymous.post("/api/v1/auth/signup", Api.json("email", "not-an-email", "password",
                PASSWORD, "name", "B", "workspace", "W")).expectProblem(400).text("/field"));
        assertEquals("password", anonymous.post("/api/v1/auth/signup", Api.json("email", email, "password", "short",
                "name", "B", "workspace", "W")).expectProblem(400).text("/field"));
        assertEquals("workspace", anonymous.post("/api/v1/auth/signup", Api.json("email", email, "password",
                PASSWORD, "name", "B")).expectProblem(400).text("/field"));
        assertEquals("plan", anonymous.post("/api/v1/auth/signup", Api.json("email", email, "password", PASSWORD,
                "name", "B", "workspace", "W", "plan", "gold")).expectProblem(400).text("/field"));
        assertEquals("name", anonymous.post("/api/v1/auth/signup", "{\"email\":\"" + email + "\",\"password\":\""
                + PASSWORD + "\",\"name\":42,\"workspace\":\"W\"}").expectProblem(400).text("/field"));
        String detail = anonymous.post("/api/v1/auth/signup", "{\"email\": \"" + email + "\",").expectProblem(400)
                .text("/detail");
        assertTrue(detail, detail.contains("line"));
        anonymous.post("/api/v1/auth/signup", "{\"email\":\"" + "x".repeat(1_100_000) + "\"}").expectProblem(413);

        // None of those created the account.
        anonymous.post("/api/v1/auth/login", Api.json("email", email, "password", PASSWORD)).expectProblem(401);

        User existing = signup("dup");
        assertEquals("email", anonymous.post("/api/v1/auth/signup", Api.json("email", existing.email(), "password",
                PASSWORD, "name", "D", "workspace", "W2")).expectProblem(409).text("/field"));
        assertEquals(1, existing.api().get("/api/v1/workspaces").expect(200).json().path("items").size());
    }

    @Test
    public void aWorkspaceIsInvisibleToEveryoneWhoIsNotAMember() {
        User alice = signup("alice");
        User bob = signup("bob");
        String alices = "/api/v1/workspaces/" + alice.workspaceId();

        bob.api().get(alices).expectProblem(404);
        bob.api().get(alices + "/members").expectProblem(404);
        bob.api().get(alices + "/audit-log").expectProblem(404);
        bob.api().patch(alices, Api.json("name", "Taken")).expectProblem(404);
        bob.api().delete(alices).expectProblem(404);
        assertEquals(alice.workspaceId() + " stays", "alice's workspace",
                alice.api().get(alices).expect(200).text("/name"));

        JsonNode bobsList = bob.api().get("/api/v1/workspaces").expect(200).json().path("items");
        assertEquals(1, bobsList.size());
        assertEquals(bob.workspaceId(), bobsList.get(0).path("id").asText());

        String alicesKey = alice.api().post(alices + "/api-keys", Map.of("name", "all", "scopes", List.of("*")))
                .expect(201).text("/secret");
        Api key = api.newSession().withBearer(alicesKey);
        key.get(alices + "/members").expect(200);
        key.get("/api/v1/workspaces/" + bob.workspaceId() + "/members").expectProblem(404);
        key.get("/api/v1/workspaces/" + UUID.randomUUID()).expectProblem(404);
        key.get("/api/v1/workspaces/not-even-an-id/members").expectProblem(404);
    }

    @Test
    public void apiKeysActWithinTheirWorkspaceAndScopesUntilRevoked() {
        User owner = signup("keys");
        String base = "/api/v1/workspaces/" + owner.workspaceId();
        JsonNode created = owner.api().post(base + "/api-keys", Map.of("name", "reporting",
                "scopes", List.of("members:read"))).expect(201).json();
        String secret = created.path("secret").asText();
        String prefix = created.path("prefix").asText();
        assertTrue(secret.startsWith(prefix + "_"));

        JsonNode listed = owner.api().get(base + "/api-keys").expect(200).json().path("items").get(0);
        assertEquals(prefix, listed.path("prefix").asText());
        assertTrue("a listed key never shows its secret", listed.path("secret").isMissingNode());
        assertFalse(owner.api().get(base + "/api-keys").body().contains(secret.substring(prefix.length() + 1)));

        Api key = api.newSession().withBearer(secret);
        key.get(base + "/members").expect(200);
        key.get(base + "/api-keys").expectProblem(403);
        key.post(base + "/invitations", Api.json("email", email("x"), "role", "viewer")).expectProblem(403);
        key.get("/api/v1/me").expectProblem(400);
        assertEquals("scopes[0]", owner.api().post(base + "/api-keys", Map.of("name", "bad",
                "scopes", List.of("members:delete"))).expectProblem(400).text("/field"));

        owner.api().delete(base + "/api-keys/" + created.path("id").asText()).expect(204);
        key.get(base + "/members").expectProblem(401);

        List<String> actions = actions(owner, base);
        assertTrue(actions.toString(), actions.contains("api_key.created") && actions.contains("api_key.revoked"));
    }

    @Test
    public void rolesDecideWhatMembersMayDoAndAWorkspaceKeepsAnOwner() {
        User owner = signup("roles");
        String base = "/api/v1/workspaces/" + owner.workspaceId();
        String carolEmail = email("carol");
        JsonNode invitation = owner.api().post(base + "/invitations", Api.json("email", carolEmail, "role", "viewer"))
                .expect(201).json();
        String invitationToken = invitation.path("token").asText();
        assertTrue(invitationToken.startsWith("hi_"));
        assertTrue(owner.api().get(base + "/invitations").expect(200).body().contains(carolEmail));

        JsonNode carolSignup = api.newSession().post("/api/v1/auth/signup", Api.json("email", carolEmail, "password",
                PASSWORD, "name", "Carol", "invitation", invitationToken)).expect(201).json();
        assertEquals(owner.workspaceId(), carolSignup.path("workspace").path("id").asText());
        assertEquals("viewer", carolSignup.path("workspace").path("role").asText());
        String carolId = carolSignup.path("user").path("id").asText();
        Api carol = api.newSession().withBearer(carolSignup.path("token").asText());

        carol.get(base).expect(200);
        carol.get(base + "/members").expect(200);
        carol.patch(base, Api.json("name", "Carol's now")).expectProblem(403);
        carol.get(base + "/audit-log").expectProblem(403);
        api.newSession().post("/api/v1/auth/signup", Api.json("email", email("late"), "password", PASSWORD, "name",
                "L", "invitation", invitationToken)).expectProblem(404);

        owner.api().patch(base + "/members/" + carolId, Api.json("role", "admin")).expect(200);
        carol.patch(base, Api.json("name", "Renamed by an admin")).expect(200);
        carol.patch(base + "/members/" + owner.userId(), Api.json("role", "viewer")).expectProblem(403);
        carol.delete(base + "/members/" + owner.userId()).expectProblem(403);
        carol.delete(base).expectProblem(403);
        assertEquals("role", owner.api().patch(base + "/members/" + carolId, Api.json("role", "superuser"))
                .expectProblem(400).text("/field"));

        owner.api().delete(base + "/members/" + owner.userId()).expectProblem(409);
        owner.api().patch(base + "/members/" + owner.userId(), Api.json("role", "admin")).expectProblem(409);

        carol.delete(base + "/members/" + carolId).expect(204);
        carol.get(base).expectProblem(404);
        List<String> actions = actions(owner, base);
        assertTrue(actions.toString(), actions.containsAll(List.of("invitation.created", "member.joined",
                "member.role_changed", "workspace.updated", "member.left")));
    }

    /**
     * On PostgreSQL, row-level security is a second wall behind EclipseLink's tenant filter: SQL that names no
     * workspace sees no tenant rows at all, and SQL for one workspace sees only that workspace's.
     */
    @Test
    public void rowLevelSecurityHidesTenantRowsFromSqlThatNamesNoWorkspace() throws Exception {
        org.junit.Assume.assumeTrue("row-level security exists on PostgreSQL only", "postgresql".equals(database()));
        User one = signup("rls1");
        User two = signup("rls2");
        two.api().post("/api/v1/workspaces/" + two.workspaceId() + "/api-keys", Map.of("name", "k",
                "scopes", List.of("*"))).expect(201);
        try (Connection connection = database.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            try (var statement = connection.createStatement()) {
                try (var rs = statement.executeQuery("SELECT count(*) FROM audit_event")) {
                    rs.next();
                    assertEquals("no workspace entered: nothing visible", 0, rs.getLong(1));
                }
                statement.execute("SELECT set_config('herald.workspace_id', '" + one.workspaceId() + "', true)");
                try (var rs = statement.executeQuery("SELECT DISTINCT workspace_id FROM audit_event")) {
                    List<String> visible = new ArrayList<>();
                    while (rs.next()) {
                        visible.add(rs.getString(1));
                    }
                    assertEquals(List.of(one.workspaceId()), visible);
                }
                try (var rs = statement.executeQuery("SELECT count(*) FROM api_key")) {
                    rs.next();
                    assertEquals("the other workspace's key is invisible", 0, rs.getLong(1));
                }
            } finally {
                connection.rollback();
            }
        }
    }

    @Test
    public void theApiDescribesItselfInOpenApiWithABrowsableUi() {
        JsonNode document = api.get("/api/v1/openapi.json").expect(200).json();
        assertTrue(document.path("openapi").asText().startsWith("3."));
        JsonNode signup = document.path("paths").path("/api/v1/auth/signup").path("post");
        assertEquals("sign-up needs no credentials", 0, signup.path("security").size());
        JsonNode me = document.path("paths").path("/api/v1/me").path("get");
        assertFalse(me.isMissingNode());
        assertTrue("signed-in endpoints inherit the bearer requirement", me.path("security").isMissingNode()
                && document.path("security").get(0).has("bearerAuth"));
        assertFalse(document.path("paths").path("/api/v1/workspaces/{workspaceId}/api-keys").isMissingNode());
        Api.Response ui = api.get("/api/v1/docs/").expect(200);
        assertTrue(ui.mediaType(), ui.mediaType().startsWith("text/html"));
    }

    @Test
    public void anExpiredSessionIsRefused() throws Exception {
        User user = signup("expiry");
        user.api().get("/api/v1/me").expect(200);
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement expire = connection.prepareStatement(
                     "UPDATE auth_session SET expires_at = created_at WHERE user_id = ?")) {
            expire.setString(1, user.userId());
            assertEquals(1, expire.executeUpdate());
        }
        user.api().get("/api/v1/me").expectProblem(401);
    }

    @Test
    public void theConsolesCookieSessionNeedsTheCsrfTokenToChangeAnything() {
        User user = signup("cookie");
        Api.Response login = api.newSession().post("/api/v1/auth/login", Api.json("email", user.email(),
                "password", PASSWORD)).expect(200);
        String cookies = String.join("; ", login.headers().allValues("set-cookie").stream()
                .map(c -> c.substring(0, c.indexOf(';'))).toList());
        assertTrue(cookies, cookies.contains("herald_session=hs_") && cookies.contains("herald_csrf="));
        Api browser = api.newSession().withHeader("Cookie", cookies);
        browser.get("/api/v1/me").expect(200);
        browser.post("/api/v1/workspaces", Api.json("name", "Forged")).expectProblem(403);
        browser.withHeader("X-CSRF-Token", "wrong").post("/api/v1/workspaces", Api.json("name", "Forged"))
                .expectProblem(403);
        browser.withHeader("X-CSRF-Token", login.text("/csrfToken"))
                .post("/api/v1/workspaces", Api.json("name", "Mine")).expect(201);
        assertEquals(2, user.api().get("/api/v1/workspaces").expect(200).json().path("items").size());
    }

    @Test
    public void repeatedWrongPasswordsLockTheAccountForAWhile() {
        User user = signup("locked");
        Api anonymous = api.newSession();
        for (int i = 0; i < 5; i++) {
            anonymous.post("/api/v1/auth/login", Api.json("email", user.email(), "password", "wrong password " + i))
                    .expectProblem(401);
        }
        Api.Response locked = anonymous.post("/api/v1/auth/login", Api.json("email", user.email(), "password",
                PASSWORD)).expectProblem(429);
        assertNotNull(locked.toString(), locked.header("Retry-After"));
        List<String> actions = actions(user, "/api/v1/workspaces/" + user.workspaceId());
        assertEquals(actions.toString(), 5, actions.stream().filter("auth.login_failed"::equals).count());
    }

    @Test
    public void anIdempotencyKeyReplaysTheFirstAnswerAndRefusesAnotherBody() {
        User user = signup("idem");
        Map<String, String> key = Api.headers("Idempotency-Key", "create-" + UUID.randomUUID());
        Api.Response first = user.api().post("/api/v1/workspaces", Api.json("name", "Once"), key).expect(201);
        Api.Response again = user.api().post("/api/v1/workspaces", Api.json("name", "Once"), key).expect(201);
        assertEquals(first.text("/id"), again.text("/id"));
        assertEquals("true", again.header("Idempotent-Replayed"));
        assertNull(first.header("Idempotent-Replayed"));
        user.api().post("/api/v1/workspaces", Api.json("name", "Twice"), key).expectProblem(422);
        assertEquals(2, user.api().get("/api/v1/workspaces").expect(200).json().path("items").size());

        User other = signup("idem2");
        String othersId = other.api().post("/api/v1/workspaces", Api.json("name", "Once"), key).expect(201).text("/id");
        assertNotEquals("keys are per caller", first.text("/id"), othersId);
    }

    @Test
    public void aMemberFollowsTheWorkspaceLiveAndOthersCannotListen() throws Exception {
        User user = signup("live");
        User stranger = signup("stranger");
        String stream = "/api/v1/workspaces/" + user.workspaceId() + "/stream";
        stranger.api().get(stream).expectProblem(404);

        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<java.io.InputStream> response = client.send(HttpRequest.newBuilder(api.uri(stream))
                .header("Authorization", "Bearer " + user.token()).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            CompletableFuture<List<String>> received = CompletableFuture.supplyAsync(() -> {
                List<String> seen = new ArrayList<>();
                try {
                    for (String line; (line = lines.readLine()) != null; ) {
                        seen.add(line);
                        if (line.contains("Live and kicking")) {
                            return seen;
                        }
                    }
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                return seen;
            });
            eventually(Duration.ofSeconds(10), () -> {
                user.api().patch("/api/v1/workspaces/" + user.workspaceId(), Api.json("name", "Live and kicking"))
                        .expect(200);
                try {
                    received.get(2, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new AssertionError("no event yet", e);
                }
            });
            List<String> seen = received.get();
            assertTrue(seen.toString(), seen.contains("event: workspace.updated"));
        }
    }

    @Test
    public void operatorsAdministerTheServerFromTheShellAndTheApi() throws Exception {
        User user = signup("shell");
        String operator = email("op");
        String created = execute("herald:operator-create --password '" + PASSWORD + "' " + operator + " Olivia");
        assertTrue(created, created.contains("Operator " + operator + " created"));
        String token = api.newSession().post("/api/v1/auth/login", Api.json("email", operator, "password", PASSWORD))
                .expect(200).text("/token");
        String workspaces = api.newSession().withBearer(token).get("/api/v1/operator/workspaces").expect(200).body();
        assertTrue(workspaces.contains(user.workspaceId()));
        user.api().get("/api/v1/operator/workspaces").expectProblem(403);

        String listed = execute("herald:workspace-list");
        assertTrue(listed, listed.contains(user.workspaceId()) && listed.contains("shell's workspace"));
        String users = execute("herald:user-list");
        assertTrue(users, users.contains(user.email()) && users.contains(operator));
    }

    private String execute(String command) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Session session = shell.create(new java.io.ByteArrayInputStream(new byte[0]), out, out);
        try {
            session.execute(command);
        } finally {
            out.flush();
            session.close();
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static List<String> actions(User admin, String workspacePath) {
        List<String> actions = new ArrayList<>();
        for (JsonNode event : admin.api().get(workspacePath + "/audit-log?limit=200").expect(200).json().path("items")) {
            actions.add(event.path("action").asText());
        }
        return actions;
    }
}
