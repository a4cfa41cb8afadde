package org.pramaan.generation;

import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.pramaan.banks.BankItem;
import org.pramaan.banks.BankMatch;
import org.pramaan.banks.HashBanks;
import org.pramaan.labels.MetadataLabels;
import org.pramaan.media.MediaRejectedException;
import org.pramaan.signals.Signal;

/**
 * "Is this ours?": finds the generation record of a file by our watermark's payload, then by the
 * GB 45438 {@code ProduceID} in its metadata, then in the {@code generated} bank (SHA-256, then PDQ
 * within the bank's threshold). The strongest evidence is tried first: a watermark survives
 * re-encoding and stripped metadata, metadata survives re-encoding but not stripping, the bank
 * needs the same or visually similar pixels.
 */
public final class GenerationLookup {
    /** A record and how it was found: {@code watermark}, {@code metadata}, {@code sha256} or {@code pdq}. */
    public record Found(GenerationRecord record, String method, Optional<Integer> distance) {}

    private final GenerationRepository repository;
    private final HashBanks banks;
    private final Optional<MarkStep.Decoder> watermark;
    private final OutputHashes hashes;

    public GenerationLookup(GenerationRepository repository, HashBanks banks, Optional<MarkStep.Decoder> watermark) {
        this(repository, banks, watermark, org.pramaan.signals.AvHasher.none());
    }

    /**
     * A lookup that also hashes video and audio.
     *
     * @param av vPDQ and audio fingerprints, so re-encoded video and audio are found in the bank
     */
    public GenerationLookup(
            GenerationRepository repository,
            HashBanks banks,
            Optional<MarkStep.Decoder> watermark,
            org.pramaan.signals.AvHasher av) {
        this.hashes = new OutputHashes(av);
        this.repository = Objects.requireNonNull(repository, "repository");
        this.banks = Objects.requireNonNull(banks, "banks");
        this.watermark = Objects.requireNonNull(watermark, "watermark");
    }

    public Optional<Found> lookup(byte[] file) throws IOException {
        if (watermark.isPresent()) {
            java.util.OptionalLong n = watermark.get().decode(file);
            Optional<GenerationRecord> r = n.isPresent() ? repository.findByNumber(n.getAsLong()) : Optional.empty();
            if (r.isPresent()) return Optional.of(new Found(r.get(), "watermark", Optional.empty()));
        }
        Optional<GenerationRecord> byMeta = produceIds(file).stream()
                .map(repository::find)
                .flatMap(Optional::stream)
                .findFirst();
        if (byMeta.isPresent()) return Optional.of(new Found(byMeta.get(), "metadata", Optional.empty()));
        OutputHashes.Hashes h = hashes.of(file);
        List<BankMatch> matches = banks.match(Optional.of(Generations.sha256(file)), h.pdq(), h.av()).stream()
                .filter(m -> m.bank().equals(Generations.BANK) && m.acts())
                .sorted(java.util.Comparator.comparingInt(BankMatch::distance))
                .toList();
        for (BankMatch m : matches) {
            Optional<GenerationRecord> r = banks.items(Generations.BANK).stream()
                    .filter(i -> i.id() == m.itemId())
                    .map(BankItem::note)
                    .findFirst()
                    .flatMap(repository::find);
            if (r.isPresent())
                return Optional.of(new Found(
                        r.get(), m.method(), m.method().equals("pdq") ? Optional.of(m.distance()) : Optional.empty()));
        }
        return Optional.empty();
    }

    /** ProduceIDs in the file's AIGC labels; none for a file the metadata reader refuses. */
    private static List<String> produceIds(byte[] file) throws IOException {
        try {
            return MetadataLabels.read(file).aigc().stream()
                    .map(Signal::attributes)
                    .filter(a -> !a.containsKey("error"))
                    .map(a -> a.getOrDefault("ProduceID", ""))
                    .filter(s -> !s.isEmpty() && s.length() <= Texts.MAX_ID)
                    .toList();
        } catch (MediaRejectedException e) {
            return List.of();
        }
    }
}
