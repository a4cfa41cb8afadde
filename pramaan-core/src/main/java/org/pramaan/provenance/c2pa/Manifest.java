package org.pramaan.provenance.c2pa;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One manifest superbox (C2PA 2.2 §11.1.2): type {@code c2ma} (standard) or {@code c2um} (update),
 * holding the assertion store {@code c2pa.assertions}, the claim and the claim signature.
 */
record Manifest(
        String label,
        Jumbf.Box box,
        boolean update,
        Claim claim,
        Jumbf.Box signature,
        Map<String, Jumbf.Box> assertions) {

    static Manifest parse(byte[] store, Jumbf.Box m) throws C2paException {
        String type = m.typeCode();
        if (type.equals("c2cm"))
            throw new C2paException(
                    "manifest.compressed",
                    "manifest " + m.label() + " is Brotli-compressed (brob), which this reader does not decode");
        Jumbf.Box claimBox = m.child("c2pa.claim.v2")
                .or(() -> m.child("c2pa.claim"))
                .orElseThrow(() -> new C2paException("claim.missing", "manifest " + m.label() + " has no claim box"));
        Jumbf.Box claimContent = claimBox.content()
                .orElseThrow(() -> new C2paException("claim.missing", "claim box of " + m.label() + " is empty"));
        Claim claim = Claim.parse(claimBox.label(), store, claimContent);
        Jumbf.Box sig = m.child("c2pa.signature")
                .flatMap(Jumbf.Box::content)
                .orElseThrow(() -> new C2paException(
                        "claimSignature.missing", "manifest " + m.label() + " has no c2pa.signature box"));
        Map<String, Jumbf.Box> assertions = new LinkedHashMap<>();
        m.child("c2pa.assertions")
                .ifPresent(as -> as.superChildren().forEach(a -> assertions.putIfAbsent(a.label(), a)));
        return new Manifest(m.label(), m, type.equals("c2um"), claim, sig, assertions);
    }

    Optional<Jumbf.Box> assertion(String label) {
        return Optional.ofNullable(assertions.get(label));
    }
}
