package org.pramaan.testkit.memory;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.pramaan.cases.CaseFile;
import org.pramaan.generation.GenerationRecord;
import org.pramaan.notify.Channel;
import org.pramaan.notify.Delivery;
import org.pramaan.reports.ReportSource;

/** {@link ReportSource} over the in-memory tables: every row is read and filtered by the exact instants. */
final class MemoryReportSource implements ReportSource {
    private final MemoryStore store;

    MemoryReportSource(MemoryStore store) {
        this.store = store;
    }

    @Override
    public List<CaseFile> cases(Instant from, Instant to) {
        return store.locked(t -> t.cases.values().stream()
                .filter(c -> ReportSource.touches(c, from, to))
                .sorted(Comparator.comparing(CaseFile::id))
                .toList());
    }

    @Override
    public List<ScreenedUpload> uploads(Instant from, Instant to) {
        return store.locked(t -> t.uploads.values().stream()
                .filter(u -> !u.at().isBefore(from) && u.at().isBefore(to))
                .filter(u -> t.media.containsKey(u.mediaId()))
                .map(u -> new ScreenedUpload(u, t.media.get(u.mediaId())))
                .toList());
    }

    @Override
    public List<GenerationRecord> generations(Instant from, Instant to) {
        return store.locked(t -> t.generations.values().stream()
                .filter(g -> !g.createdAt().isBefore(from) && g.createdAt().isBefore(to))
                .sorted(Comparator.comparing(GenerationRecord::createdAt).thenComparing(GenerationRecord::id))
                .toList());
    }

    @Override
    public List<Delivery> statementSubmissions(Instant from, Instant to) {
        return store.locked(t -> t.deliveries.values().stream()
                .filter(d -> d.channel() == Channel.TRANSPARENCY_DB)
                .filter(d -> !d.createdAt().isBefore(from) && d.createdAt().isBefore(to))
                .sorted(Comparator.comparing(Delivery::createdAt).thenComparing(Delivery::id))
                .toList());
    }
}
