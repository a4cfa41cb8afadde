package org.pramaan.generation;

import java.io.IOException;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Port: one mark a generation applies to its output before the metadata labels and the C2PA
 * manifest (which must come last, since it hashes the final bytes). The visible label per profile
 * (issue 14 item 1, {@code org.pramaan.labels}) and the keyed watermark (item 2,
 * {@code org.pramaan.watermark}) plug in as steps; the composition root lists the ones it has.
 */
public interface MarkStep {
    /** What the record lists when this step applied its mark ({@code visible-label}, {@code watermark}). */
    String name();

    /** Whether this is the explicit (visible) label that an unlabelled export leaves out. */
    boolean explicit();

    /**
     * Returns the marked file, or empty when this step has nothing to apply to this format (then the
     * record does not list it).
     *
     * @throws IllegalArgumentException for a file the step cannot read
     */
    Optional<byte[]> apply(byte[] file, Request request) throws IOException;

    /**
     * The C2PA action that records this step's mark in the output's manifest, after {@code c2pa.created}
     * (C2PA 2.2 §18.14); asked for only when {@link #apply} marked the file. Empty: the mark is not an action.
     */
    default Optional<org.pramaan.provenance.c2pa.ManifestRequest.Step> c2paAction(Request request) {
        return Optional.empty();
    }

    /**
     * What a step may use.
     *
     * @param recordId     the generation record id (the watermark payload, the AIGC ProduceID)
     * @param profile      the labelling profile (jurisdiction code, e.g. {@code CN}, {@code IN})
     * @param filingNumber the service's filing number, for profiles that show it (CN DSP arts.19-20)
     * @param number       the record's store-assigned number (the watermark payload's record part,
     *                     {@link WatermarkPayload}); empty where none was assigned
     */
    record Request(String recordId, String profile, Optional<String> filingNumber, OptionalLong number) {
        public Request {
            java.util.Objects.requireNonNull(number, "number");
        }

        public Request(String recordId, String profile, Optional<String> filingNumber) {
            this(recordId, profile, filingNumber, OptionalLong.empty());
        }
    }

    /**
     * Port: reads our own watermark back out of a file, for "is this ours?": the record number it
     * carries ({@link GenerationRepository#findByNumber}), empty when there is no mark of ours.
     */
    interface Decoder {
        OptionalLong decode(byte[] file) throws IOException;
    }
}
