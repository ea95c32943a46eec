package io.herald.platform.internal;

import io.herald.platform.api.Secrets;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * AES-256-GCM with keys read from a file under {@code etc/} (one base64 key per line, the first seals, all
 * open), or from {@code HERALD_SECRETS_KEY}. A first start writes a new key file readable by its owner only;
 * every node of a cluster needs the same file. Sealed form: {@code v1.<key id>.<base64 nonce|ciphertext|tag>}.
 */
@Component(service = Secrets.class, configurationPid = "io.herald.secrets")
@Designate(ocd = SecretBox.Config.class)
public class SecretBox implements Secrets {

    @ObjectClassDefinition(name = "Herald secrets")
    public @interface Config {
        @AttributeDefinition(description = "File of base64 AES-256 keys, newest first; created when missing")
        String keyFile() default "${karaf.etc}/herald-secrets.key";
    }

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Logger logger = LoggerFactory.getLogger(SecretBox.class);
    private final Map<String, SecretKey> keys = new LinkedHashMap<>();
    private final String sealingKeyId;

    @Activate
    public SecretBox(Config config) throws IOException {
        this(load(config));
    }

    SecretBox(java.util.List<byte[]> rawKeys) {
        for (byte[] raw : rawKeys) {
            if (raw.length != 32) {
                throw new IllegalArgumentException("secret keys must be 32 bytes (AES-256)");
            }
            keys.put(keyId(raw), new SecretKeySpec(raw, "AES"));
        }
        this.sealingKeyId = keys.keySet().iterator().next();
    }

    private static java.util.List<byte[]> load(Config config) throws IOException {
        String fromEnv = System.getenv("HERALD_SECRETS_KEY");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return java.util.Arrays.stream(fromEnv.split("[,\\s]+")).map(k -> Base64.getDecoder().decode(k)).toList();
        }
        String file = config.keyFile().replace("${karaf.etc}", System.getProperty("karaf.etc", "etc"));
        Path path = Path.of(file);
        if (!Files.exists(path)) {
            byte[] key = new byte[32];
            RANDOM.nextBytes(key);
            Files.createDirectories(path.toAbsolutePath().getParent());
            Files.writeString(path, "# Herald secret keys: newest first. Back this file up; without it stored secrets are lost.\n"
                    + Base64.getEncoder().encodeToString(key) + "\n", StandardOpenOption.CREATE_NEW);
            try {
                Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system
            }
            LoggerFactory.getLogger(SecretBox.class).warn("Created a new secret key in {}: back it up, and give "
                    + "every node of a cluster the same file", path);
        }
        return Files.readAllLines(path).stream().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .map(l -> Base64.getDecoder().decode(l)).toList();
    }

    static String keyId(byte[] raw) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw), 0, 4);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String encrypt(String plaintext, String context) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(sealingKeyId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            ByteBuffer out = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed);
            return "v1." + sealingKeyId + "." + Base64.getEncoder().withoutPadding().encodeToString(out.array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt", e);
        }
    }

    @Override
    public String decrypt(String sealed, String context) {
        String[] parts = sealed == null ? new String[0] : sealed.split("\\.");
        if (parts.length != 3 || !"v1".equals(parts[0])) {
            throw new IllegalArgumentException("not a sealed secret");
        }
        SecretKey key = keys.get(parts[1]);
        if (key == null) {
            logger.error("A secret was sealed with key {} which is not in the key file", parts[1]);
            throw new IllegalArgumentException("sealed with an unknown key " + parts[1]);
        }
        try {
            byte[] data = Base64.getDecoder().decode(parts[2]);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, data, 0, NONCE_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(data, NONCE_BYTES, data.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("secret does not open: tampered, or sealed for something else", e);
        }
    }
}
