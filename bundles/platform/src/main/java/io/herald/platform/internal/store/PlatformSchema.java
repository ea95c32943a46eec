package io.herald.platform.internal.store;

import io.herald.platform.api.SchemaMigrations;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The platform's own tables (jobs, outbox, idempotency records); components that use them require this. */
@Component(service = PlatformSchema.class, immediate = true)
public class PlatformSchema {

    @Activate
    public PlatformSchema(@Reference SchemaMigrations migrations, BundleContext context) {
        migrations.migrate(context.getBundle(), "db/platform.xml");
    }
}
