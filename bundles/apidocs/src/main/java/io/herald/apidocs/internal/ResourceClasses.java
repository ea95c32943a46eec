package io.herald.apidocs.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.Filter;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.jaxrs.whiteboard.JaxrsWhiteboardConstants;
import org.osgi.util.tracker.ServiceTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tracks every JAX-RS resource service of the whiteboard ({@code osgi.jaxrs.resource=true}), whatever its
 * class space, and tells a listener when one comes, changes or goes. A resource's class is that of the service
 * object (the whiteboard serves the same object), looked up when the document is next built: asking for it while
 * a service is being registered could activate a component from inside its own activation.
 */
final class ResourceClasses {

    private final Logger logger = LoggerFactory.getLogger(ResourceClasses.class);
    private final BundleContext context;
    private final Runnable changed;
    private final Map<ServiceReference<Object>, Class<?>> classes = new ConcurrentHashMap<>();
    private final ServiceTracker<Object, ServiceReference<Object>> tracker;

    ResourceClasses(BundleContext context, Runnable changed) {
        this.context = context;
        this.changed = changed;
        Filter filter;
        try {
            filter = context.createFilter("(" + JaxrsWhiteboardConstants.JAX_RS_RESOURCE + "=true)");
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        tracker = new ServiceTracker<>(context, filter, null) {
            @Override
            public ServiceReference<Object> addingService(ServiceReference<Object> reference) {
                changed.run();
                return reference;
            }

            @Override
            public void modifiedService(ServiceReference<Object> reference, ServiceReference<Object> service) {
                changed.run();
            }

            @Override
            public void removedService(ServiceReference<Object> reference, ServiceReference<Object> service) {
                if (classes.remove(reference) != null) {
                    try {
                        context.ungetService(reference);
                    } catch (IllegalStateException | IllegalArgumentException e) {
                        // this bundle or the service is already gone
                    }
                }
                changed.run();
            }
        };
    }

    void open() {
        tracker.open(true);
    }

    void close() {
        tracker.close();
        for (ServiceReference<Object> reference : classes.keySet()) {
            try {
                context.ungetService(reference);
            } catch (IllegalStateException | IllegalArgumentException e) {
                // already gone
            }
        }
        classes.clear();
    }

    /** The classes of the resources registered now; a service that cannot be had is skipped. */
    List<Class<?>> current() {
        List<Class<?>> result = new ArrayList<>();
        ServiceReference<Object>[] references = tracker.getServiceReferences();
        if (references == null) {
            return result;
        }
        for (ServiceReference<Object> reference : references) {
            // Not computeIfAbsent: getting a service may activate a component, whose registrations call back here.
            Class<?> type = classes.get(reference);
            if (type == null) {
                type = classOf(reference);
                if (type != null && classes.putIfAbsent(reference, type) != null) {
                    context.ungetService(reference);
                }
            }
            if (type != null) {
                result.add(type);
            }
        }
        return result;
    }

    private Class<?> classOf(ServiceReference<Object> reference) {
        try {
            Object service = context.getService(reference);
            if (service != null) {
                return service.getClass();
            }
        } catch (RuntimeException e) {
            logger.debug("Resource service {} is not available: {}", reference.getProperty(Constants.SERVICE_ID),
                    e.toString());
        }
        logger.debug("Resource service {} is not documented: no service object",
                reference.getProperty(Constants.SERVICE_ID));
        return null;
    }
}
