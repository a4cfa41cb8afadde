package org.pramaan.backscan;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.pramaan.access.Actor;
import org.pramaan.audit.AuditLog;
import org.pramaan.banks.HashBanks;
import org.pramaan.cases.CaseService;
import org.pramaan.errors.Conflict;
import org.pramaan.errors.Invalid;
import org.pramaan.errors.NotFound;
import org.pramaan.intake.BlobStore;
import org.pramaan.intake.MediaRepository;
import org.pramaan.intake.Screener;

/**
 * The back-scan use cases: start a job (validated whole before anything is stored), read its
 * progress, pause, resume and cancel it. Each change of state is audited in the same unit of work;
 * running jobs are handed to {@code wake} (the server's executor) once their change has committed.
 */
public final class BackScans {
    /** Everything a back-scan uses, from the composition root. */
    public record Parts(
            ScanJobRepository jobs,
            MediaRepository media,
            BlobStore blobs,
            Screener screener,
            HashBanks banks,
            CaseService cases,
            AuditLog audit,
            FetchHook fetch,
            ScanSettings settings,
            Clock clock,
            ObjectSource objects) {
        public Parts {
            Objects.requireNonNull(jobs, "jobs");
            Objects.requireNonNull(media, "media");
            Objects.requireNonNull(blobs, "blobs");
            Objects.requireNonNull(screener, "screener");
            Objects.requireNonNull(banks, "banks");
            Objects.requireNonNull(cases, "cases");
            Objects.requireNonNull(audit, "audit");
            Objects.requireNonNull(fetch, "fetch");
            Objects.requireNonNull(settings, "settings");
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(objects, "objects");
        }

        /** Without object storage: bucket-prefix scans are refused. */
        public Parts(
                ScanJobRepository jobs,
                MediaRepository media,
                BlobStore blobs,
                Screener screener,
                HashBanks banks,
                CaseService cases,
                AuditLog audit,
                FetchHook fetch,
                ScanSettings settings,
                Clock clock) {
            this(jobs, media, blobs, screener, banks, cases, audit, fetch, settings, clock, ObjectSource.none());
        }
    }

    /** What an admin asks for; {@code objects} is the bucket and prefix of an object-prefix scan. */
    public record Request(
            ScanSource.Kind kind,
            Optional<String> folder,
            List<String> items,
            ScanPolicy policy,
            Optional<ObjectPrefix> objects) {
        public Request {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(folder, "folder");
            items = List.copyOf(items);
            Objects.requireNonNull(policy, "policy");
            Objects.requireNonNull(objects, "objects");
        }

        public Request(ScanSource.Kind kind, Optional<String> folder, List<String> items, ScanPolicy policy) {
            this(kind, folder, items, policy, Optional.empty());
        }
    }

    private final Parts parts;
    private final Consumer<String> wake;
    private final java.security.SecureRandom random = new java.security.SecureRandom();

    public BackScans(Parts parts, Consumer<String> wake) {
        this.parts = Objects.requireNonNull(parts, "parts");
        this.wake = Objects.requireNonNull(wake, "wake");
    }

    public Parts parts() {
        return parts;
    }

    /**
     * Starts a job.
     *
     * @throws Invalid naming {@code kind}, {@code source.folder}, {@code source.items}, {@code source.items[i]} or
     *     {@code policy.noticeType}
     */
    public ScanJob start(Request r, Actor by) {
        ScanSource source;
        long total;
        switch (r.kind()) {
            case STORED_MEDIA -> {
                source = ScanSource.storedMedia();
                total = parts.media().count();
            }
            case FOLDER -> {
                Path real = FolderWalk.resolve(
                        r.folder().orElseThrow(() -> new Invalid("source.folder", "a folder scan needs source.folder")),
                        parts.settings().allowedRoots());
                try {
                    total = FolderWalk.list(real, parts.settings().maxFolderItems())
                            .size();
                } catch (IOException e) {
                    throw new Invalid("source.folder", "cannot list source.folder: " + e.getMessage());
                }
                source = ScanSource.folder(real.toString());
            }
            case LIST -> {
                checkList(r.items());
                source = ScanSource.list(r.items());
                total = r.items().size();
            }
            case OBJECT_PREFIX -> {
                ObjectPrefix where = r.objects()
                        .orElseThrow(() -> new Invalid("source.bucket", "an object-prefix scan needs source.bucket"));
                parts.objects().checkBucket(where.bucket());
                total = countObjects(where);
                source = ScanSource.objectPrefix(where);
            }
            default -> throw new Invalid("kind", "kind " + r.kind() + " cannot be started by hand");
        }
        r.policy().noticeType().ifPresent(this::checkNoticeType);
        return create(source, r.policy(), total, "on-demand", by);
    }

    /** Lists the prefix once for the progress total, capped like a folder (the run lists it again page by page). */
    private long countObjects(ObjectPrefix where) {
        int max = parts.settings().maxFolderItems();
        long n = 0;
        String after = "";
        try {
            for (List<String> page;
                    !(page = parts.objects().keysAfter(where.bucket(), where.prefix(), after, 1000)).isEmpty(); ) {
                n += page.size();
                if (n > max)
                    throw new Invalid(
                            "backscan.too_many_items",
                            "source.prefix",
                            "source.prefix holds more than " + max + " objects (backscan.max-folder-items)",
                            null);
                after = page.get(page.size() - 1);
            }
        } catch (IOException e) {
            throw new Invalid("source.bucket", "cannot list " + where.label(where.prefix()) + ": " + e.getMessage());
        }
        return n;
    }

    private void checkList(List<String> items) {
        int max = parts.settings().maxListItems();
        if (items.isEmpty()) throw new Invalid("source.items", "a list scan needs at least one entry");
        if (items.size() > max)
            throw new Invalid(
                    "backscan.too_many_items",
                    "source.items",
                    "source.items has " + items.size() + " entries; at most " + max + " (backscan.max-list-items)",
                    null);
        for (int i = 0; i < items.size(); i++) { // every entry's shape first: the first bad one is named
            String e = items.get(i);
            String field = "source.items[" + i + "]";
            if (e.isEmpty() || e.length() > ScanSettings.MAX_ENTRY || !printable(e))
                throw new Invalid(field, field + " must be 1.." + ScanSettings.MAX_ENTRY + " printable characters");
        }
        for (int i = 0; i < items.size(); i++) {
            String field = "source.items[" + i + "]";
            try {
                parts.fetch().check(items.get(i));
            } catch (Invalid bad) {
                throw new Invalid(bad.code(), field, field + ": " + bad.getMessage(), bad);
            }
        }
    }

    private void checkNoticeType(String type) {
        if (parts.cases().noticeTypes().stream().noneMatch(t -> t.id().equals(type)))
            throw new Invalid("policy.noticeType", "unknown notice type '" + clip(type) + "'");
    }

    ScanJob create(ScanSource source, ScanPolicy policy, long total, String trigger, Actor by) {
        String id = "scan_" + HexFormat.of().formatHex(bytes());
        ScanJob job = ScanJob.start(
                id, source, policy, total, trigger, by.wireName(), parts.clock().instant());
        parts.audit().unitOfWork().run(() -> {
            parts.jobs().insert(job);
            parts.audit()
                    .append(
                            "backscan.started",
                            "scan:" + id,
                            AuditLog.details(
                                    "kind",
                                    source.kind().name(),
                                    "folder",
                                    source.folder().orElse(""),
                                    "objects",
                                    source.objects()
                                            .map(o -> o.label(o.prefix()))
                                            .orElse(""),
                                    "items",
                                    source.items().size(),
                                    "policy",
                                    policy.action().name(),
                                    "trigger",
                                    trigger,
                                    "by",
                                    by.wireName(),
                                    "total",
                                    total));
            parts.audit().unitOfWork().afterCommit(() -> wake.accept(id));
            return null;
        });
        return job;
    }

    private static boolean printable(String s) {
        for (int i = 0; i < s.length(); i++) if (Character.isISOControl(s.charAt(i))) return false;
        return true;
    }

    /** Echoes at most 80 characters of client text, controls shown as '?'. */
    static String clip(String s) {
        String c = s.length() > 80 ? s.substring(0, 80) + "…" : s;
        return org.pramaan.limits.PlainText.controlsAsQuestionMarks(c);
    }

    private byte[] bytes() {
        byte[] b = new byte[10];
        random.nextBytes(b);
        return b;
    }

    public ScanJob get(String id) {
        return parts.jobs()
                .find(id)
                .orElseThrow(() -> new NotFound("backscan.not_found", "no scan with id '" + clip(id) + "'"));
    }

    public List<ScanJob> recent(int limit) {
        return parts.jobs().recent(limit);
    }

    public List<ScanResult> results(String id, String after, int limit) {
        get(id);
        return parts.jobs().results(id, after, limit);
    }

    public ScanJob pause(String id, Actor by) {
        return move(id, ScanState.PAUSED, List.of(ScanState.RUNNING), by);
    }

    public ScanJob resume(String id, Actor by) {
        return move(id, ScanState.RUNNING, List.of(ScanState.PAUSED), by);
    }

    public ScanJob cancel(String id, Actor by) {
        return move(id, ScanState.CANCELLED, List.of(ScanState.RUNNING, ScanState.PAUSED), by);
    }

    private ScanJob move(String id, ScanState to, List<ScanState> from, Actor by) {
        return parts.audit().unitOfWork().run(() -> {
            ScanJob j = get(id);
            if (!from.contains(j.state()))
                throw new Conflict("backscan.state", "scan " + id + " is " + j.state() + "; cannot become " + to);
            ScanJob moved = j.withState(to, parts.clock().instant());
            parts.jobs().save(moved);
            parts.audit()
                    .append(
                            "backscan." + to.name().toLowerCase(java.util.Locale.ROOT),
                            "scan:" + id,
                            AuditLog.details(
                                    "by", by.wireName(), "done", j.counts().done()));
            if (to == ScanState.RUNNING) parts.audit().unitOfWork().afterCommit(() -> wake.accept(id));
            return moved;
        });
    }
}
