package org.pramaan.cli;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.pramaan.banks.Bank;
import org.pramaan.banks.BankFiles;
import org.pramaan.banks.BankItem;
import org.pramaan.banks.BankKind;
import org.pramaan.banks.BankState;
import org.pramaan.banks.HashBanks;
import org.pramaan.hash.PdqResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "bank",
        description = "Hash banks: create, list, import, export.",
        subcommands = {
            BankCommand.Create.class,
            BankCommand.ListBanks.class,
            BankCommand.Import.class,
            BankCommand.Export.class
        })
final class BankCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static String actor() {
        return org.pramaan.access.Actor.operator(System.getProperty("user.name", "unknown"))
                .wireName();
    }

    static BankFiles.Format format(String given, Path file) {
        if (given != null) return BankFiles.Format.parse(given);
        String n = file == null ? "" : file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return n.endsWith(".csv")
                ? BankFiles.Format.CSV
                : n.endsWith(".tsv")
                        ? BankFiles.Format.TSV
                        : n.endsWith(".txt") ? BankFiles.Format.LINES : BankFiles.Format.JSONL;
    }

    @Command(name = "create", description = "Create a bank.")
    static final class Create implements Callable<Integer>, PramaanCli.RuntimeAware {
        @Parameters(paramLabel = "NAME")
        String name;

        @Option(
                names = "--kind",
                required = true,
                description = "removed, known-deepfake, ncii, allow-list or partner-feed")
        String kind;

        @Option(names = "--state", defaultValue = "enabled", description = "enabled, disabled or shadow")
        String state;

        @Option(
                names = "--threshold",
                defaultValue = "" + HashBanks.PDQ_MATCH_DISTANCE,
                description = "largest matching PDQ distance")
        int threshold;

        @Option(
                names = "--quality-floor",
                defaultValue = "" + PdqResult.MATCHABLE_QUALITY,
                description = "lowest PDQ quality that may match")
        int floor;

        @Option(names = "--description", defaultValue = "")
        String description;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        private final PramaanCli.LazyRuntime runtime;

        Create(PramaanCli.LazyRuntime runtime) {
            this.runtime = runtime;
        }

        @Override
        public Integer call() {
            Bank b = runtime.get()
                    .banks()
                    .create(name, BankKind.parse(kind), BankState.parse(state), threshold, floor, description, actor());
            spec.commandLine()
                    .getOut()
                    .println("created bank " + b.name() + " (" + b.kind().wireName() + ", "
                            + b.state().name().toLowerCase(java.util.Locale.ROOT) + ", d<=" + b.pdqThreshold()
                            + ", quality>=" + b.qualityFloor() + ")");
            return 0;
        }
    }

    @Command(name = "list", description = "List banks with their settings and item counts.")
    static final class ListBanks implements Callable<Integer>, PramaanCli.RuntimeAware {
        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        private final PramaanCli.LazyRuntime runtime;

        ListBanks(PramaanCli.LazyRuntime runtime) {
            this.runtime = runtime;
        }

        @Override
        public Integer call() {
            HashBanks banks = runtime.get().banks().banks();
            spec.commandLine()
                    .getOut()
                    .printf("%-24s %-15s %-9s %9s %8s %9s%n", "NAME", "KIND", "STATE", "THRESHOLD", "QUALITY", "ITEMS");
            for (Bank b : banks.banks()) {
                spec.commandLine()
                        .getOut()
                        .printf(
                                "%-24s %-15s %-9s %9d %8d %9d%n",
                                b.name(),
                                b.kind().wireName(),
                                b.state().name().toLowerCase(java.util.Locale.ROOT),
                                b.pdqThreshold(),
                                b.qualityFloor(),
                                banks.items(b.name()).size());
            }
            return 0;
        }
    }

    @Command(
            name = "import",
            description = "Import items from a file: all are stored or, on the first bad line (named), none.")
    static final class Import implements Callable<Integer>, PramaanCli.RuntimeAware {
        @Parameters(index = "0", paramLabel = "BANK")
        String bank;

        @Parameters(index = "1", paramLabel = "FILE")
        Path file;

        @Option(names = "--format", description = "csv, tsv, jsonl or lines (default: from the file extension)")
        String format;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        private final PramaanCli.LazyRuntime runtime;

        Import(PramaanCli.LazyRuntime runtime) {
            this.runtime = runtime;
        }

        @Override
        public Integer call() throws IOException {
            List<BankItem> items;
            BankFiles.Limits limits = runtime.get().bankImports();
            // The same limits as the API (issue 11 defect 10): a file too big is refused before it is read, one with
            // too many items as the parse passes the limit.
            if (Files.size(file) > limits.maxBytes()) {
                spec.commandLine()
                        .getErr()
                        .println("error: " + file + " is " + Files.size(file) + " bytes; one import may have at most "
                                + limits.maxBytes()
                                + " bytes (banks.max-import-bytes); split it; nothing was imported");
                return 1;
            }
            try {
                try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    items = BankFiles.parse(
                            format(format, file),
                            bank,
                            in,
                            file.getFileName().toString(),
                            actor(),
                            runtime.get().clock().instant(),
                            limits.maxItems());
                }
            } catch (BankFiles.ImportException e) {
                spec.commandLine()
                        .getErr()
                        .println("error: " + file + " " + e.getMessage()
                                + (e.tooLarge() ? " (banks.max-import-items)" : "") + "; nothing was imported");
                return 1;
            }
            List<BankItem> stored = runtime.get().banks().add(bank, items, actor());
            spec.commandLine().getOut().println("imported " + stored.size() + " item(s) into " + bank);
            return 0;
        }
    }

    @Command(name = "export", description = "Export a bank's items.")
    static final class Export implements Callable<Integer>, PramaanCli.RuntimeAware {
        @Parameters(paramLabel = "BANK")
        String bank;

        @Option(
                names = "--format",
                description = "csv, tsv, jsonl or lines (default: from --output's extension, else jsonl)")
        String format;

        @Option(names = "--output", description = "file to write (default: standard output)")
        Path output;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        private final PramaanCli.LazyRuntime runtime;

        Export(PramaanCli.LazyRuntime runtime) {
            this.runtime = runtime;
        }

        @Override
        public Integer call() throws IOException {
            HashBanks banks = runtime.get().banks().banks();
            if (banks.bank(bank).isEmpty()) throw new IllegalArgumentException("no bank named '" + bank + "'");
            if (output == null) {
                BankFiles.write(
                        format(format, null),
                        banks.items(bank),
                        spec.commandLine().getOut());
                return 0;
            }
            try (Writer w = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
                BankFiles.write(format(format, output), banks.items(bank), w);
            }
            return 0;
        }
    }
}
