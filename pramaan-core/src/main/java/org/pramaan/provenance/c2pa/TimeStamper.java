package org.pramaan.provenance.c2pa;

/**
 * Port: an RFC 3161 time-stamping authority that the signer asks for a {@code sigTst2} token (C2PA 2.2
 * §10.3.2.5, v2 timestamps). No network adapter exists yet (no TSA is reachable offline); the start-up
 * cache's training (pramaan-app {@code AotTraining}) uses a local one made on the fly.
 *
 * <p>The token's size must not depend on the data: the signer builds the store more than once (§18.5,
 * §18.6: a placeholder fixes the hard binding's exclusion, then the final build must land in the same
 * span), and each build is stamped anew.
 */
@FunctionalInterface
public interface TimeStamper {
    /**
     * @param data the bytes to stamp: the COSE {@code CounterSignature} structure over the CBOR-encoded
     *             signature (RFC 9338, as §10.3.2.5 v2 and {@code TimeStamps} check it); the TSA picks the
     *             message imprint's hash
     * @return the DER of an RFC 3161 {@code TimeStampToken} (a CMS ContentInfo) whose imprint is over {@code data}
     */
    byte[] stamp(byte[] data);
}
