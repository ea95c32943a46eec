package io.herald.platform.api;

/** A member's role in a workspace, weakest first: each role may do everything the ones before it may. */
public enum Role {
    VIEWER, EDITOR, ADMIN, OWNER;

    public boolean atLeast(Role other) {
        return compareTo(other) >= 0;
    }

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Role parse(String value) {
        if (value != null) {
            for (Role role : values()) {
                if (role.wireName().equals(value)) {
                    return role;
                }
            }
        }
        throw Problem.badRequest("role", "role must be one of owner, admin, editor, viewer");
    }
}
