package io.herald.platform.internal.store;

import io.herald.platform.api.Database;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The DataSource that Pax JDBC builds from {@code etc/org.ops4j.datasource-herald.cfg}, and its dialect. */
@Component(service = Database.class)
public class HeraldDatabase implements Database {

    private final Logger logger = LoggerFactory.getLogger(HeraldDatabase.class);
    private final DataSource dataSource;
    private final Dialect dialect;

    @Activate
    public HeraldDatabase(@Reference(target = "(osgi.jndi.service.name=herald)") DataSource dataSource)
            throws SQLException {
        this.dataSource = dataSource;
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName();
            this.dialect = product.toLowerCase(Locale.ROOT).contains("postgres") ? Dialect.POSTGRESQL : Dialect.H2;
            logger.info("Herald database is {} {} at {}", product, connection.getMetaData().getDatabaseProductVersion(),
                    connection.getMetaData().getURL());
        }
    }

    @Override
    public Dialect dialect() {
        return dialect;
    }

    @Override
    public DataSource dataSource() {
        return dataSource;
    }
}
