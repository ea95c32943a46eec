package io.herald.platform.testing;

import java.lang.annotation.Annotation;
import java.net.URI;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.ws.rs.core.Application;
import javax.ws.rs.core.CacheControl;
import javax.ws.rs.core.EntityTag;
import javax.ws.rs.core.GenericType;
import javax.ws.rs.core.Link;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.MultivaluedHashMap;
import javax.ws.rs.core.MultivaluedMap;
import javax.ws.rs.core.NewCookie;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriBuilder;
import javax.ws.rs.core.Variant;
import javax.ws.rs.ext.RuntimeDelegate;

/**
 * The little of a JAX-RS runtime that plain unit tests need ({@code Problem} builds a {@link Response}, a
 * {@link MediaType} prints itself): responses with a status, headers, an entity and a type. Registered through
 * {@code META-INF/services/javax.ws.rs.ext.RuntimeDelegate} in the test resources; CXF plays this part in Karaf.
 */
public class TestRuntimeDelegate extends RuntimeDelegate {

    @Override
    public Response.ResponseBuilder createResponseBuilder() {
        return new Builder();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> HeaderDelegate<T> createHeaderDelegate(Class<T> type) {
        if (type == MediaType.class) {
            return (HeaderDelegate<T>) new HeaderDelegate<MediaType>() {
                @Override
                public MediaType fromString(String value) {
                    String[] parts = value.split(";")[0].trim().split("/", 2);
                    return new MediaType(parts[0], parts.length > 1 ? parts[1] : "*");
                }

                @Override
                public String toString(MediaType value) {
                    return value.getType() + "/" + value.getSubtype();
                }
            };
        }
        throw new UnsupportedOperationException("no header delegate for " + type + " in unit tests");
    }

    @Override
    public UriBuilder createUriBuilder() {
        throw new UnsupportedOperationException();
    }

    @Override
    public Variant.VariantListBuilder createVariantListBuilder() {
        throw new UnsupportedOperationException();
    }

    @Override
    public <T> T createEndpoint(Application application, Class<T> endpointType) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Link.Builder createLinkBuilder() {
        throw new UnsupportedOperationException();
    }

    private static final class Builder extends Response.ResponseBuilder {
        private int status = 200;
        private Object entity;
        private final MultivaluedMap<String, Object> headers = new MultivaluedHashMap<>();

        @Override
        public Response build() {
            return new SimpleResponse(status, entity, new MultivaluedHashMap<>(headers));
        }

        @Override
        public Response.ResponseBuilder clone() {
            Builder copy = new Builder();
            copy.status = status;
            copy.entity = entity;
            copy.headers.putAll(headers);
            return copy;
        }

        @Override
        public Response.ResponseBuilder status(int value) {
            this.status = value;
            return this;
        }

        @Override
        public Response.ResponseBuilder status(int value, String reasonPhrase) {
            return status(value);
        }

        @Override
        public Response.ResponseBuilder entity(Object value) {
            this.entity = value;
            return this;
        }

        @Override
        public Response.ResponseBuilder entity(Object value, Annotation[] annotations) {
            return entity(value);
        }

        @Override
        public Response.ResponseBuilder header(String name, Object value) {
            if (value == null) {
                headers.remove(name);
            } else {
                headers.add(name, value);
            }
            return this;
        }

        @Override
        public Response.ResponseBuilder replaceAll(MultivaluedMap<String, Object> values) {
            headers.clear();
            if (values != null) {
                headers.putAll(values);
            }
            return this;
        }

        @Override
        public Response.ResponseBuilder type(MediaType type) {
            headers.putSingle("Content-Type", type);
            return this;
        }

        @Override
        public Response.ResponseBuilder type(String type) {
            return type == null ? header("Content-Type", null) : type(MediaType.valueOf(type));
        }

        private static UnsupportedOperationException unsupported() {
            return new UnsupportedOperationException("not in the unit-test JAX-RS runtime");
        }

        @Override
        public Response.ResponseBuilder allow(String... methods) {
            throw unsupported();
        }

        @Override
        public Response.ResponseBuilder allow(Set<String> methods) {
            throw unsupported();
        }

        @Override
        public Response.ResponseBuilder cacheControl(CacheControl cacheControl) {
            throw unsupported();
        }

        @Override
        public Response.ResponseBuilder encoding(String encoding) {
            throw unsupported();
        }

        @Override
        public Response.ResponseBuilder language(String language) {
            throw unsupported();
        }

        @Override
        public Response.ResponseBuilder language(Locale language) {
            throw unsupported();
        }

        @Override
        public Response.ResponseBuilder variant(Variant variant) {
            throw unsupported();
        }

        @Override
        public Response.ResponseBuilder contentLocation(URI location) {
            throw unsupported();
        }

        @Override
        public Response.ResponseBuilder cookie(NewCookie... cookies) {
            throw unsupported();
        }

        @Override
        public Response.ResponseBuilder expires(Date expires) {
            throw unsupported();
        }

        @Override
        public Response.ResponseBuilder lastModified(Date lastModified) {
            throw unsupported();
        }

        @Override
        public Response.ResponseBuilder location(URI location) {
            throw unsupported();
        }

        @Override
        public Response.ResponseBuilder tag(EntityTag tag) {
            throw unsupported();
        }

        @Override
        public Response.ResponseBuilder tag(String tag) {
            throw unsupported();
        }

        @Override
        public Response.ResponseBuilder variants(Variant... variants) {
            throw unsupported();
        }

        @Override
        public Response.ResponseBuilder variants(List<Variant> variants) {
            throw unsupported();
        }

        @Override
        public Response.ResponseBuilder links(Link... links) {
            throw unsupported();
        }

        @Override
        public Response.ResponseBuilder link(URI uri, String rel) {
            throw unsupported();
        }

        @Override
        public Response.ResponseBuilder link(String uri, String rel) {
            throw unsupported();
        }
    }

    private static final class SimpleResponse extends Response {
        private final int status;
        private final Object entity;
        private final MultivaluedMap<String, Object> headers;

        SimpleResponse(int status, Object entity, MultivaluedMap<String, Object> headers) {
            this.status = status;
            this.entity = entity;
            this.headers = headers;
        }

        @Override
        public int getStatus() {
            return status;
        }

        @Override
        public StatusType getStatusInfo() {
            Status known = Status.fromStatusCode(status);
            if (known != null) {
                return known;
            }
            return new StatusType() {
                @Override
                public int getStatusCode() {
                    return status;
                }

                @Override
                public Status.Family getFamily() {
                    return Status.Family.familyOf(status);
                }

                @Override
                public String getReasonPhrase() {
                    return "";
                }
            };
        }

        @Override
        public Object getEntity() {
            return entity;
        }

        @Override
        public boolean hasEntity() {
            return entity != null;
        }

        @Override
        public MediaType getMediaType() {
            Object type = headers.getFirst("Content-Type");
            return type instanceof MediaType media ? media : type == null ? null : MediaType.valueOf(type.toString());
        }

        @Override
        public MultivaluedMap<String, Object> getMetadata() {
            return headers;
        }

        @Override
        public MultivaluedMap<String, String> getStringHeaders() {
            MultivaluedMap<String, String> strings = new MultivaluedHashMap<>();
            headers.forEach((name, values) -> values.forEach(v -> strings.add(name, String.valueOf(v))));
            return strings;
        }

        @Override
        public String getHeaderString(String name) {
            List<Object> values = headers.get(name);
            return values == null ? null : String.join(",", values.stream().map(String::valueOf).toList());
        }

        @Override
        public void close() {
        }

        private static UnsupportedOperationException unsupported() {
            return new UnsupportedOperationException("not in the unit-test JAX-RS runtime");
        }

        @Override
        public <T> T readEntity(Class<T> type) {
            throw unsupported();
        }

        @Override
        public <T> T readEntity(GenericType<T> type) {
            throw unsupported();
        }

        @Override
        public <T> T readEntity(Class<T> type, Annotation[] annotations) {
            throw unsupported();
        }

        @Override
        public <T> T readEntity(GenericType<T> type, Annotation[] annotations) {
            throw unsupported();
        }

        @Override
        public boolean bufferEntity() {
            return false;
        }

        @Override
        public Locale getLanguage() {
            return null;
        }

        @Override
        public int getLength() {
            return -1;
        }

        @Override
        public Set<String> getAllowedMethods() {
            return Set.of();
        }

        @Override
        public Map<String, NewCookie> getCookies() {
            return Map.of();
        }

        @Override
        public EntityTag getEntityTag() {
            return null;
        }

        @Override
        public Date getDate() {
            return null;
        }

        @Override
        public Date getLastModified() {
            return null;
        }

        @Override
        public URI getLocation() {
            return null;
        }

        @Override
        public Set<Link> getLinks() {
            return Set.of();
        }

        @Override
        public boolean hasLink(String relation) {
            return false;
        }

        @Override
        public Link getLink(String relation) {
            return null;
        }

        @Override
        public Link.Builder getLinkBuilder(String relation) {
            throw unsupported();
        }
    }
}
