package io.herald.identity.internal.auth;

import io.herald.platform.api.Caller;
import io.herald.platform.api.OperatorOnly;
import io.herald.platform.api.Problem;
import io.herald.platform.api.PublicEndpoint;
import io.herald.platform.api.RequiresRole;
import io.herald.platform.api.Role;
import java.lang.reflect.Method;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.annotation.Priority;
import javax.ws.rs.HttpMethod;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.Cookie;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.PathSegment;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;

/**
 * Authenticates every request to a resource not marked {@link PublicEndpoint} and authorises it: a bearer
 * session token or API key, or the console's session cookie (then unsafe methods must echo the CSRF token).
 * Under {@code /workspaces/{workspaceId}} the caller must belong to that workspace; anyone else gets 404, so
 * ids of other tenants' workspaces reveal nothing. The role needed comes from {@link RequiresRole}, else
 * viewers may read and editors may write.
 */
@Component(service = ContainerRequestFilter.class)
@JaxrsExtension
@Priority(Priorities.AUTHENTICATION)
public class AuthFilter implements ContainerRequestFilter {

    static final String WORKSPACE_PARAM = "workspaceId";
    private static final Set<String> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    private final Credentials credentials;

    @Context
    ResourceInfo resourceInfo;

    @Activate
    public AuthFilter(@Reference Credentials credentials) {
        this.credentials = credentials;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resourceInfo == null ? null : resourceInfo.getResourceMethod();
        if (method == null || annotated(method, PublicEndpoint.class)) {
            return;
        }
        try {
            Caller caller = authenticate(request);
            if (annotated(method, OperatorOnly.class) && !caller.operator()) {
                throw Problem.forbidden("only server operators may do this");
            }
            List<String> workspace = request.getUriInfo().getPathParameters().get(WORKSPACE_PARAM);
            if (workspace != null && !workspace.isEmpty()) {
                caller = authorise(request, caller, workspace.get(0), method);
            }
            request.setProperty(Caller.PROPERTY, caller);
        } catch (SQLException e) {
            throw Problem.unavailable("cannot check credentials right now");
        }
    }

    private Caller authenticate(ContainerRequestContext request) throws SQLException {
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization != null) {
            if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
                throw Problem.unauthorized("use 'Authorization: Bearer <token>'");
            }
            String token = authorization.substring(7).trim();
            if (token.startsWith(Tokens.API_KEY)) {
                Credentials.KeyPrincipal key = credentials.apiKey(token)
                        .orElseThrow(() -> Problem.unauthorized("API key is invalid or revoked"));
                return new Caller(null, key.keyId(), null, false, key.workspaceId(), null, key.scopes());
            }
            Credentials.SessionPrincipal session = credentials.session(token)
                    .orElseThrow(() -> Problem.unauthorized("session token is invalid, expired or signed out"));
            return new Caller(session.userId(), null, session.sessionId(), session.operator(), null, null, Set.of());
        }
        Cookie cookie = request.getCookies().get(SessionCookies.SESSION);
        if (cookie == null || cookie.getValue().isEmpty()) {
            throw Problem.unauthorized("authentication required: send a bearer token or sign in");
        }
        Credentials.SessionPrincipal session = credentials.session(cookie.getValue())
                .orElseThrow(() -> Problem.unauthorized("session is invalid, expired or signed out"));
        if (!SAFE.contains(request.getMethod())) {
            String echoed = request.getHeaderString(SessionCookies.CSRF_HEADER);
            if (echoed == null || !Tokens.sameHash(echoed, session.csrfToken())) {
                throw Problem.forbidden("missing or wrong " + SessionCookies.CSRF_HEADER + " header");
            }
        }
        return new Caller(session.userId(), null, session.sessionId(), session.operator(), null, null, Set.of());
    }

    private Caller authorise(ContainerRequestContext request, Caller caller, String workspaceId, Method method)
            throws SQLException {
        RequiresRole required = annotation(method, RequiresRole.class);
        Role needed = required != null ? required.value()
                : SAFE.contains(request.getMethod()) ? Role.VIEWER : Role.EDITOR;
        if (caller.apiKeyId() != null) {
            if (!workspaceId.equals(caller.workspaceId())) {
                throw Problem.notFound("workspace " + workspaceId);
            }
            if (needed == Role.OWNER) {
                throw Problem.forbidden("API keys cannot do what only owners may");
            }
            String area = required != null && !required.scope().isEmpty() ? required.scope() : area(request);
            boolean write = !SAFE.contains(request.getMethod());
            Set<String> scopes = caller.scopes();
            boolean allowed = scopes.contains("*") || scopes.contains(area + ":write")
                    || (!write && scopes.contains(area + ":read"));
            if (!allowed) {
                throw Problem.forbidden("this API key lacks the scope " + area + (write ? ":write" : ":read"));
            }
            return caller.inWorkspace(workspaceId, Role.ADMIN);
        }
        Optional<Role> role = credentials.role(workspaceId, caller.userId());
        if (role.isEmpty()) {
            throw Problem.notFound("workspace " + workspaceId);
        }
        if (!role.get().atLeast(needed)) {
            throw Problem.forbidden("this needs the " + needed.wireName() + " role; you are "
                    + role.get().wireName());
        }
        return caller.inWorkspace(workspaceId, role.get());
    }

    /** The path segment after {@code workspaces/{id}}, e.g. {@code contacts}; {@code workspace} for the workspace itself. */
    static String area(ContainerRequestContext request) {
        List<PathSegment> segments = request.getUriInfo().getPathSegments();
        for (int i = 0; i + 2 < segments.size(); i++) {
            if (segments.get(i).getPath().equals("workspaces")) {
                return segments.get(i + 2).getPath();
            }
        }
        return "workspace";
    }

    private <A extends java.lang.annotation.Annotation> A annotation(Method method, Class<A> type) {
        A onMethod = method.getAnnotation(type);
        return onMethod != null ? onMethod : resourceInfo.getResourceClass().getAnnotation(type);
    }

    private boolean annotated(Method method, Class<? extends java.lang.annotation.Annotation> type) {
        return annotation(method, type) != null;
    }
}
