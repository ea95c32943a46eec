package io.herald.platform.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The least role a caller needs in the request's workspace, on a resource class or method under
 * {@code /api/v1/workspaces/{workspaceId}}. Without it any member may read ({@code GET}) and editors may
 * write. An API key must also hold {@link #scope()} when one is named.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RequiresRole {
    Role value();

    /** The API key scope needed, for example {@code "contacts:write"}; empty derives none. */
    String scope() default "";
}
