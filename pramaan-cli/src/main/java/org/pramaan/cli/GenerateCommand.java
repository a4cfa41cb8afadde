package org.pramaan.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.pramaan.access.Actor;
import org.pramaan.errors.DomainException;
import org.pramaan.generation.GenerationContext;
import org.pramaan.generation.Generations;
import org.pramaan.json.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "generate",
        mixinStandardHelpOptions = true,
        description = "The generator side: record generations and mark their outputs (issue 14).",
        subcommands = {GenerateCommand.RecordGeneration.class, GenerateCommand.Purge.class})
final class GenerateCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(
            name = "record",
            mixinStandardHelpOptions = true,
            description =
                    "Mark FILE (metadata labels, C2PA when a signing key is configured), store the generation record "
                            + "and bank its hashes; writes the marked file to OUT and prints the record as JSON. Exit 2 on a refusal.")
    static final class RecordGeneration implements Callable<Integer>, PramaanCli.RuntimeAware {
        /** The context is JSON of at most this many bytes, checked before it is parsed. */
        static final long MAX_CONTEXT_BYTES = 1024 * 1024;

        @Parameters(index = "0", paramLabel = "FILE", description = "the generated output")
        Path file;

        @Option(
                names = "--context",
                required = true,
                description = "the generation's context as JSON (model, prompt, user, profile, subjects)")
        Path context;

        @Option(
                names = {"-o", "--output"},
                required = true,
                paramLabel = "OUT",
                description = "where the marked file goes")
        Path output;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        private final PramaanCli.LazyRuntime runtime;

        RecordGeneration(PramaanCli.LazyRuntime runtime) {
            this.runtime = runtime;
        }

        @Override
        public Integer call() throws IOException {
            PrintWriter err = spec.commandLine().getErr();
            if (!Files.isRegularFile(file)) return fail(err, "no such file: " + file);
            if (!Files.isRegularFile(context)) return fail(err, "no such context file: " + context);
            if (Files.size(context) > MAX_CONTEXT_BYTES)
                return fail(err, "context file is larger than " + MAX_CONTEXT_BYTES + " bytes");
            if (Files.size(file) > runtime.get().limits().maxBytes())
                return fail(
                        err,
                        "file exceeds the size limit of "
                                + runtime.get().limits().maxBytes() + " bytes");
            JsonNode ctxJson;
            try {
                ctxJson = Json.mapper().readTree(Files.readString(context));
            } catch (IOException e) {
                return fail(err, "context is not valid JSON: " + e.getMessage());
            }
            Generations.Generated g;
            try {
                g = runtime.get()
                        .generations()
                        .record(
                                Files.readAllBytes(file),
                                GenerationContext.fromJson(ctxJson),
                                Actor.operator(System.getProperty("user.name", "unknown")));
            } catch (DomainException e) {
                return fail(err, e.code() + ": " + e.getMessage());
            }
            AtomicWrite.write(output, g.file());
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", g.record().id());
            m.put("output", output.toString());
            m.put("marks", g.record().marks());
            m.put("sha256", g.record().sha256());
            g.record().pdq().ifPresent(p -> m.put("pdq", p));
            g.record().filingNumber().ifPresent(n -> m.put("filingNumber", n));
            m.put("retainUntil", g.record().retainUntil().toString());
            spec.commandLine().getOut().println(Json.write(m));
            return 0;
        }

        private static int fail(PrintWriter err, String message) {
            err.println("error: " + message);
            return 2;
        }
    }

    @Command(
            name = "purge",
            mixinStandardHelpOptions = true,
            description =
                    "Delete generation records past generation.retention (at least six months, CN Labeling Measures "
                            + "art.9), with their unlabelled-export logs and idempotency outputs; audited with the count. "
                            + "Prints {\"purged\": N}. The generated bank's hashes stay.")
    static final class Purge implements Callable<Integer>, PramaanCli.RuntimeAware {
        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        private final PramaanCli.LazyRuntime runtime;

        Purge(PramaanCli.LazyRuntime runtime) {
            this.runtime = runtime;
        }

        @Override
        public Integer call() {
            int n = runtime.get()
                    .generationRetention()
                    .purge(Actor.operator(System.getProperty("user.name", "unknown")));
            spec.commandLine().getOut().println(Json.write(Map.of("purged", n)));
            return 0;
        }
    }
}
