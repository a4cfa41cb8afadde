package org.pramaan.console;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.pramaan.access.Permission;
import org.pramaan.banks.Bank;
import org.pramaan.banks.BankCuration;
import org.pramaan.banks.BankFiles;
import org.pramaan.banks.BankImportPreview;
import org.pramaan.banks.BankItem;
import org.pramaan.banks.BankState;
import org.pramaan.errors.Conflict;
import org.pramaan.errors.Invalid;
import org.pramaan.errors.NotFound;

/**
 * The console's Banks pages (issue 13): every bank with its counts, state and shadow hits; one bank's items, paged and
 * searched; an import shown as a preview (counts and the first bad lines) before anything is stored. Every change goes
 * through {@link BankCuration}, the use case the {@code /v1/banks} API calls, so it is audited the same way with the
 * signed-in person as the actor. Who may change a bank follows the API's roles: {@link Permission#BANKS_WRITE}.
 */
public final class BanksPages {
    /** What the Banks pages use; {@code imports} are the API's import limits ({@code banks.max-import-*}). */
    public record Services(BankCuration curation, BankFiles.Limits imports) {
        public Services {
            Objects.requireNonNull(curation, "curation");
            Objects.requireNonNull(imports, "imports");
        }
    }

    static final int PAGE = 100;
    /** A search term is a hash (64 hex digits) or a few words of a note; longer is refused before it is matched. */
    static final int MAX_QUERY = 200;
    /** An uploaded file waits this long for its confirmation; a new preview in the same session replaces it. */
    static final Duration PENDING_FOR = Duration.ofMinutes(30);

    static final List<String> FORMATS = List.of("csv", "tsv", "jsonl", "lines");

    private final Console console;
    private final Services s;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    /** At most one import waiting per session (keyed by session id), so held bytes are bounded by sessions × limit. */
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();

    /** An uploaded file between its preview and the curator's confirmation; nothing of it is stored before then. */
    private record Pending(
            String token, String bank, BankFiles.Format format, String fileName, byte[] bytes, Instant at) {}

    BanksPages(Console console, Services services, Clock clock) {
        this.console = Objects.requireNonNull(console, "console");
        this.s = Objects.requireNonNull(services, "services");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    void mount(JavalinConfig config) {
        console.pageGet(config, "/banks", this::list);
        console.pageGet(config, "/banks/{name}", this::bank);
        console.pagePost(config, "/banks/{name}/state", this::setState);
        console.pagePost(config, "/banks/{name}/import", this::preview);
        console.pagePost(config, "/banks/{name}/import/confirm", this::confirm);
        console.pagePost(config, "/banks/{name}/import/cancel", this::cancel);
    }

    // ---- pages ----

    private void list(Context ctx, Sessions.Session session) {
        console.requirePermission(session, Permission.BANKS_READ);
        Map<String, Long> hits = s.curation().banks().shadowHits();
        List<BankRow> rows = s.curation().banks().banks().stream()
                .map(b -> BankRow.of(b, s.curation().banks().items(b.name()), hits))
                .toList();
        console.pageRender(
                ctx, 200, "banks.jte", session, "banks.title", "banks", new BanksModel(rows, canWrite(session)));
    }

    private void bank(Context ctx, Sessions.Session session) {
        console.requirePermission(session, Permission.BANKS_READ);
        Bank b = find(ctx);
        List<BankItem> items = s.curation().banks().items(b.name());
        BankRow row = BankRow.of(b, items, s.curation().banks().shadowHits());
        BankSearch search = BankSearch.parse(ctx.queryParam("q"), ctx.queryParam("mode"));
        List<ItemRow> found = search.run(s.curation().banks(), b.name(), items);
        int pages = Math.max(1, (found.size() + PAGE - 1) / PAGE);
        int page = pageParam(ctx.queryParam("page"), pages);
        List<ItemRow> shown = found.subList((page - 1) * PAGE, Math.min(found.size(), page * PAGE));
        console.pageRender(
                ctx,
                200,
                "bank.jte",
                session,
                "bank.title",
                "banks",
                new BankModel(row, shown, found.size(), page, pages, search, canWrite(session), FORMATS));
    }

    // ---- actions ----

    /** Enabled, shadow or disabled; BankCuration stores it and audits bank.updated with this person. */
    private void setState(Context ctx, Sessions.Session session) {
        console.requirePermission(session, Permission.BANKS_WRITE);
        Bank b = find(ctx);
        String v = Objects.requireNonNullElse(Console.formField(ctx, "state"), "");
        if (v.length() > 16)
            throw new Invalid("state", "state is " + v.length() + " characters; no state is that long");
        BankState state = BankState.parse(v);
        s.curation()
                .update(
                        b.with(state, b.pdqThreshold(), b.qualityFloor(), b.description()),
                        session.actor().wireName());
        ctx.redirect(back(ctx, b), HttpStatus.SEE_OTHER);
    }

    /** Reads the uploaded file and shows what it holds; nothing is stored (the file waits in memory for confirm). */
    private void preview(Context ctx, Sessions.Session session) throws IOException {
        console.requirePermission(session, Permission.BANKS_WRITE);
        try {
            Bank b = find(ctx);
            String f = Objects.requireNonNullElse(Console.formField(ctx, "format"), "");
            if (!FORMATS.contains(f)) throw new Invalid("format", "format '" + cut(f) + "' is not one of " + FORMATS);
            BankFiles.Format format = BankFiles.Format.parse(f);
            UploadedFile file = ctx.uploadedFile("file");
            if (file == null || file.size() == 0) throw new Invalid("file", "choose a bank file to import");
            if (file.size() > s.imports().maxBytes())
                throw new Invalid(
                        "file",
                        "the file is " + file.size() + " bytes; one import may have at most "
                                + s.imports().maxBytes() + " bytes (banks.max-import-bytes)");
            byte[] bytes;
            try (InputStream in = file.content()) {
                bytes = in.readNBytes(
                        (int) Math.min(Integer.MAX_VALUE - 8, s.imports().maxBytes() + 1));
            }
            String name = cut(Objects.requireNonNullElse(file.filename(), ""));
            BankImportPreview p = read(bytes, format, b, session);
            String token = HexFormat.of().formatHex(token());
            pending.values().removeIf(x -> x.at().plus(PENDING_FOR).isBefore(clock.instant()));
            pending.put(session.id(), new Pending(token, b.name(), format, name, bytes, clock.instant()));
            console.pageRender(
                    ctx,
                    200,
                    "bankimport.jte",
                    session,
                    "import.title",
                    "banks",
                    new ImportModel(b.name(), name, f, p, token));
        } finally {
            deleteParts(ctx);
        }
    }

    /**
     * Stores the previewed file with the API's semantics: the whole file is parsed again and refused at its first bad
     * line (nothing is stored), else every item is stored in one unit of work and audited (bank.items_added).
     */
    private void confirm(Context ctx, Sessions.Session session) throws IOException {
        console.requirePermission(session, Permission.BANKS_WRITE);
        Bank b = find(ctx);
        Pending p = take(ctx, session, b);
        String actor = session.actor().wireName();
        List<BankItem> items;
        try (InputStreamReader in = reader(p.bytes())) {
            items = BankFiles.parse(
                    p.format(),
                    b.name(),
                    in,
                    "console import by " + actor,
                    actor,
                    clock.instant(),
                    s.imports().maxItems());
        } catch (BankFiles.ImportException e) {
            throw new Invalid("file", e.getMessage() + " (nothing was imported)");
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new Invalid("file", "the file is not UTF-8 text (nothing was imported)");
        }
        for (BankItem i : items)
            if (i.caseId().isPresent())
                throw new Invalid(
                        "caseId",
                        "an item names caseId '" + cut(i.caseId().get())
                                + "': caseId is set by the server when a case banks content (nothing was imported)");
        s.curation().add(b.name(), items, actor);
        ctx.redirect("/banks/" + b.name(), HttpStatus.SEE_OTHER);
    }

    private void cancel(Context ctx, Sessions.Session session) {
        console.requirePermission(session, Permission.BANKS_WRITE);
        Bank b = find(ctx);
        take(ctx, session, b);
        ctx.redirect("/banks/" + b.name(), HttpStatus.SEE_OTHER);
    }

    // ---- helpers ----

    private BankImportPreview read(byte[] bytes, BankFiles.Format format, Bank b, Sessions.Session session)
            throws IOException {
        if (bytes.length > s.imports().maxBytes())
            throw new Invalid(
                    "file", "the file is larger than " + s.imports().maxBytes() + " bytes (banks.max-import-bytes)");
        try (InputStreamReader in = reader(bytes)) {
            return BankImportPreview.of(
                    format,
                    b.name(),
                    in,
                    session.actor().wireName(),
                    clock.instant(),
                    s.imports().maxItems());
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new Invalid("file", "the file is not UTF-8 text");
        }
    }

    /** Strict UTF-8: a file in another encoding is refused rather than read with replacement characters. */
    private static InputStreamReader reader(byte[] bytes) {
        return new InputStreamReader(
                new java.io.ByteArrayInputStream(bytes),
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT));
    }

    /** The session's waiting import, if the form's token names it and it is for this bank; removed either way. */
    private Pending take(Context ctx, Sessions.Session session, Bank b) {
        String token = Objects.requireNonNullElse(Console.formField(ctx, "token"), "");
        Pending p = pending.get(session.id());
        if (p == null
                || !java.security.MessageDigest.isEqual(
                        p.token().getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8))
                || !p.bank().equals(b.name()))
            throw new Conflict(
                    "bank.import_not_pending",
                    "no previewed import for bank '" + b.name()
                            + "' is waiting in this session; upload the file again");
        pending.remove(session.id(), p);
        if (p.at().plus(PENDING_FOR).isBefore(clock.instant()))
            throw new Conflict(
                    "bank.import_not_pending",
                    "the preview is older than " + PENDING_FOR.toMinutes() + " minutes; upload the file again");
        return p;
    }

    private byte[] token() {
        byte[] t = new byte[16];
        random.nextBytes(t);
        return t;
    }

    private Bank find(Context ctx) {
        String name = ctx.pathParam("name");
        if (name.length() > 64) throw new Invalid("name", "bank name is " + name.length() + " characters; at most 64");
        return s.curation()
                .banks()
                .bank(name)
                .orElseThrow(() -> new NotFound("bank.not_found", "no bank named '" + cut(name) + "'"));
    }

    private static boolean canWrite(Sessions.Session session) {
        return session.principal().can(Permission.BANKS_WRITE);
    }

    /** Back to the bank's page when the toggle was made there, else to the list. */
    private static String back(Context ctx, Bank b) {
        return "bank".equals(Console.formField(ctx, "from")) ? "/banks/" + b.name() : "/banks";
    }

    /** 1..pages, digits only: anything else is refused naming the field, never read as page 1. */
    static int pageParam(String v, int pages) {
        if (v == null || v.isEmpty()) return 1;
        if (v.length() > 6) throw new Invalid("page", "page '" + cut(v) + "' is not a page number");
        for (int i = 0; i < v.length(); i++)
            if (v.charAt(i) < '0' || v.charAt(i) > '9')
                throw new Invalid("page", "page '" + cut(v) + "' is not a page number");
        int p = Integer.parseInt(v);
        if (p < 1 || p > pages) throw new Invalid("page", "page " + p + " is outside 1.." + pages);
        return p;
    }

    /** Jetty keeps a large part in its cache folder after the request unless it is deleted (issue 11 defect 6). */
    private static void deleteParts(Context ctx) {
        try {
            for (jakarta.servlet.http.Part p : ctx.req().getParts()) p.delete();
        } catch (Exception e) {
            // Not a multipart request, or the parse failed and Jetty removed what it wrote: nothing is left to delete.
        }
    }

    static String cut(String v) {
        return v.length() > 40 ? v.substring(0, 40) + "…" : v;
    }

    // ---- view models (public: the templates read them) ----

    /** The list page: every bank, and whether this person may change them. */
    public record BanksModel(List<BankRow> rows, boolean canWrite) {}

    /**
     * One bank with its items counted by hash kind (an item may hold several), its shadow hits and up to three of its
     * items' sources.
     */
    public record BankRow(
            String name,
            String kind,
            String state,
            String description,
            long items,
            long sha256,
            long pdq,
            long vpdq,
            long audio,
            long shadowHits,
            List<String> sources) {
        static BankRow of(Bank b, List<BankItem> items, Map<String, Long> hits) {
            long sha = 0, pdq = 0, vpdq = 0, audio = 0;
            java.util.Set<String> sources = new java.util.TreeSet<>();
            for (BankItem i : items) {
                if (i.sha256().isPresent()) sha++;
                if (i.pdq().isPresent()) pdq++;
                if (!i.av().vpdq().isEmpty()) vpdq++;
                if (i.av().audio().isPresent()) audio++;
                if (sources.size() < 4) sources.add(i.source());
            }
            List<String> shown = sources.stream().limit(3).toList();
            return new BankRow(
                    b.name(),
                    b.kind().wireName(),
                    b.state().name().toLowerCase(Locale.ROOT),
                    b.description(),
                    items.size(),
                    sha,
                    pdq,
                    vpdq,
                    audio,
                    hits.getOrDefault(b.name(), 0L),
                    sources.size() > 3
                            ? java.util.stream.Stream.concat(shown.stream(), java.util.stream.Stream.of("…"))
                                    .toList()
                            : shown);
        }

        public boolean shadow() {
            return state.equals("shadow");
        }
    }

    /** One item as the bank page lists it; {@code distance} is shown for a near search only. */
    public record ItemRow(
            long id,
            String sha256,
            String pdq,
            String quality,
            String kinds,
            String source,
            String note,
            String addedBy,
            Instant addedAt,
            Optional<Integer> distance) {
        static ItemRow of(BankItem i, Optional<Integer> distance) {
            StringBuilder kinds = new StringBuilder();
            if (i.sha256().isPresent()) kinds.append("sha256 ");
            if (i.pdq().isPresent()) kinds.append("pdq ");
            if (!i.av().vpdq().isEmpty()) kinds.append("vpdq ");
            if (i.av().audio().isPresent()) kinds.append("audio ");
            return new ItemRow(
                    i.id(),
                    i.sha256().orElse(""),
                    i.pdq().map(p -> p.hash().toHex()).orElse(""),
                    i.pdq().map(p -> Integer.toString(p.quality())).orElse(""),
                    kinds.toString().strip(),
                    i.source(),
                    i.note(),
                    i.addedBy(),
                    i.addedAt(),
                    distance);
        }
    }

    /** A bank's page: the bank, this page of (matching) items, paging and the search that chose them. */
    public record BankModel(
            BankRow bank,
            List<ItemRow> items,
            int total,
            int page,
            int pages,
            BankSearch search,
            boolean canWrite,
            List<String> formats) {
        public String pageLink(int p) {
            return "/banks/" + bank.name() + "?page=" + p + search.queryString();
        }
    }

    /** The preview of an uploaded file; {@code token} names it in the confirm and cancel forms. */
    public record ImportModel(String bank, String fileName, String format, BankImportPreview preview, String token) {}
}
