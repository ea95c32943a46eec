package io.herald.platform.internal.http;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.annotation.Priority;
import javax.ws.rs.Path;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.Context;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;

/** Times every request and counts it under its route template, never its raw path (ids would explode series). */
@Component(service = {ContainerRequestFilter.class, ContainerResponseFilter.class})
@JaxrsExtension
@Priority(10)
public class MetricsFilter implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String STARTED = "io.herald.metrics.started";

    private final HttpMetrics metrics;
    private final Map<Method, String> routes = new ConcurrentHashMap<>();

    @Context
    ResourceInfo resourceInfo;

    @Activate
    public MetricsFilter(@Reference HttpMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(STARTED, System.nanoTime());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object started = request.getProperty(STARTED);
        if (!(started instanceof Long start)) {
            return;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        metrics.observe(request.getMethod(), route(), response.getStatus(), seconds);
    }

    private String route() {
        Method method = resourceInfo == null ? null : resourceInfo.getResourceMethod();
        if (method == null) {
            return "unmatched";
        }
        return routes.computeIfAbsent(method, m -> {
            Path onClass = resourceInfo.getResourceClass().getAnnotation(Path.class);
            Path onMethod = m.getAnnotation(Path.class);
            String route = (onClass == null ? "" : onClass.value()) + (onMethod == null ? "" : "/" + onMethod.value());
            return route.replaceAll("/+", "/");
        });
    }
}
