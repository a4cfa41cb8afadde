package org.pramaan.app;

import java.util.List;
import org.pramaan.cli.CliCommands;

/** Commands only the composition root can run: {@code pramaan migrate} needs both store adapters (issue 15). */
public final class AppCommands implements CliCommands {
    @Override
    public List<Class<?>> commands() {
        return List.of(MigrateCommand.class);
    }
}
