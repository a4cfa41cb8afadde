package org.pramaan.signals;

import java.io.IOException;
import java.util.List;
import org.pramaan.media.MediaInfo;
import org.pramaan.media.MediaRejectedException;
import org.pramaan.media.MediaSource;

/**
 * Finds signals in a file that intake has already accepted. Screening runs one ordered list of
 * extractors per file ({@link SignalExtractors#standard}); an extractor may leave a typed result in
 * the {@link SignalInput} for the ones after it. An extractor that finds nothing returns an empty
 * list; one that meets malformed metadata skips it (and may report it as a signal attribute) rather
 * than failing the whole intake.
 */
public interface SignalExtractor {
    /**
     * Finds this extractor's signals in one file, leaving what later extractors need in {@code input}.
     *
     * @throws MediaRejectedException only where the file cannot be screened at all (PDQ: the headers
     *                                were fine but the pixels cannot be decoded); intake refuses it
     */
    List<Signal> extract(SignalInput input) throws IOException, MediaRejectedException;

    /**
     * One file with no declaration and no earlier results, for extractors that need neither (the
     * metadata and watermark tests, the watermark benchmark).
     */
    default List<Signal> extract(MediaSource source, MediaInfo info) throws IOException, MediaRejectedException {
        return extract(SignalInput.of(source, info));
    }
}
