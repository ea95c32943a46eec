package io.herald.platform.internal.plugins;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herald.platform.api.Problem;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginDeployerTest {

    @TempDir
    Path karaf;

    private static byte[] bundle(String symbolicName, String version) throws Exception {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (symbolicName != null) {
            manifest.getMainAttributes().putValue("Bundle-SymbolicName", symbolicName);
            manifest.getMainAttributes().putValue("Bundle-Version", version);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new JarOutputStream(bytes, manifest).close();
        return bytes.toByteArray();
    }

    @Test
    void aPluginJarLandsInDeployUnderItsSymbolicNameAndAnUpdateReplacesIt() throws Exception {
        PluginDeployer deployer = new PluginDeployer(karaf.resolve("deploy"));
        PluginDeployer.Deployed first = deployer.deploy(bundle("io.herald.plugin.channel-x;singleton:=true", "1.0.0"));
        assertEquals("io.herald.plugin.channel-x", first.symbolicName());
        byte[] update = bundle("io.herald.plugin.channel-x", "1.1.0");
        deployer.deploy(update);
        assertEquals(List.of("io.herald.plugin.channel-x.jar"), deployer.deployedFiles());
        assertArrayEquals(update, Files.readAllBytes(karaf.resolve("deploy/io.herald.plugin.channel-x.jar")));

        deployer.undeploy("io.herald.plugin.channel-x");
        assertTrue(deployer.deployedFiles().isEmpty());
        assertEquals(404, assertThrows(Problem.class, () -> deployer.undeploy("io.herald.plugin.channel-x")).status());
    }

    @Test
    void anythingButAPluginBundleIsRefused() throws Exception {
        PluginDeployer deployer = new PluginDeployer(karaf.resolve("deploy"));
        assertEquals(400, assertThrows(Problem.class, () -> deployer.deploy("not a jar".getBytes())).status());
        assertEquals(400, assertThrows(Problem.class, () -> deployer.deploy(bundle(null, null))).status());
        assertEquals(400, assertThrows(Problem.class, () -> deployer.deploy(bundle("org.evil.core", "1"))).status());
        assertEquals(400, assertThrows(Problem.class, () -> deployer.deploy(bundle("io.herald.plugin.../x", "1")))
                .status());
        assertTrue(deployer.deployedFiles().isEmpty());
        assertThrows(Problem.class, () -> deployer.undeploy("../etc/users.properties"));
    }
}
