package io.herald.identity.internal.shell;

import io.herald.identity.internal.Accounts;
import io.herald.identity.internal.rest.IdentityViews;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

/** {@code herald:user-list}: every user of the server. */
@Service
@Command(scope = "herald", name = "user-list", description = "List users")
public class UserListCommand implements Action {

    @Reference
    Accounts accounts;

    @Option(name = "--limit", description = "Most users shown")
    int limit = 200;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Id");
        table.column("Email");
        table.column("Name");
        table.column("Operator");
        table.column("Created");
        for (IdentityViews.User user : accounts.users(limit)) {
            table.addRow().addContent(user.id(), user.email(), user.name(), user.operator() ? "yes" : "",
                    user.createdAt());
        }
        table.print(System.out);
        return null;
    }
}
