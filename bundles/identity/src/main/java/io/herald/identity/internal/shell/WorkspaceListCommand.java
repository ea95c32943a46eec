package io.herald.identity.internal.shell;

import io.herald.identity.internal.Accounts;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

/** {@code herald:workspace-list}: every workspace (tenant) of the server with its member count. */
@Service
@Command(scope = "herald", name = "workspace-list", description = "List workspaces")
public class WorkspaceListCommand implements Action {

    @Reference
    Accounts accounts;

    @Option(name = "--limit", description = "Most workspaces shown")
    int limit = 200;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Id");
        table.column("Name");
        table.column("Members").alignRight();
        table.column("Created");
        table.column("State");
        for (Accounts.WorkspaceSummary w : accounts.allWorkspaces(limit)) {
            table.addRow().addContent(w.id(), w.name(), w.members(), w.createdAt(), w.deleted() ? "deleted" : "active");
        }
        table.print(System.out);
        return null;
    }
}
