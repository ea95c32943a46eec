package io.herald.platform.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretBoxTest {

    private static byte[] key() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    @Test
    void aSealedSecretOpensOnlyForItsOwnContext() {
        SecretBox box = new SecretBox(List.of(key()));
        String sealed = box.encrypt("smtp-password", "connection:ws1:c1");
        assertFalse(sealed.contains("smtp-password"));
        assertTrue(sealed.startsWith("v1."));
        assertEquals("smtp-password", box.decrypt(sealed, "connection:ws1:c1"));
        assertThrows(IllegalArgumentException.class, () -> box.decrypt(sealed, "connection:ws2:c1"));
    }

    @Test
    void sealingTwiceGivesDifferentValuesAndTamperingIsDetected() {
        SecretBox box = new SecretBox(List.of(key()));
        String first = box.encrypt("token", "ctx");
        assertNotEquals(first, box.encrypt("token", "ctx"));
        char[] chars = first.toCharArray();
        chars[chars.length - 3] = chars[chars.length - 3] == 'A' ? 'B' : 'A';
        assertThrows(IllegalArgumentException.class, () -> box.decrypt(new String(chars), "ctx"));
    }

    @Test
    void afterARotationOldSecretsStillOpenAndNewOnesUseTheNewKey() {
        byte[] oldKey = key();
        byte[] newKey = key();
        String sealedBefore = new SecretBox(List.of(oldKey)).encrypt("old", "ctx");
        SecretBox rotated = new SecretBox(List.of(newKey, oldKey));
        assertEquals("old", rotated.decrypt(sealedBefore, "ctx"));
        assertTrue(rotated.encrypt("new", "ctx").contains("." + SecretBox.keyId(newKey) + "."));
        assertThrows(IllegalArgumentException.class, () -> new SecretBox(List.of(newKey)).decrypt(sealedBefore, "ctx"));
    }
}
