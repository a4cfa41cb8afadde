package org.pramaan.cli;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.pramaan.access.Actor;
import org.pramaan.reports.ReportFormat;
import org.pramaan.reports.ReportKind;
import org.pramaan.reports.ReportPeriod;
import org.pramaan.reports.Reports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code pramaan report in-monthly --month 2026-11}, {@code pramaan report dsa --from … --to …}: a
 * regulator's report from the data directory, written to standard output or {@code --out}; the run is
 * recorded in the audit log with the report's SHA-256, which is printed on standard error.
 */
@Command(
        name = "report",
        description = "Make a regulator's report: in-monthly (IT Rules r.4(1)(d)), dsa (DSA arts.15/24/42), "
                + "take-it-down (47 U.S.C. s.223a) or cn (labelling log, DSP art.12).")
final class ReportCommand implements Callable<Integer>, PramaanCli.RuntimeAware {
    @Parameters(paramLabel = "KIND", description = "in-monthly, dsa, take-it-down or cn")
    String kind;

    @Option(names = "--month", description = "a calendar month YYYY-MM in the report's zone (IST for in-monthly)")
    String month;

    @Option(names = "--from", description = "first day YYYY-MM-DD (not for in-monthly)")
    String from;

    @Option(names = "--to", description = "last day YYYY-MM-DD, inclusive; at most 366 days after --from")
    String to;

    @Option(
            names = "--format",
            defaultValue = "json",
            description = "json (every figure with its ids), csv, html or pdf (with --out)")
    String format;

    @Option(names = "--out", description = "write the report to this file instead of standard output")
    Path out;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    private final PramaanCli.LazyRuntime runtime;

    ReportCommand(PramaanCli.LazyRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public Integer call() throws Exception {
        ReportKind k = ReportKind.parse(kind);
        ReportFormat f = ReportFormat.parse(format);
        if (f == ReportFormat.PDF && out == null)
            throw new IllegalArgumentException("--format pdf writes a binary file: give --out FILE");
        Reports reports = runtime.get().reports();
        ReportPeriod p =
                reports.period(k, Optional.ofNullable(month), Optional.ofNullable(from), Optional.ofNullable(to));
        Reports.Generated g = reports.generate(k, p, f, Actor.operator(System.getProperty("user.name", "unknown")));
        if (out != null) AtomicWrite.write(out, g.bytes());
        else spec.commandLine().getOut().print(g.body());
        spec.commandLine()
                .getErr()
                .println(k.wireName() + " " + p.label() + " (" + p.from() + " .. " + p.to() + ", " + p.zone()
                        + ") sha256 " + g.sha256() + (out != null ? " written to " + out : ""));
        return 0;
    }
}
