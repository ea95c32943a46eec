package io.herald.platform.internal.shell;

import io.herald.platform.api.PluginInfo;
import io.herald.platform.api.Plugins;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

/** {@code herald:plugin-list}: the plugins running now. */
@Service
@Command(scope = "herald", name = "plugin-list", description = "List installed plugins")
public class PluginListCommand implements Action {

    @Reference
    Plugins plugins;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Id");
        table.column("Name");
        table.column("Kind");
        table.column("Bundle");
        table.column("Version");
        table.column("State");
        for (PluginInfo p : plugins.list()) {
            table.addRow().addContent(p.id(), p.name(), p.kind(), p.bundle(), p.version(), p.state());
        }
        table.print(System.out);
        return null;
    }
}
