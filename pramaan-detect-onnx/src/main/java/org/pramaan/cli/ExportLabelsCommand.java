package org.pramaan.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.pramaan.detect.LabelExport;
import org.pramaan.detect.ReviewLabels;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code pramaan detect export-labels} (issue 16, reviewer feedback loop): reviewers' findings on a model's scores,
 * from the data directory, as the labelled CSV {@code detect calibrate|evaluate} read. Unsure findings are left out and
 * counted. In {@code org.pramaan.cli} (as the bench commands) so it gets the data directory's runtime.
 */
@Command(
        name = "export-labels",
        description = "Write reviewers' findings on a model's scores as the labelled CSV calibrate and evaluate read.",
        mixinStandardHelpOptions = true)
public final class ExportLabelsCommand implements Callable<Integer>, PramaanCli.RuntimeAware {
    @Option(names = "--model", required = true, description = "the model's id (its manifest's \"id\")")
    String model;

    @Option(names = "--version", description = "only this model version (default: every version)")
    Optional<String> version = Optional.empty();

    @Option(names = "--since", description = "only findings from this UTC date (2026-05-01) or instant on")
    Optional<String> since = Optional.empty();

    @Option(names = "--out", description = "the CSV file to write (default: standard output, the counts to stderr)")
    Optional<Path> out = Optional.empty();

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    private final Optional<PramaanCli.LazyRuntime> runtime;

    ExportLabelsCommand(PramaanCli.LazyRuntime runtime) {
        this.runtime = Optional.of(runtime);
    }

    /** For a {@code detect} command line built without the application (picocli creates every subcommand). */
    public ExportLabelsCommand() {
        this.runtime = Optional.empty();
    }

    @Override
    public Integer call() throws Exception {
        PramaanCli.LazyRuntime r = runtime.orElseThrow(
                () -> new IllegalStateException("export-labels reads the data directory: run it as 'pramaan detect'"));
        LabelExport e = LabelExport.of(r.get()
                .reviewLabels()
                .forModel(model, version, since.map(LabelExport::since), ReviewLabels.MAX_EXPORT));
        if (out.isPresent()) {
            AtomicWrite.write(out.get(), e.csv().getBytes(StandardCharsets.UTF_8));
            spec.commandLine().getOut().print(e.table());
            spec.commandLine().getOut().println("wrote " + out.get());
        } else {
            spec.commandLine().getOut().print(e.csv());
            spec.commandLine().getErr().print(e.table());
        }
        spec.commandLine().getOut().flush();
        return 0;
    }
}
