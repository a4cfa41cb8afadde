package org.pramaan.signals;

import java.util.ArrayList;
import java.util.List;
import org.pramaan.banks.HashBanks;

/** The extractor chain screening runs. */
public final class SignalExtractors {
    private SignalExtractors() {}

    /**
     * The standard order: digests, PDQ, vPDQ and audio fingerprint, then {@code provenance} (metadata
     * and C2PA, watermarks, in the order given), the uploader's declaration, and last the bank
     * matches, which read the hashes computed before them. Reports, the audit log and the HTTP JSON
     * list signals in this order (SHA256, MD5, PDQ, provenance…, declaration, matches), so it is part
     * of the API and must not change.
     */
    public static List<SignalExtractor> standard(
            PdqExtractor pdq, AvHasher av, List<SignalExtractor> provenance, HashBanks banks) {
        List<SignalExtractor> all = new ArrayList<>();
        all.add(new ContentDigestExtractor());
        all.add(pdq);
        all.add(av);
        all.addAll(provenance);
        all.add(new DeclarationExtractor());
        all.add(new BankMatchExtractor(banks));
        return List.copyOf(all);
    }

    /** Runs {@code extractors} in order over one file, each seeing what the ones before it left in {@code input}. */
    public static List<Signal> run(List<SignalExtractor> extractors, SignalInput input)
            throws java.io.IOException, org.pramaan.media.MediaRejectedException {
        List<Signal> signals = new ArrayList<>();
        for (SignalExtractor e : extractors) signals.addAll(e.extract(input));
        return signals;
    }
}
