package io.herald.platform.internal.webhooks;

import io.herald.sdk.api.webhook.WebhookRequest;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** A verified webhook as kept in its job until the plugin has processed it. */
public record StoredWebhook(String workspaceId, String connectionId, String pluginId, String eventId, String method,
                            String path, String query, Map<String, List<String>> headers, String body) {

    public static StoredWebhook of(String workspaceId, String connectionId, String pluginId, String eventId,
                            WebhookRequest request) {
        return new StoredWebhook(workspaceId, connectionId, pluginId, eventId, request.method(), request.path(),
                request.query(), request.headers(), Base64.getEncoder().encodeToString(request.body()));
    }

    WebhookRequest request() {
        return new WebhookRequest(method, path, query, headers, Base64.getDecoder().decode(body));
    }
}
