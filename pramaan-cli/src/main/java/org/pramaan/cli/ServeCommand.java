package org.pramaan.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "serve", description = "Start the HTTP API on the configured store (embedded SQLite by default).")
final class ServeCommand implements Callable<Integer>, PramaanCli.RuntimeAware {
    @Option(names = "--host", description = "bind address (default: config http.host, else 127.0.0.1)")
    String host;

    @Option(names = "--port", description = "port; 0 picks a free one (default: config http.port, else 8080)")
    Integer port;

    private final PramaanCli.LazyRuntime runtime;

    ServeCommand(PramaanCli.LazyRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public Integer call() throws Exception {
        runtime.get().serve(host == null ? "" : host, port == null ? -1 : port);
        return 0;
    }
}
