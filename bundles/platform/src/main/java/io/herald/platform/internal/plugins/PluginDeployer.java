package io.herald.platform.internal.plugins;

import io.herald.platform.api.Problem;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs, updates and removes plugin bundles the way an operator would by hand: through Karaf's
 * {@code deploy/} folder. A jar written there is installed (or updated, same symbolic name) within seconds and
 * starts again after a restart; deleting it uninstalls the bundle. The core never restarts.
 */
@Component(service = PluginDeployer.class)
public class PluginDeployer {

    /** What a deployed jar declares. */
    public record Deployed(String symbolicName, String version, String file) {
    }

    private final Logger logger = LoggerFactory.getLogger(PluginDeployer.class);
    private final Path deploy;

    @Activate
    public PluginDeployer() {
        this(Path.of(System.getProperty("karaf.base", "."), "deploy"));
    }

    PluginDeployer(Path deploy) {
        this.deploy = deploy;
    }

    /** Checks that {@code jar} is an OSGi bundle of a Herald plugin and puts it in {@code deploy/}. */
    public Deployed deploy(byte[] jar) {
        Manifest manifest;
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(jar))) {
            manifest = in.getManifest();
        } catch (IOException e) {
            throw Problem.badRequest("file", "not a jar file: " + e.getMessage());
        }
        if (manifest == null) {
            throw Problem.badRequest("file", "the jar has no manifest, so it is not an OSGi bundle");
        }
        Attributes attributes = manifest.getMainAttributes();
        String symbolicName = attributes.getValue("Bundle-SymbolicName");
        String version = attributes.getValue("Bundle-Version");
        if (symbolicName == null) {
            throw Problem.badRequest("file", "the jar is not an OSGi bundle (no Bundle-SymbolicName)");
        }
        symbolicName = symbolicName.split(";")[0].trim();
        if (!symbolicName.matches("[A-Za-z0-9_.\\-]+")) {
            throw Problem.badRequest("file", "unusable Bundle-SymbolicName " + symbolicName);
        }
        if (!symbolicName.startsWith("io.herald.plugin.") && attributes.getValue("Herald-Plugin") == null) {
            throw Problem.badRequest("file", "only plugins can be deployed here: the bundle's symbolic name must "
                    + "start with io.herald.plugin. or its manifest declare Herald-Plugin");
        }
        try {
            Files.createDirectories(deploy);
            Path target = deploy.resolve(symbolicName + ".jar");
            Path temporary = Files.createTempFile(deploy.getParent() == null ? deploy : deploy.getParent(),
                    symbolicName, ".part");
            Files.write(temporary, jar);
            try {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
            logger.info("Plugin bundle {} {} deployed to {}", symbolicName, version, target);
            return new Deployed(symbolicName, version, target.getFileName().toString());
        } catch (IOException e) {
            throw new IllegalStateException("cannot write to " + deploy, e);
        }
    }

    /** Removes the plugin's jar from {@code deploy/}; Karaf uninstalls the bundle. */
    public void undeploy(String symbolicName) {
        Path target = deploy.resolve(symbolicName + ".jar");
        try {
            if (!symbolicName.matches("[A-Za-z0-9_.\\-]+") || !Files.deleteIfExists(target)) {
                throw Problem.notFound("deployed plugin " + symbolicName);
            }
            logger.info("Plugin bundle {} removed from {}", symbolicName, deploy);
        } catch (IOException e) {
            throw new IllegalStateException("cannot delete " + target, e);
        }
    }

    public List<String> deployedFiles() {
        List<String> files = new ArrayList<>();
        if (Files.isDirectory(deploy)) {
            try (Stream<Path> entries = Files.list(deploy)) {
                entries.filter(p -> p.toString().endsWith(".jar")).forEach(p -> files.add(p.getFileName().toString()));
            } catch (IOException e) {
                throw new IllegalStateException("cannot list " + deploy, e);
            }
        }
        return files;
    }
}
