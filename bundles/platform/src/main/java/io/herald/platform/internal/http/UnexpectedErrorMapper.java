package io.herald.platform.internal.http;

import io.herald.platform.api.Ids;
import java.util.Map;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bug answers 500 with an error id and nothing of the server's internals; the id leads the operator to the
 * stack trace in the log.
 */
@Component(service = ExceptionMapper.class)
@JaxrsExtension
public class UnexpectedErrorMapper implements ExceptionMapper<Throwable> {

    private final Logger logger = LoggerFactory.getLogger(UnexpectedErrorMapper.class);

    @Override
    public Response toResponse(Throwable exception) {
        String errorId = Ids.newId();
        logger.error("Unexpected error {} while serving a request", errorId, exception);
        ProblemBody body = new ProblemBody("about:blank", "Internal server error", 500,
                "the server failed to complete the request; quote error id " + errorId, null, null,
                Map.of("errorId", errorId));
        return Response.status(500).type(ProblemBody.MEDIA_TYPE).entity(body).build();
    }
}
