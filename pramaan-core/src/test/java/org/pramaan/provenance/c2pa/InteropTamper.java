package org.pramaan.provenance.c2pa;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.pramaan.media.MediaSource;

/**
 * The self-made damage of the signing interop suites (C2PA 2.2 §15.2.2 codes each should produce), applied
 * to a signed file's bytes. Each flips one bit of one byte, found structurally, never at a fixed offset.
 */
enum InteropTamper {
    /** Nothing changed: only trust may be missing. */
    UNTOUCHED(Set.of()),
    /** A pixel or sample byte: the hard binding breaks. */
    PAYLOAD(Set.of("assertion.dataHash.mismatch", "assertion.bmffHash.mismatch")),
    /** The last byte of the active COSE_Sign1, i.e. of its signature bstr (§14.5). */
    SIGNATURE(Set.of("claimSignature.mismatch")),
    /** A byte inside the marker assertion's value: its hashed URI no longer matches (§8.4.2). */
    ASSERTION(Set.of("assertion.hashedURI.mismatch")),
    /** A byte of the claim's dc:title: the claim no longer matches its signature (§13.2). */
    CLAIM(Set.of("claimSignature.mismatch")),
    /** A byte of the signer certificate's subject, inside the COSE protected header (§14.5). */
    CERTIFICATE(Set.of("claimSignature.mismatch", "signingCredential.invalid"));

    /** The value the suites put in an assertion of their own, so the assertion flip lands in neither actions nor hashes. */
    static final String MARKER = "interop-tamper-target-0123456789";

    /** Any one of these failure codes in the reference's answer shows the damage was seen. */
    final Set<String> expectAnyOf;

    InteropTamper(Set<String> expectAnyOf) {
        this.expectAnyOf = expectAnyOf;
    }

    byte[] apply(String ext, byte[] signed) throws IOException, C2paException {
        byte[] b = signed.clone();
        int at = switch (this) {
            case UNTOUCHED -> -1;
            case PAYLOAD -> InteropMedia.payloadOffset(ext, b);
            case SIGNATURE -> signatureEnd(b) - 1;
            case ASSERTION -> indexOf(b, MARKER.getBytes(StandardCharsets.US_ASCII)) + 7;
            case CLAIM -> indexOf(b, ("interop." + ext).getBytes(StandardCharsets.US_ASCII)) + 3;
            case CERTIFICATE -> indexOf(b, "C2PA Signer".getBytes(StandardCharsets.US_ASCII)) + 2;
        };
        if (at >= 0) b[at] ^= 0x01;
        return b;
    }

    /** Where the active signature box's content ends in the file: the store occurs whole in one carrier segment. */
    private static int signatureEnd(byte[] file) throws IOException, C2paException {
        byte[] store = StoreLocator.locate(MediaSource.of(file))
                .store()
                .orElseThrow(() -> new AssertionError("signed file has no manifest store"));
        int storeAt = indexOf(file, store);
        return storeAt + ManifestStore.parse(store).active().signature().end();
    }

    /** Writes the damaged copy next to {@code base}: payload damage goes to the asset, all other damage to the store. */
    SignedInterop.SignedFile applyTo(SignedInterop.SignedFile signed, SignedInterop.Format format, Path base)
            throws IOException, C2paException {
        if (this == UNTOUCHED) return signed;
        Path asset = signed.asset(), store = signed.store().orElse(null);
        if (store == null) {
            asset = Files.write(
                    Path.of(base + "." + format.ext()), apply(format.ext(), Files.readAllBytes(signed.asset())));
        } else if (this == PAYLOAD) {
            asset = Files.write(
                    Path.of(base + "." + format.ext()), apply(format.ext(), Files.readAllBytes(signed.asset())));
        } else {
            store = Files.write(Path.of(base + ".c2pa"), apply(format.ext(), Files.readAllBytes(store)));
        }
        return new SignedInterop.SignedFile(asset, Optional.ofNullable(store));
    }

    /**
     * Whether the peer's verdict (a {@link PeerSummary}) reflects this damage: intact files are Valid with only
     * {@code signingCredential.untrusted} (Trusted with nothing, given the anchors) and carry {@code actionAndSourceType}
     * (e.g. {@code "c2pa.created http://cv.iptc.org/…/trainedAlgorithmicMedia"});
     * damaged ones are Invalid with one of {@link #expectAnyOf}.
     */
    static Optional<String> seen(InteropTamper t, InteropTrust trust, JsonNode peer, String actionAndSourceType) {
        Set<String> failures = new TreeSet<>();
        peer.path("active_failure_codes").forEach(n -> failures.add(n.asText()));
        String state = peer.path("validation_state").asText(peer.path("outcome").asText());
        if (t == UNTOUCHED) {
            boolean ok = trust.anchorsPem().isPresent()
                    ? state.equals("Trusted") && failures.isEmpty()
                    : state.equals("Valid") && failures.equals(Set.of("signingCredential.untrusted"));
            boolean dst =
                    peer.path("active_digital_source_types").toString().contains("\"" + actionAndSourceType + "\"");
            if (!ok || !dst)
                return Optional.of("intact file is " + state + " " + failures + " with digitalSourceTypes "
                        + peer.path("active_digital_source_types"));
            return Optional.empty();
        }
        boolean hit = state.equals("Invalid") && failures.stream().anyMatch(t.expectAnyOf::contains);
        return hit
                ? Optional.empty()
                : Optional.of("expected Invalid with one of " + t.expectAnyOf + ", got " + state + " " + failures);
    }

    static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int k = 0; k < needle.length; k++) if (hay[i + k] != needle[k]) continue outer;
            return i;
        }
        throw new AssertionError("byte pattern of " + needle.length + " bytes not found in the signed file");
    }

    static List<InteropTamper> all() {
        return List.of(values());
    }
}
