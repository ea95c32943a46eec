package io.herald.identity.internal.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokensTest {

    @Test
    void anApiKeySplitsBackIntoItsPrefixAndSecret() {
        for (int i = 0; i < 200; i++) {
            Tokens.ApiKeySecret key = Tokens.newApiKey();
            Tokens.ApiKeySecret parsed = Tokens.parseApiKey(key.full());
            assertEquals(key, parsed, key.full());
            assertTrue(key.full().startsWith("hk_"));
            assertFalse(key.prefix().contains("_"));
        }
    }

    @Test
    void somethingThatIsNotAnApiKeyIsNotParsedAsOne() {
        assertNull(Tokens.parseApiKey("hs_abcdefghijklmnop"));
        assertNull(Tokens.parseApiKey("hk_short"));
        assertNull(Tokens.parseApiKey("hk_noseparatorhere"));
    }

    @Test
    void sessionTokensAreUniqueAndOnlyTheirHashIsComparable() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            assertTrue(seen.add(Tokens.newSession()));
        }
        String token = Tokens.newSession();
        assertTrue(token.startsWith("hs_"));
        assertEquals(64, Tokens.sha256(token).length());
        assertTrue(Tokens.sameHash(Tokens.sha256(token), Tokens.sha256(token)));
        assertNotEquals(Tokens.sha256(token), Tokens.sha256(token + "x"));
        assertFalse(Tokens.sameHash(null, Tokens.sha256(token)));
    }
}
