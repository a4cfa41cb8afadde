package org.pramaan.cases;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.pramaan.audit.AuditEntry;
import org.pramaan.audit.AuditLog;
import org.pramaan.audit.BundleVerifier;
import org.pramaan.intake.BlobStore;
import org.pramaan.intake.MediaRecord;
import org.pramaan.intake.MediaRepository;
import org.pramaan.intake.ScreeningView;
import org.pramaan.json.Json;

/**
 * The due-diligence bundle for one case (requirements §(b) 25): the case with every clock event,
 * action and statement of reasons; what other features add (the webhooks and messages delivered
 * about it); the media's hashes, signals and assessment (the media itself
 * only when asked, since it may be intimate imagery); and the audit-chain segment from the case's
 * first to its last entry. Entries about other subjects are redacted to their hashes, so the
 * segment still verifies as one unbroken chain without disclosing unrelated cases.
 */
public final class EvidenceBundles {
    private final CaseService cases;
    private final MediaRepository media;
    private final BlobStore blobs;
    private final AuditLog audit;
    private final Clock clock;
    private final List<BundleSection> sections;

    public EvidenceBundles(CaseService cases, MediaRepository media, BlobStore blobs, AuditLog audit, Clock clock) {
        this(cases, media, blobs, audit, clock, List.of());
    }

    public EvidenceBundles(
            CaseService cases,
            MediaRepository media,
            BlobStore blobs,
            AuditLog audit,
            Clock clock,
            List<BundleSection> sections) {
        this.sections = List.copyOf(sections);
        this.cases = cases;
        this.media = media;
        this.blobs = blobs;
        this.audit = audit;
        this.clock = clock;
    }

    public byte[] export(String caseId, boolean includeMedia, org.pramaan.access.Actor exporter) throws IOException {
        String actor = exporter.wireName();
        CaseFile c = cases.find(caseId)
                .orElseThrow(
                        () -> new org.pramaan.errors.NotFound("case.not_found", "no case with id '" + caseId + "'"));
        MediaRecord m = media.find(c.mediaId())
                .orElseThrow(() -> new org.pramaan.errors.Conflict(
                        CaseLedger.CONFLICT, "case " + caseId + " targets unknown media"));
        audit.append(
                "case.bundle_exported",
                "case:" + caseId,
                AuditLog.details("includeMedia", includeMedia, "actor", actor));
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("case.json", Json.write(CaseView.of(c, clock)).getBytes(StandardCharsets.UTF_8));
        files.put("media.json", Json.write(ScreeningView.media(m)).getBytes(StandardCharsets.UTF_8));
        for (BundleSection s : sections)
            files.put(s.fileName(), Json.write(s.content(c)).getBytes(StandardCharsets.UTF_8));
        // Sign the chain up to the export entry so the bundle's segment ends on a checkpoint (export runs outside any
        // unit of work).
        List<org.pramaan.audit.Checkpoint> anchors = audit.checkpoints()
                .map(a -> {
                    a.checkpointNow();
                    return a.journal().read().checkpoints().stream()
                            .filter(k -> k.publicKey().equals(a.key().publicKey()))
                            .toList();
                })
                .orElse(List.of());
        Segment seg = segment(Set.of("case:" + caseId, "media:" + c.mediaId()), anchors);
        files.put("audit.jsonl", seg.jsonl().getBytes(StandardCharsets.UTF_8));
        if (audit.checkpoints().isPresent()) {
            StringBuilder lines = new StringBuilder();
            for (org.pramaan.audit.Checkpoint k : anchors)
                if (k.seq() >= seg.firstSeq() && k.seq() <= seg.lastSeq())
                    lines.append(k.toJsonLine()).append('\n');
            files.put(BundleVerifier.CHECKPOINTS, lines.toString().getBytes(StandardCharsets.UTF_8));
        }
        if (includeMedia && m.blobStored()) {
            files.put(
                    "media/" + m.id(),
                    Files.readAllBytes(blobs.locate(m.id())
                            .orElseThrow(() -> new org.pramaan.errors.Conflict(
                                    CaseLedger.CONFLICT, "media " + m.id() + " bytes are gone"))));
        }
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("format", BundleVerifier.FORMAT);
        manifest.put("caseId", caseId);
        manifest.put("exportedAt", clock.instant().toString());
        manifest.put("exportedBy", actor);
        Map<String, String> digests = new LinkedHashMap<>();
        files.forEach((k, v) -> digests.put(k, BundleVerifier.digest(v)));
        manifest.put("files", digests);
        audit.checkpoints()
                .ifPresent(a -> manifest.put("checkpointPublicKey", a.key().publicKey()));
        manifest.put("verify", "pramaan audit verify-bundle <this file>");
        return zip(Json.write(manifest).getBytes(StandardCharsets.UTF_8), files);
    }

    private record Segment(String jsonl, long firstSeq, long lastSeq) {}

    /**
     * Entries from the first to the last about {@code subjects}, extended to the first signed checkpoint
     * at or after the last one so the segment's end is anchored; others keep only seq and hashes.
     */
    private Segment segment(Set<String> subjects, List<org.pramaan.audit.Checkpoint> anchors) {
        List<AuditEntry> all = new ArrayList<>();
        audit.forEach(all::add);
        int first = -1, last = -1;
        for (int i = 0; i < all.size(); i++) {
            if (subjects.contains(all.get(i).subject())) {
                if (first < 0) first = i;
                last = i;
            }
        }
        if (last >= 0) {
            long end = all.get(last).seq();
            long anchor = anchors.stream()
                    .mapToLong(org.pramaan.audit.Checkpoint::seq)
                    .filter(q -> q >= end)
                    .min()
                    .orElse(end);
            while (last + 1 < all.size() && all.get(last).seq() < anchor) last++;
        }
        StringBuilder out = new StringBuilder();
        for (int i = Math.max(first, 0); first >= 0 && i <= last; i++) {
            AuditEntry e = all.get(i);
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("seq", e.seq());
            if (subjects.contains(e.subject())) {
                line.put("at", e.at().toString());
                line.put("type", e.type());
                line.put("subject", e.subject());
                line.put("details", e.details());
            } else {
                line.put("redacted", true);
            }
            line.put("prevHash", e.prevHash());
            line.put("hash", e.hash());
            out.append(Json.write(line)).append('\n');
        }
        return first < 0
                ? new Segment("", 0, -1)
                : new Segment(
                        out.toString(), all.get(first).seq(), all.get(last).seq());
    }

    private static byte[] zip(byte[] manifest, Map<String, byte[]> files) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(b)) {
            put(z, "manifest.json", manifest);
            for (Map.Entry<String, byte[]> f : files.entrySet()) put(z, f.getKey(), f.getValue());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return b.toByteArray();
    }

    private static void put(ZipOutputStream z, String name, byte[] content) throws IOException {
        z.putNextEntry(new ZipEntry(name));
        z.write(content);
        z.closeEntry();
    }
}
