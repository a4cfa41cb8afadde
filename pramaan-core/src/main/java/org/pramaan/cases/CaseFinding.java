package org.pramaan.cases;

import java.util.Objects;
import java.util.Optional;
import org.pramaan.detect.Finding;
import org.pramaan.detect.ReviewLabel;
import org.pramaan.errors.Invalid;

/**
 * What the reviewer who decides a case found its media to be (issue 16, reviewer feedback loop): whether it is
 * synthetic, apart from the action taken on it, and the generator family when known. When the media's screening
 * recorded model scores, the finding becomes calibration labels exactly as a screening review's does.
 *
 * @param finding synthetic, authentic or unsure
 * @param family  the generator family; only with {@link Finding#SYNTHETIC}
 */
public record CaseFinding(Finding finding, Optional<String> family) {
    /** @throws Invalid naming {@code family} (malformed, or given without a synthetic finding) */
    public CaseFinding {
        Objects.requireNonNull(finding, "finding");
        Objects.requireNonNull(family, "family");
        family.ifPresent(ReviewLabel::family);
        if (family.isPresent() && finding != Finding.SYNTHETIC)
            throw new Invalid("family", "a generator family is given only with the finding 'synthetic'");
    }

    /**
     * The optional wire fields {@code finding} and {@code family} (blank = absent), as the API and console take them.
     *
     * @throws Invalid naming {@code finding} (not synthetic, authentic or unsure) or {@code family}
     */
    public static Optional<CaseFinding> of(Optional<String> finding, Optional<String> family) {
        Optional<String> f = finding.filter(s -> !s.isBlank());
        Optional<String> fam = family.map(String::strip).filter(s -> !s.isEmpty());
        if (f.isEmpty()) {
            if (fam.isPresent())
                throw new Invalid("family", "a generator family is given only with the finding 'synthetic'");
            return Optional.empty();
        }
        return Optional.of(new CaseFinding(Finding.parse(f.get()), fam));
    }
}
