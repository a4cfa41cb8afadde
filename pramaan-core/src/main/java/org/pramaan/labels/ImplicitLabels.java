package org.pramaan.labels;

import java.io.IOException;
import java.util.Optional;
import org.pramaan.provenance.Aigc;
import org.pramaan.provenance.DigitalSourceTypes;
import org.pramaan.signals.Signal;

/**
 * Writes the input's implicit labels back after its pixels or samples were re-encoded (which drops
 * metadata): the GB 45438 AIGC label as read, and the IPTC digital source type, which for a file
 * being given a visible AI label is {@code trainedAlgorithmicMedia} unless the input said otherwise.
 */
final class ImplicitLabels {
    private ImplicitLabels() {}

    static byte[] carry(byte[] input, byte[] output, MetadataWriter.Format f) throws IOException {
        MetadataLabels.Found found;
        try {
            found = MetadataLabels.read(input);
        } catch (org.pramaan.media.MediaRejectedException e) {
            throw new IllegalArgumentException("file: " + e.getMessage(), e);
        }
        Optional<Aigc> aigc = found.aigc().stream()
                .filter(s -> !s.attributes().containsKey("error"))
                .findFirst()
                .map(s -> Aigc.fromFields(s.attributes()));
        Optional<String> dst = Optional.empty();
        if (f != MetadataWriter.Format.WAV && f != MetadataWriter.Format.MP3) // ID3 carries AIGC, not XMP
        dst = Optional.of(found.digitalSourceTypes().stream()
                .map(Signal::value)
                .findFirst()
                .orElse(DigitalSourceTypes.uri("trainedAlgorithmicMedia")));
        if (dst.isEmpty() && aigc.isEmpty()) return output;
        return MetadataWriter.write(output, dst, aigc);
    }
}
