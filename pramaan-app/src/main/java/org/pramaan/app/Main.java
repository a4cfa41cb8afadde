package org.pramaan.app;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.pramaan.cli.PramaanCli;

/** {@code java -jar pramaan.jar …}: the CLI on the configured deployment. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        PramaanConfig config;
        try {
            config = PramaanConfig.load(System.getenv(), System.getProperties());
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            System.exit(2);
            return;
        }
        LogFormat.apply(config.http().logFormat());
        int code = PramaanCli.run(() -> new EmbeddedRuntime(config, Clock.systemUTC(), System.out), out, err, args);
        System.exit(code);
    }
}
