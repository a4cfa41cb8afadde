package org.pramaan.signals;

import java.io.IOException;
import java.util.List;
import org.pramaan.media.MediaInfo;
import org.pramaan.media.MediaSource;

/**
 * Finds signals in a file that intake has already accepted. An extractor that finds nothing returns
 * an empty list; one that meets malformed metadata skips it (and may report it as a signal
 * attribute) rather than failing the whole intake.
 */
public interface SignalExtractor {
    List<Signal> extract(MediaSource source, MediaInfo info) throws IOException;
}
