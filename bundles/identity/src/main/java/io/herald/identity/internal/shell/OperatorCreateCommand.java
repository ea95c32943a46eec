package io.herald.identity.internal.shell;

import io.herald.identity.internal.Accounts;
import io.herald.identity.internal.rest.IdentityViews;
import io.herald.platform.api.Problem;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

/** {@code herald:operator-create}: makes a server operator; asks for the password when not given. */
@Service
@Command(scope = "herald", name = "operator-create", description = "Create a server operator")
public class OperatorCreateCommand implements Action {

    @Reference
    Accounts accounts;

    @Reference
    Session session;

    @Argument(index = 0, name = "email", required = true, description = "Operator's email, used to sign in")
    String email;

    @Argument(index = 1, name = "name", required = false, description = "Display name")
    String name = "Operator";

    @Option(name = "--password", description = "Password (prompted for, hidden, when omitted)")
    String password;

    @Override
    public Object execute() throws Exception {
        String secret = password != null ? password : session.readLine("Password: ", '*');
        try {
            IdentityViews.User user = accounts.createOperator(email, name, secret);
            System.out.println("Operator " + user.email() + " created (id " + user.id() + ")");
        } catch (Problem problem) {
            System.err.println("Not created: " + problem.detail());
        }
        return null;
    }
}
