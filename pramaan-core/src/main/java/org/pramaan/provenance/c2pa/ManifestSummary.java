package org.pramaan.provenance.c2pa;

import java.util.List;
import java.util.Optional;

/**
 * What a reader needs from one manifest without walking JSON.
 *
 * @param claimGenerator     the v1 {@code claim_generator} string (absent in claim v2)
 * @param generatorNames     {@code claim_generator_info[].name}
 * @param signatureAlg       e.g. {@code Es256}, {@code Ps256} (the reference's spelling)
 * @param signerOrganization the signing certificate's subject O (the reference's {@code issuer})
 */
public record ManifestSummary(
        String label,
        int claimVersion,
        Optional<String> claimGenerator,
        List<String> generatorNames,
        List<Action> actions,
        String signatureAlg,
        String signerOrganization,
        String signerCommonName) {
    public ManifestSummary {
        generatorNames = List.copyOf(generatorNames);
        actions = List.copyOf(actions);
    }
}
