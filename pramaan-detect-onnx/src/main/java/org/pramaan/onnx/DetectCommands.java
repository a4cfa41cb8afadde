package org.pramaan.onnx;

import java.util.List;
import org.pramaan.cli.CliCommands;

/** Contributes {@code pramaan detect …} when this optional jar is on the class path (META-INF/services). */
public final class DetectCommands implements CliCommands {
    @Override
    public List<Class<?>> commands() {
        return List.of(DetectCommand.class);
    }
}
