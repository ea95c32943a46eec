package io.herald.platform.api;

import java.util.List;
import org.osgi.framework.Bundle;

/**
 * Runs a bundle's Liquibase changelog against Herald's database. Each domain bundle owns its tables and
 * migrates them when it starts; a failed changeset throws, so the bundle's services never come up on a
 * half-migrated schema, and health reports the failure.
 */
public interface SchemaMigrations {

    /**
     * @param bundle    whose class loader holds the changelog
     * @param changelog path of the changelog inside the bundle, for example {@code db/identity.xml}
     */
    void migrate(Bundle bundle, String changelog);

    /** One line per changelog migrated or failed since start, for health and the shell. */
    List<MigrationStatus> status();

    record MigrationStatus(String changelog, boolean ok, String message) {
    }
}
