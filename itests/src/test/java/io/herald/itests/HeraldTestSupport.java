package io.herald.itests;

import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.CoreOptions.vmOption;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.keepRuntimeFolder;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.inject.Inject;
import org.apache.karaf.features.BootFinished;
import org.junit.Before;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.runtime.ServiceComponentRuntime;

/**
 * Boots the project's own assembly ({@code distribution/target/herald-*.tar.gz}) once per test class, on free
 * ports, on H2 or (with {@code -Dherald.itest.db=postgresql}, the {@code postgresql} profile) on a freshly emptied
 * PostgreSQL database, and waits until {@code /api/v1/health} answers 200. Test methods run inside Karaf; they
 * reach Herald over real HTTP through {@link #api} and OSGi through {@link #bundleContext}.
 *
 * <p>Karaf's log of each class is kept as {@code itests/target/karaf-logs/<Class>-<db>.log}; with
 * {@code -Dherald.itest.keepRuntime=true} the whole Karaf folder stays under {@code itests/target/exam}.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public abstract class HeraldTestSupport {

    protected static final String HEALTH = "/api/v1/health";
    private static final Duration STARTUP = Duration.ofSeconds(180);

    /** Herald's API on this Karaf's HTTP port. */
    protected static Api api;

    @Inject
    protected BundleContext bundleContext;

    /** Injected once Karaf has installed every boot feature (Pax Exam runs tests as soon as the framework is up). */
    @Inject
    @Filter(timeout = 180_000)
    protected BootFinished bootFinished;

    @Inject
    protected ServiceComponentRuntime scr;

    @Configuration
    public Option[] config() {
        File distribution = new File(required("herald.itest.distribution"));
        if (!distribution.isFile()) {
            throw new IllegalStateException(distribution + " is missing: build the distribution in the same run "
                    + "(./mvnw verify, or ./mvnw verify -pl itests -am)");
        }
        String karafVersion = required("karaf.version");
        String database = database();
        if ("h2".equals(database) && System.getenv("HERALD_DB_URL") != null) {
            throw new IllegalStateException("unset HERALD_DB_URL: Karaf would inherit it and leave H2; "
                    + "the itests choose the database (-Ppostgresql)");
        }
        String httpPort = freePort();
        File log = new File(required("herald.itest.logDir"), getClass().getSimpleName() + "-" + database + ".log");
        log.delete();

        List<Option> options = new ArrayList<>(List.of(
                karafDistributionConfiguration()
                        .frameworkUrl("file:" + distribution.getAbsolutePath())
                        .karafVersion(karafVersion)
                        .name("Herald")
                        .unpackDirectory(new File("target/exam"))
                        .useDeployFolder(false),
                configureConsole().ignoreLocalConsole().ignoreRemoteShell(),
                logLevel(LogLevel.INFO),
                editConfigurationFilePut("etc/org.ops4j.pax.logging.cfg", "log4j2.appender.rolling.fileName",
                        log.getAbsolutePath()),
                editConfigurationFilePut("etc/org.ops4j.pax.logging.cfg", "log4j2.appender.rolling.filePattern",
                        log.getAbsolutePath() + ".%i"),
                // Other Karafs run on this machine: never the default ports. (Pax Exam itself gives Karaf's
                // management free RMI registry and server ports in etc/org.apache.karaf.management.cfg.)
                editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", httpPort),
                editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", freePort()),
                systemProperty("herald.itest.httpPort").value(httpPort),
                systemProperty("herald.itest.db").value(database),
                systemProperty("herald.itest.sampleBundle").value(required("herald.itest.sampleBundle")),
                vmOption("-Xmx1024m"),
                // The whiteboard embeds a jar whose zip extra field JDK 17.0.15+ rejects (bin/setenv sets it too).
                vmOption("-Djdk.util.zip.disableZip64ExtraFieldValidation=true")));
        options.addAll(jdk17ModuleOptions(karafVersion));

        String localRepository = System.getProperty("org.ops4j.pax.url.mvn.localRepository", "");
        if (!localRepository.isBlank()) {
            options.add(editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg",
                    "org.ops4j.pax.url.mvn.localRepository", localRepository));
        }
        if ("postgresql".equals(database)) {
            String url = required("herald.itest.pg.url");
            String user = required("herald.itest.pg.user");
            String password = required("herald.itest.pg.password");
            emptyPostgresql(url, user, password);
            String cfg = "etc/org.ops4j.datasource-herald.cfg";
            options.add(editConfigurationFilePut(cfg, "osgi.jdbc.driver.class", "org.postgresql.Driver"));
            options.add(editConfigurationFilePut(cfg, "url", url));
            options.add(editConfigurationFilePut(cfg, "user", user));
            options.add(editConfigurationFilePut(cfg, "password", password));
        }
        if (Boolean.getBoolean("herald.itest.keepRuntime")) {
            options.add(keepRuntimeFolder());
        }
        return options.toArray(new Option[0]);
    }

    /** What {@code bin/karaf} passes on Java 9+; without them karaf.log fills with {@code OsgiLocator} errors. */
    private static List<Option> jdk17ModuleOptions(String karafVersion) {
        List<Option> options = new ArrayList<>();
        for (String option : new String[] {
                "--add-reads=java.xml=java.logging",
                "--add-exports=java.base/org.apache.karaf.specs.locator=java.xml,ALL-UNNAMED",
                "--patch-module", "java.base=lib/endorsed/org.apache.karaf.specs.locator-" + karafVersion + ".jar",
                "--patch-module", "java.xml=lib/endorsed/org.apache.karaf.specs.java.xml-" + karafVersion + ".jar",
                "--add-opens", "java.base/java.security=ALL-UNNAMED",
                "--add-opens", "java.base/java.net=ALL-UNNAMED",
                "--add-opens", "java.base/java.lang=ALL-UNNAMED",
                "--add-opens", "java.base/java.util=ALL-UNNAMED",
                "--add-opens", "java.naming/javax.naming.spi=ALL-UNNAMED",
                "--add-opens", "java.rmi/sun.rmi.transport.tcp=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.protocol.file=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.protocol.ftp=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.protocol.http=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.protocol.https=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.protocol.jar=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.content.text=ALL-UNNAMED",
                "--add-exports=jdk.xml.dom/org.w3c.dom.html=ALL-UNNAMED",
                "--add-exports=jdk.naming.rmi/com.sun.jndi.url.rmi=ALL-UNNAMED",
                "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED",
                "--add-exports=java.security.sasl/com.sun.security.sasl=ALL-UNNAMED",
                "--add-exports=java.naming/com.sun.jndi.ldap=ALL-UNNAMED",
                // Relative to the Karaf folder, Pax Exam's working directory; replaces Pax Exam's class path.
                "-classpath", "lib/jdk9plus/*" + File.pathSeparator + "lib/boot/*"}) {
            options.add(vmOption(option));
        }
        return options;
    }

    /** Each PostgreSQL run starts on an empty schema, as user herald (who owns the database). */
    private static void emptyPostgresql(String url, String user, String password) {
        try (Connection connection = DriverManager.getConnection(url, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS public CASCADE");
            statement.execute("CREATE SCHEMA public");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot empty " + url + " as " + user + " (start it with: "
                    + "bash .ci/postgres.sh herald_itest): " + e.getMessage(), e);
        }
    }

    /**
     * Inside Karaf, before the first test: boot features installed (injection waits for {@link BootFinished}),
     * every Herald bundle active with its components satisfied, and health 200 (migrations ran). Health alone is not
     * enough: the datasource and the components after it come up asynchronously, and resources register one by one.
     */
    @Before
    public void awaitHerald() {
        if (api == null) {
            Api candidate = Api.at("http://127.0.0.1:" + required("herald.itest.httpPort"));
            eventually(STARTUP, () -> {
                List<String> notRunning = Components.notRunning(bundleContext, scr);
                if (!notRunning.isEmpty()) {
                    throw new AssertionError("Herald did not start: " + String.join("; ", notRunning));
                }
            });
            candidate.await(HEALTH, 200, STARTUP);
            api = candidate;
        }
    }

    /** The database under test: {@code h2} or {@code postgresql}. */
    protected static String database() {
        String database = System.getProperty("herald.itest.db", "h2");
        if (!database.equals("h2") && !database.equals("postgresql")) {
            throw new IllegalStateException("herald.itest.db is h2 or postgresql, not " + database);
        }
        return database;
    }

    /** Retries {@code check} until it passes or {@code timeout} ends, then throws its last failure. */
    protected static void eventually(Duration timeout, Runnable check) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                check.run();
                return;
            } catch (AssertionError | RuntimeException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
            }
            Api.sleep(250);
        }
    }

    protected static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + property + " is not set (itests/pom.xml sets it)");
        }
        return value;
    }

    private static String freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return Integer.toString(socket.getLocalPort());
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }
}
