package io.herald.platform.api;

import java.util.Set;
import javax.servlet.http.HttpServletRequest;

/**
 * Who is making the current request, as established by the authentication filter and stored on the request
 * under {@link #PROPERTY}. For a request under {@code /workspaces/{id}} the workspace and the caller's role in
 * it are filled in; elsewhere they are null.
 *
 * @param userId    the user, or null when an API key calls
 * @param apiKeyId  the API key, or null when a user session calls
 * @param operator  true when the user administers the server
 * @param scopes    the API key's scopes; empty for user sessions, which are limited by role only
 */
public record Caller(String userId, String apiKeyId, String sessionId, boolean operator, String workspaceId,
                     Role role, Set<String> scopes) {

    public static final String PROPERTY = "io.herald.caller";

    /** The caller of a request that passed authentication; 401 when there is none. */
    public static Caller of(HttpServletRequest request) {
        Object caller = request.getAttribute(PROPERTY);
        if (caller instanceof Caller c) {
            return c;
        }
        throw Problem.unauthorized("authentication required");
    }

    public Caller inWorkspace(String workspace, Role roleThere) {
        return new Caller(userId, apiKeyId, sessionId, operator, workspace, roleThere, scopes);
    }

    /** The id audit logs and idempotency records are keyed by. */
    public String principalId() {
        return userId != null ? "user:" + userId : "key:" + apiKeyId;
    }

    /** The workspace of a tenant request; a resource under {@code /workspaces/{id}} can rely on it. */
    public String requireWorkspace() {
        if (workspaceId == null) {
            throw Problem.forbidden("this request is not made within a workspace");
        }
        return workspaceId;
    }
}
