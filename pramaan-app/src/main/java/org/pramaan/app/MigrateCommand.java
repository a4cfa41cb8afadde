package org.pramaan.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code pramaan migrate --from sqlite:DIR [--to postgres:URL] [--resume]} (issue 15): the embedded installation in
 * {@code DIR} into the scaled one the configuration describes ({@code store=postgres}, {@code store.postgres.*},
 * {@code blobs}, {@code data.dir} of the node); {@code --to} overrides {@code store.postgres.url}. Progress goes to
 * standard error, the verification table to standard output; any mismatch exits non-zero naming it.
 */
@Command(
        name = "migrate",
        description = "Copy an embedded installation (SQLite + blobs) into PostgreSQL (+ S3) and verify it.",
        mixinStandardHelpOptions = true)
final class MigrateCommand implements Callable<Integer> {
    @Option(names = "--from", required = true, paramLabel = "sqlite:DIR", description = "the embedded data directory")
    String from;

    @Option(
            names = "--to",
            paramLabel = "postgres:URL",
            description = "the target's JDBC URL (else store.postgres.url)")
    String to;

    @Option(names = "--resume", description = "continue an interrupted migration into a target that has rows")
    boolean resume;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!from.startsWith("sqlite:")) throw new IllegalArgumentException("--from is sqlite:DIR, got '" + from + "'");
        Path dir = Path.of(from.substring("sqlite:".length()));
        Map<String, String> env = new HashMap<>(System.getenv());
        env.putIfAbsent("PRAMAAN_STORE", "postgres");
        if (to != null) {
            if (!to.startsWith("postgres:"))
                throw new IllegalArgumentException("--to is postgres:URL, got '" + to + "'");
            env.put("PRAMAAN_STORE", "postgres");
            env.put("PRAMAAN_STORE_POSTGRES_URL", to.substring("postgres:".length()));
        }
        PramaanConfig target = PramaanConfig.load(env, System.getProperties());
        PrintWriter err = spec.commandLine().getErr();
        err.println(
                "migrating " + dir + " into " + target.storage().storeOptions().get("url") + " (blobs="
                        + target.blobs().kind() + ")");
        Migration.Result r = new Migration(dir, target, resume, err).run();
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%-24s %12s %12s%n", "table", "source", "target");
        for (Migration.TableCount c : r.counts()) out.printf("%-24s %,12d %,12d%n", c.table(), c.source(), c.target());
        out.printf("blobs copied and read back: %,d%naudit chain verifies; head %s%n", r.blobs(), r.head());
        return 0;
    }

    /** For tests: loads the target from {@code env} alone. */
    static PramaanConfig config(Map<String, String> env) {
        return PramaanConfig.load(env, new Properties());
    }
}
