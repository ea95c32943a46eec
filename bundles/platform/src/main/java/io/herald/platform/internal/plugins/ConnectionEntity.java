package io.herald.platform.internal.plugins;

import java.time.OffsetDateTime;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/** A workspace's connection to a plugin. */
@Entity
@Table(name = "plugin_connection")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "workspace_id", contextProperty = "eclipselink.tenant-id")
public class ConnectionEntity {
    @Id
    public String id;
    @Column(name = "plugin_id")
    public String pluginId;
    public String name;
    /** JSON object text; secret values sealed. */
    public String config;
    /** Messages per second; null takes the plugin's default. */
    @Column(name = "rate_per_second")
    public Double ratePerSecond;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
