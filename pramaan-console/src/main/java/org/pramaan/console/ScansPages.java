package org.pramaan.console;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.pramaan.access.Permission;
import org.pramaan.backscan.BackScans;
import org.pramaan.backscan.ObjectPrefix;
import org.pramaan.backscan.ScanJob;
import org.pramaan.backscan.ScanPolicy;
import org.pramaan.backscan.ScanResult;
import org.pramaan.backscan.ScanSource;
import org.pramaan.errors.Invalid;
import org.pramaan.limits.PlainText;

/**
 * The console's Back-scans pages (issue 17 part 2): every job with its progress, rate and ETA (the table refreshes
 * itself while a job runs), one job's results, and an admin's start, pause, resume and cancel. Everything goes through
 * {@link BackScans}, the use case {@code /v1/scans} calls, so it is validated and audited the same way with the
 * signed-in person as the actor; the roles are the API's: {@link Permission#AUDIT_READ} to look,
 * {@link Permission#KEYS_ADMIN} to start and steer.
 */
public final class ScansPages {
    static final int RESULTS_PAGE = 100;
    /** A list scan pasted into the form: at most this many characters before it is split (the use case caps entries). */
    static final int MAX_ITEMS_TEXT = 1 << 20;

    private final Console console;
    private final Optional<BackScans> scans;
    private final Clock clock;

    ScansPages(Console console, Optional<BackScans> scans, Clock clock) {
        this.console = Objects.requireNonNull(console, "console");
        this.scans = Objects.requireNonNull(scans, "scans");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    void mount(JavalinConfig config) {
        console.pageGet(config, "/scans", this::list);
        console.pageGet(config, "/scans/{id}", this::job);
        console.pagePost(config, "/scans", this::start);
        console.pagePost(config, "/scans/{id}/pause", (ctx, s) -> steer(ctx, s, "pause"));
        console.pagePost(config, "/scans/{id}/resume", (ctx, s) -> steer(ctx, s, "resume"));
        console.pagePost(config, "/scans/{id}/cancel", (ctx, s) -> steer(ctx, s, "cancel"));
    }

    /** One job as a row: what it scans, how far it is, and what an admin may do with it now. */
    public record JobRow(
            String id,
            String kind,
            String source,
            String state,
            long done,
            long total,
            int percent,
            long matched,
            long errors,
            long reviews,
            long cases,
            String rate,
            String eta,
            String trigger,
            String createdBy,
            Instant createdAt,
            Optional<String> failure,
            boolean canPause,
            boolean canResume,
            boolean canCancel) {
        static JobRow of(ScanJob j, Instant now) {
            long total = j.counts().total();
            long done = j.counts().done();
            int percent = total == 0 ? (j.state().terminal() ? 100 : 0) : (int) Math.min(100, done * 100 / total);
            String state = j.state().name().toLowerCase(Locale.ROOT);
            return new JobRow(
                    j.id(),
                    ScansPages.kind(j.source().kind()),
                    ScansPages.source(j.source()),
                    state,
                    done,
                    total,
                    percent,
                    j.counts().matched(),
                    j.counts().errors(),
                    j.counts().reviews(),
                    j.counts().cases(),
                    String.format(Locale.ROOT, "%.1f", j.rate(now)),
                    j.eta(now).map(ScansPages::duration).orElse("–"),
                    j.trigger(),
                    j.createdBy(),
                    j.createdAt(),
                    j.failure(),
                    state.equals("running"),
                    state.equals("paused"),
                    state.equals("running") || state.equals("paused"));
        }
    }

    public record ResultRow(String item, String outcome, String hits, String action, String detail) {
        static ResultRow of(ScanResult r) {
            List<String> hits = new ArrayList<>();
            for (ScanResult.Hit h : r.hits())
                hits.add(h.bank() + " #" + h.itemId() + " " + h.method() + " " + h.distance());
            return new ResultRow(
                    r.item(),
                    r.outcome().name().toLowerCase(Locale.ROOT),
                    String.join(", ", hits),
                    r.action().name().toLowerCase(Locale.ROOT)
                            + r.ref().map(x -> " " + x).orElse(""),
                    r.detail());
        }
    }

    public record ScansModel(boolean available, boolean canStart, List<JobRow> jobs, boolean anyRunning) {}

    public record JobModel(JobRow job, List<ResultRow> results, boolean canSteer) {}

    private BackScans scans() {
        return scans.orElseThrow(() -> new Invalid("kind", "back-scans are not wired in this server"));
    }

    private void list(Context ctx, Sessions.Session session) {
        console.requirePermission(session, Permission.AUDIT_READ);
        Instant now = clock.instant();
        List<JobRow> jobs = scans.map(
                        s -> s.recent(50).stream().map(j -> JobRow.of(j, now)).toList())
                .orElse(List.of());
        boolean running = jobs.stream().anyMatch(j -> j.state().equals("running"));
        console.pageRender(
                ctx,
                200,
                "scans.jte",
                session,
                "scans.title",
                "scans",
                new ScansModel(scans.isPresent(), can(session, Permission.KEYS_ADMIN), jobs, running));
    }

    private void job(Context ctx, Sessions.Session session) {
        console.requirePermission(session, Permission.AUDIT_READ);
        ScanJob j = scans().get(id(ctx));
        List<ResultRow> results = scans().results(j.id(), "", RESULTS_PAGE).stream()
                .map(ResultRow::of)
                .toList();
        console.pageRender(
                ctx,
                200,
                "scan.jte",
                session,
                "scan.title",
                "scans",
                new JobModel(JobRow.of(j, clock.instant()), results, can(session, Permission.KEYS_ADMIN)));
    }

    private void start(Context ctx, Sessions.Session session) {
        console.requirePermission(session, Permission.KEYS_ADMIN);
        String kind = field(ctx, "kind", 32);
        ScanSource.Kind k = switch (kind) {
            case "stored-media" -> ScanSource.Kind.STORED_MEDIA;
            case "folder" -> ScanSource.Kind.FOLDER;
            case "list" -> ScanSource.Kind.LIST;
            case "s3-prefix" -> ScanSource.Kind.OBJECT_PREFIX;
            default -> throw new Invalid("kind", "choose stored-media, folder, list or s3-prefix");
        };
        String folder = field(ctx, "folder", 4096);
        String bucket = field(ctx, "bucket", 63);
        String prefix = field(ctx, "prefix", ObjectPrefix.MAX_KEY_BYTES);
        String items = field(ctx, "items", MAX_ITEMS_TEXT);
        ScanPolicy.Action action = switch (field(ctx, "policy", 16)) {
            case "", "review" -> ScanPolicy.Action.REVIEW;
            case "case" -> ScanPolicy.Action.CASE;
            default -> throw new Invalid("policy", "choose review or case");
        };
        String noticeType = field(ctx, "noticeType", 64);
        List<String> entries = new ArrayList<>();
        if (k == ScanSource.Kind.LIST)
            for (String line : PlainText.split(items, '\n', false)) if (!line.isBlank()) entries.add(line.strip());
        Optional<ObjectPrefix> objects = k == ScanSource.Kind.OBJECT_PREFIX
                ? Optional.of(ObjectPrefix.checked(bucket, prefix))
                : Optional.empty();
        ScanJob j = scans().start(
                        new BackScans.Request(
                                k,
                                k == ScanSource.Kind.FOLDER ? Optional.of(folder) : Optional.empty(),
                                entries,
                                new ScanPolicy(
                                        action, noticeType.isEmpty() ? Optional.empty() : Optional.of(noticeType)),
                                objects),
                        session.actor());
        ctx.redirect("/scans/" + j.id(), HttpStatus.SEE_OTHER);
    }

    private void steer(Context ctx, Sessions.Session session, String how) {
        console.requirePermission(session, Permission.KEYS_ADMIN);
        String id = id(ctx);
        switch (how) {
            case "pause" -> scans().pause(id, session.actor());
            case "resume" -> scans().resume(id, session.actor());
            default -> scans().cancel(id, session.actor());
        }
        ctx.redirect("/scans/" + id, HttpStatus.SEE_OTHER);
    }

    private static boolean can(Sessions.Session session, Permission p) {
        return session.principal().role().can(p);
    }

    /** A job id as the server makes them ({@code scan_} and hex): anything else is refused before a lookup. */
    private static String id(Context ctx) {
        String id = ctx.pathParam("id");
        boolean ok = id.length() <= 64 && id.startsWith("scan_");
        for (int i = 5; ok && i < id.length(); i++) {
            char c = id.charAt(i);
            ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
        }
        if (!ok)
            throw new Invalid(
                    "id",
                    "'" + PlainText.controlsAsQuestionMarks(id.length() > 64 ? id.substring(0, 64) : id)
                            + "' is not a back-scan id");
        return id;
    }

    private static String field(Context ctx, String name, int max) {
        String v = Objects.requireNonNullElse(Console.formField(ctx, name), "");
        if (v.length() > max) throw new Invalid(name, name + " is " + v.length() + " characters; at most " + max);
        return name.equals("items") || name.equals("prefix") ? v : v.strip();
    }

    private static String kind(ScanSource.Kind k) {
        return k == ScanSource.Kind.OBJECT_PREFIX
                ? "s3-prefix"
                : k.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String source(ScanSource s) {
        return switch (s.kind()) {
            case STORED_MEDIA -> "–";
            case FOLDER -> s.folder().orElse("");
            case LIST -> Integer.toString(s.items().size());
            case BANK_ADDITION -> s.items().size() + " / " + s.bankItems().size();
            case OBJECT_PREFIX -> s.objects().map(o -> o.label(o.prefix())).orElse("");
        };
    }

    /** An ETA as hours, minutes and seconds. */
    static String duration(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s >= 3600) return (s / 3600) + " h " + (s % 3600 / 60) + " min";
        if (s >= 60) return (s / 60) + " min " + (s % 60) + " s";
        return s + " s";
    }
}
