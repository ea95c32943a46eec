package io.herald.identity.internal;

import io.herald.platform.api.SchemaMigrations;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Identity's tables; every identity component requires this, so none runs on an unmigrated schema. */
@Component(service = IdentitySchema.class, immediate = true)
public class IdentitySchema {

    @Activate
    public IdentitySchema(@Reference SchemaMigrations migrations, BundleContext context) {
        migrations.migrate(context.getBundle(), "db/identity.xml");
    }
}
