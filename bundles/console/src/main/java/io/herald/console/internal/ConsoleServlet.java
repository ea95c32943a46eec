package io.herald.console.internal;

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
 * Serves the console's static export from the bundle's {@code /web} folder at {@code /console}. A directory
 * answers with its {@code index.html}, and a path that names no file answers with the app shell, so deep links
 * work in a single-page app (the whiteboard's plain resource serving answers 403 and 404 there).
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern({"/console", "/console/*"})
@HttpWhiteboardServletName("herald-console")
public class ConsoleServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"), Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"), Map.entry("json", "application/json"),
            Map.entry("svg", "image/svg+xml"), Map.entry("png", "image/png"), Map.entry("ico", "image/x-icon"),
            Map.entry("woff2", "font/woff2"), Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("map", "application/json"), Map.entry("webp", "image/webp"), Map.entry("jpg", "image/jpeg"));

    private final transient BundleContext context;

    @Activate
    public ConsoleServlet(BundleContext context) {
        this.context = context;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "/" : request.getPathInfo();
        if (path.contains("..")) {
            response.sendError(400);
            return;
        }
        if (request.getPathInfo() == null) {
            response.sendRedirect(request.getContextPath() + "/console/");
            return;
        }
        URL file = resolve(path);
        boolean shell = false;
        if (file == null) {
            file = context.getBundle().getEntry("/web/index.html");
            shell = true;
        }
        String name = file.getPath();
        String extension = name.substring(name.lastIndexOf('.') + 1);
        response.setContentType(TYPES.getOrDefault(extension, "application/octet-stream"));
        // Next.js puts content hashes in asset names: those can be cached for good, pages never.
        response.setHeader("Cache-Control", !shell && name.contains("/_next/static/")
                ? "public, max-age=31536000, immutable" : "no-cache");
        response.setHeader("X-Content-Type-Options", "nosniff");
        try (InputStream in = file.openStream()) {
            in.transferTo(response.getOutputStream());
        }
    }

    private URL resolve(String path) {
        String base = "/web" + path;
        if (base.endsWith("/")) {
            return context.getBundle().getEntry(base + "index.html");
        }
        URL exact = context.getBundle().getEntry(base);
        if (exact != null && !exact.getPath().endsWith("/")) {
            return exact;
        }
        URL index = context.getBundle().getEntry(base + "/index.html");
        if (index != null) {
            return index;
        }
        return context.getBundle().getEntry(base + ".html");
    }
}
