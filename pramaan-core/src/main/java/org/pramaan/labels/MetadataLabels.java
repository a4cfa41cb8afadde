package org.pramaan.labels;

import java.io.IOException;
import java.util.List;
import org.pramaan.media.MediaInfo;
import org.pramaan.media.MediaLimits;
import org.pramaan.media.MediaProber;
import org.pramaan.media.MediaSource;
import org.pramaan.provenance.MetadataBlocks;
import org.pramaan.signals.MetadataSignalExtractor;
import org.pramaan.signals.Signal;
import org.pramaan.signals.SignalType;

/**
 * What a file's metadata says about its origin, without C2PA validation: the labels
 * (IPTC digital source type, GB 45438 {@code AIGC}) and generator traces, as the same signals
 * screening uses, so {@code pramaan metadata read} and intake never disagree.
 */
public final class MetadataLabels {
    /**
     * The labels found in a file's metadata.
     *
     * @param format             the media type found by its magic bytes
     * @param digitalSourceTypes {@link SignalType#IPTC_DIGITAL_SOURCE_TYPE} signals
     * @param aigc               {@link SignalType#GB45438_AIGC} signals; fields in the attributes, {@code error} when invalid
     * @param generatorTraces    {@link SignalType#GENERATOR_METADATA} and {@link SignalType#EXIF_SOFTWARE} signals (low trust)
     */
    public record Found(
            String format, List<Signal> digitalSourceTypes, List<Signal> aigc, List<Signal> generatorTraces) {}

    private MetadataLabels() {}

    /**
     * Reads the labels in {@code file}'s metadata.
     *
     * @throws org.pramaan.media.MediaRejectedException when the file is not recognised media
     */
    public static Found read(byte[] file) throws IOException, org.pramaan.media.MediaRejectedException {
        MediaSource src = MediaSource.of(file);
        return read(src, MediaProber.standard().probe(src, MediaLimits.defaults()));
    }

    public static Found read(MediaSource src, MediaInfo info) throws IOException {
        List<Signal> all = MetadataSignalExtractor.labels(MetadataBlocks.find(src, info));
        return new Found(
                info.type().name(),
                of(all, SignalType.IPTC_DIGITAL_SOURCE_TYPE),
                of(all, SignalType.GB45438_AIGC),
                all.stream()
                        .filter(s -> s.type() == SignalType.GENERATOR_METADATA || s.type() == SignalType.EXIF_SOFTWARE)
                        .toList());
    }

    private static List<Signal> of(List<Signal> all, SignalType t) {
        return all.stream().filter(s -> s.type() == t).toList();
    }
}
