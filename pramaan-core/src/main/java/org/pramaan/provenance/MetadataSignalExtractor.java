package org.pramaan.provenance;

import java.io.IOException;
import java.util.List;
import org.pramaan.detection.Signal;
import org.pramaan.detection.SignalExtractor;
import org.pramaan.media.MediaInfo;
import org.pramaan.media.MediaSource;

/** Placeholder: provenance and generator metadata signals. */
public final class MetadataSignalExtractor implements SignalExtractor {
    @Override
    public List<Signal> extract(MediaSource source, MediaInfo info) throws IOException {
        return List.of();
    }
}
