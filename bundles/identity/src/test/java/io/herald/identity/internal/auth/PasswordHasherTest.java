package io.herald.identity.internal.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    @Test
    void theRightPasswordVerifiesAndAWrongOneDoesNot() {
        String hash = PasswordHasher.hash("correct horse battery staple");
        assertTrue(PasswordHasher.verify("correct horse battery staple", hash));
        assertFalse(PasswordHasher.verify("correct horse battery stapl", hash));
        assertFalse(PasswordHasher.verify("", hash));
    }

    @Test
    void hashesAreArgon2idPhcStringsWithOwaspCostAndAFreshSalt() {
        String first = PasswordHasher.hash("same password");
        String second = PasswordHasher.hash("same password");
        assertTrue(first.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), first);
        assertNotEquals(first, second, "each hash has its own salt");
        assertEquals(6, first.split("\\$").length);
    }

    @Test
    void hashesMadeWithOtherParametersStillVerify() {
        // A hash from an older or costlier setting: the parameters travel in the string.
        String stronger = PasswordHasher.hash("pw-1234567890", 8192, 3, 2);
        assertTrue(stronger.contains("m=8192,t=3,p=2"));
        assertTrue(PasswordHasher.verify("pw-1234567890", stronger));
        assertFalse(PasswordHasher.verify("pw-1234567891", stronger));
        assertFalse(PasswordHasher.verify("pw-1234567890", "$bcrypt$whatever"));
    }
}
