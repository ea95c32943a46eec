package io.herald.identity.internal.rest;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/** The JSON shapes of the identity API. Secrets appear only in the answer that creates them. */
public final class IdentityViews {

    private IdentityViews() {
    }

    public record SignupRequest(String email, String password, String name, String workspace, String invitation) {
    }

    public record LoginRequest(String email, String password) {
    }

    public record User(String id, String email, String name, boolean operator, Instant createdAt) {
    }

    public record Workspace(String id, String name, String role, Instant createdAt) {
    }

    public record Session(String token, Instant expiresAt, String csrfToken, User user, Workspace workspace) {
    }

    public record PasswordChange(String currentPassword, String newPassword) {
    }

    public record Me(User user, List<Workspace> workspaces) {
    }

    public record WorkspaceRequest(String name) {
    }

    public record Member(String userId, String email, String name, String role, Instant joinedAt) {
    }

    public record RoleChange(String role) {
    }

    public record InvitationRequest(String email, String role) {
    }

    public record Invitation(String id, String email, String role, String invitedBy, Instant createdAt,
                             Instant expiresAt, Instant acceptedAt, Instant revokedAt, String token) {
    }

    public record AcceptInvitation(String token) {
    }

    public record ApiKeyRequest(String name, List<String> scopes) {
    }

    public record ApiKey(String id, String name, String prefix, List<String> scopes, String createdBy,
                         Instant createdAt, Instant lastUsedAt, Instant revokedAt, String secret) {
    }

    public record AuditEvent(String id, String actor, String action, String target, JsonNode detail, String ip,
                             Instant createdAt) {
    }
}
