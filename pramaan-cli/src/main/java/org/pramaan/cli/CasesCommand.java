package org.pramaan.cli;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.pramaan.cases.CaseFile;
import org.pramaan.cases.CaseView;
import org.pramaan.json.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "cases",
        description = "Cases on statutory clocks.",
        subcommands = {CasesCommand.ListCases.class, CasesCommand.Bundle.class})
final class CasesCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(
            name = "bundle",
            description = "Write a case's evidence bundle (zip) that 'pramaan audit verify-bundle' checks offline.")
    static final class Bundle implements Callable<Integer>, PramaanCli.RuntimeAware {
        @picocli.CommandLine.Parameters(paramLabel = "CASE")
        String caseId;

        @Option(names = "--output", required = true, description = "zip file to write")
        java.nio.file.Path output;

        @Option(names = "--include-media", description = "include the media bytes, not only their hashes")
        boolean includeMedia;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        private final PramaanCli.LazyRuntime runtime;

        Bundle(PramaanCli.LazyRuntime runtime) {
            this.runtime = runtime;
        }

        @Override
        public Integer call() throws Exception {
            java.nio.file.Files.write(
                    output,
                    runtime.get()
                            .bundles()
                            .export(
                                    caseId,
                                    includeMedia,
                                    org.pramaan.access.Actor.operator(System.getProperty("user.name", "unknown"))));
            spec.commandLine().getOut().println("wrote " + output);
            return 0;
        }
    }

    @Command(name = "list", description = "Open cases, most urgent first (or closed ones, newest first).")
    static final class ListCases implements Callable<Integer>, PramaanCli.RuntimeAware {
        @Option(names = "--state", defaultValue = "open", description = "open or closed")
        String state;

        @Option(names = "--due-within", description = "only cases due within this long: 90m, 1h, 2d or ISO-8601 (PT1H)")
        String dueWithin;

        @Option(names = "--jurisdiction", description = "IN, EU, US")
        String jurisdiction;

        @Option(names = "--json", description = "one JSON object per case")
        boolean json;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        private final PramaanCli.LazyRuntime runtime;

        ListCases(PramaanCli.LazyRuntime runtime) {
            this.runtime = runtime;
        }

        @Override
        public Integer call() {
            if (!state.equals("open") && !state.equals("closed"))
                throw new IllegalArgumentException("--state must be open or closed, got '" + state + "'");
            List<CaseFile> queue = state.equals("closed")
                    ? runtime.get().cases().closed(200).stream()
                            .filter(c ->
                                    jurisdiction == null || c.jurisdiction().equalsIgnoreCase(jurisdiction))
                            .toList()
                    : runtime.get()
                            .cases()
                            .queue(
                                    Optional.ofNullable(jurisdiction),
                                    Optional.ofNullable(dueWithin).map(ListCases::duration));
            Clock clock = runtime.get().clock();
            for (CaseFile c : queue) {
                if (json) {
                    spec.commandLine().getOut().println(Json.write(CaseView.of(c, clock)));
                } else {
                    String left = c.state() == org.pramaan.cases.CaseState.CLOSED
                            ? closed(c)
                            : c.nextDeadline()
                                    .map(d -> human(Duration.between(clock.instant(), d)))
                                    .orElse(
                                            c.awaitingInformation()
                                                    ? "no clock (awaiting information)"
                                                    : "no running clock");
                    spec.commandLine()
                            .getOut()
                            .printf(
                                    "%-22s %-26s %-10s %s%s%n",
                                    c.id(),
                                    c.noticeType(),
                                    left,
                                    c.nextDeadline().map(Object::toString).orElse(""),
                                    c.legalReview() ? "  [legal review]" : "");
                }
            }
            if (!json) spec.commandLine().getErr().println(queue.size() + " " + state + " case(s)");
            return 0;
        }

        /** A closed case has no clock: it shows how it was settled and when, e.g. "closed: REMOVE at 2026-03-02T05:00:00Z". */
        private static String closed(CaseFile c) {
            String how = c.outcome().map(Enum::name).orElse("no outcome recorded");
            // The closing action is the last action_taken whose action is the outcome (later events, e.g. a
            // resurfacing, are not the close).
            String when = c.outcome()
                    .flatMap(o -> c.events().stream()
                            .filter(e -> e instanceof org.pramaan.cases.CaseEvent.ActionTaken a && a.action() == o)
                            .reduce((a, b) -> b))
                    .map(e -> " at " + e.at())
                    .orElse("");
            return "closed: " + how + when;
        }

        static Duration duration(String s) {
            String t = s.trim().toLowerCase(java.util.Locale.ROOT);
            try {
                if (t.startsWith("p")) return Duration.parse(t.toUpperCase(java.util.Locale.ROOT));
                long n = Long.parseLong(t.substring(0, t.length() - 1));
                return switch (t.charAt(t.length() - 1)) {
                    case 'm' -> Duration.ofMinutes(n);
                    case 'h' -> Duration.ofHours(n);
                    case 'd' -> Duration.ofDays(n);
                    default -> throw new IllegalArgumentException();
                };
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(
                        "--due-within '" + s + "' is not a duration such as 90m, 1h, 2d or PT1H");
            }
        }

        private static String human(Duration d) {
            if (d.isNegative()) return "OVERDUE " + human(d.negated());
            return d.toHours() > 0
                    ? d.toHours() + "h" + (d.toMinutesPart() > 0 ? d.toMinutesPart() + "m" : "")
                    : d.toMinutes() + "m";
        }
    }
}
