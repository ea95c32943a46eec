package io.herald.platform.internal.http;

import io.herald.platform.api.Problem;
import java.util.Map;
import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;
import javax.ws.rs.ext.ExceptionMapper;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;

/** Answers every HTTP error, Herald's own and JAX-RS's (404, 405, 415...), as a problem document. */
@Component(service = ExceptionMapper.class)
@JaxrsExtension
public class ProblemMapper implements ExceptionMapper<WebApplicationException> {

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(WebApplicationException exception) {
        ProblemBody body;
        if (exception instanceof Problem problem) {
            body = new ProblemBody("about:blank", problem.title(), problem.status(), problem.detail(), instance(),
                    problem.field(), problem.extensions());
        } else {
            int status = exception.getResponse().getStatus();
            Response.StatusType type = Response.Status.fromStatusCode(status);
            String title = type != null ? type.getReasonPhrase() : "Error";
            body = new ProblemBody("about:blank", title, status, detailOf(status, exception), instance(), null,
                    Map.of());
        }
        Response.ResponseBuilder response = Response.status(body.status()).type(ProblemBody.MEDIA_TYPE).entity(body);
        Object retryAfter = body.extensions().get("retryAfter");
        if (retryAfter != null) {
            response.header("Retry-After", retryAfter);
        }
        if (body.status() == 401) {
            response.header("WWW-Authenticate", "Bearer realm=\"herald\"");
        }
        exception.getResponse().getHeaders().forEach((name, values) -> {
            if (name.equalsIgnoreCase("Allow") || name.equalsIgnoreCase("WWW-Authenticate")) {
                values.forEach(v -> response.header(name, v));
            }
        });
        return response.build();
    }

    private static String detailOf(int status, WebApplicationException exception) {
        return switch (status) {
            case 404 -> "no resource at this path";
            case 405 -> "method not allowed on this resource";
            case 406 -> "cannot produce the requested media type";
            case 415 -> "unsupported media type: send application/json";
            default -> exception.getMessage();
        };
    }

    private String instance() {
        try {
            return uriInfo == null ? null : uriInfo.getRequestUri().getPath();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
