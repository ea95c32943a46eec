package io.herald.identity.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.herald.platform.api.Problem;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiKeysTest {

    @Test
    void scopesAreAreaReadOrWriteOrEverything() {
        assertEquals(Set.of("contacts:read", "campaigns:write", "*"),
                ApiKeys.scopes(List.of("contacts:read", "campaigns:write", "*", "contacts:read")));
    }

    @Test
    void aMalformedScopeIsRefusedNamingItsPosition() {
        Problem problem = assertThrows(Problem.class, () -> ApiKeys.scopes(List.of("contacts:read", "contacts:delete")));
        assertEquals(400, problem.status());
        assertEquals("scopes[1]", problem.field());
        assertEquals("scopes", assertThrows(Problem.class, () -> ApiKeys.scopes(List.of())).field());
    }

    @Test
    void inputsNameTheFieldAtFault() {
        assertEquals("ann@example.com", Inputs.email("email", "  Ann@Example.COM "));
        assertEquals("email", assertThrows(Problem.class, () -> Inputs.email("email", "not-an-email")).field());
        assertEquals("password", assertThrows(Problem.class, () -> Inputs.password("password", "short")).field());
        assertEquals("workspace", assertThrows(Problem.class, () -> Inputs.name("workspace", "   ")).field());
        assertEquals("name", assertThrows(Problem.class, () -> Inputs.name("name", null)).field());
    }
}
