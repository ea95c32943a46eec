package io.herald.apidocs.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Map;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * Swagger UI at {@code /api/v1/docs/}, pointed at {@code /api/v1/openapi.json}. Its files come from the
 * swagger-ui webjar, copied into this bundle's {@code /swagger-ui} at build time; the page and its initializer
 * are Herald's, in {@code /docs}. Public: the HTTP whiteboard serves it beside the JAX-RS application, outside
 * the API's authentication filter.
 */
@Component(service = Servlet.class)
// A name of its own: Pax Web refuses a second servlet under the default name (javax.servlet.Servlet).
@HttpWhiteboardServletName("herald-apidocs")
@HttpWhiteboardServletPattern({"/api/v1/docs", "/api/v1/docs/*"})
public class DocsServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8", "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8", "png", "image/png");

    private final transient BundleContext context;

    @Activate
    public DocsServlet(BundleContext context) {
        this.context = context;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        if (path == null) {
            response.sendRedirect(request.getContextPath() + request.getServletPath() + "/");
            return;
        }
        if (path.equals("/")) {
            path = "/index.html";
        }
        String name = path.substring(1);
        if (name.isEmpty() || name.contains("/") || name.contains("..")) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        boolean ours = context.getBundle().getEntry("/docs/" + name) != null;
        URL file = context.getBundle().getEntry((ours ? "/docs/" : "/swagger-ui/") + name);
        String extension = name.substring(name.lastIndexOf('.') + 1);
        if (file == null || !TYPES.containsKey(extension)) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setContentType(TYPES.get(extension));
        // Swagger UI's files change only with this bundle; the page and its initializer are revalidated.
        response.setHeader("Cache-Control", ours ? "no-cache" : "public, max-age=86400");
        response.setHeader("X-Content-Type-Options", "nosniff");
        try (InputStream in = file.openStream()) {
            in.transferTo(response.getOutputStream());
        }
    }
}
