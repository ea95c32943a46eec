package io.herald.identity.internal;

import io.herald.identity.internal.auth.Tokens;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * On a server with no operator yet, creates one with a generated password and prints how to sign in, once.
 * Operators can also be made from the shell with {@code herald:operator-create}.
 */
@Component(service = FirstOperator.class, immediate = true, configurationPid = "io.herald.identity")
public class FirstOperator {

    public @interface Config {
        String firstOperatorEmail() default "admin@herald.local";
    }

    private final Logger logger = LoggerFactory.getLogger(FirstOperator.class);

    @Activate
    public FirstOperator(@Reference Accounts accounts, Config config) {
        if (accounts.hasOperator()) {
            return;
        }
        String password = Tokens.random(15);
        try {
            accounts.createOperator(config.firstOperatorEmail(), "Operator", password);
        } catch (RuntimeException e) {
            // Another node created it first, or the email is taken: the shell command remains.
            logger.warn("Could not create the first operator ({}); use herald:operator-create", e.getMessage());
            return;
        }
        String banner = String.join(System.lineSeparator(),
                "",
                "==================================================================",
                " Herald is ready. First operator (shown once, change it soon):",
                "   email:    " + config.firstOperatorEmail(),
                "   password: " + password,
                " Sign in:  POST http://localhost:8181/api/v1/auth/login",
                " Console:  http://localhost:8181/console/",
                " Another operator: herald:operator-create <email> <name> (Karaf shell)",
                "==================================================================",
                "");
        System.out.println(banner);
        logger.warn("First operator {} created with one-time password {} (sign in at /api/v1/auth/login)",
                config.firstOperatorEmail(), password);
    }
}
