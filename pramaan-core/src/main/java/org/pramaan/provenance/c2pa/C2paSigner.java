package org.pramaan.provenance.c2pa;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.pramaan.media.MediaSource;
import org.pramaan.media.container.BmffBoxes;
import org.pramaan.media.container.Spliced;

/**
 * Signs assets with a new C2PA 2.x manifest (claim v2): {@code c2pa.actions.v2}, an optional
 * {@code c2pa.ingredient.v3} and the hard binding ({@code c2pa.hash.data}, or {@code c2pa.hash.bmff.v3}
 * for MP4/MOV), embedded (Appendix A) or as a sidecar store (§11.5). An RFC 3161 timestamp
 * ({@code sigTst2}, §10.3.2.5, §14.5.2) is added only with a {@link TimeStamper}; without one, validators
 * use "now" for the certificate's validity.
 */
public final class C2paSigner {
    /** Where the store goes: into the asset, or beside it as a {@code .c2pa} file. */
    public enum Placement {
        EMBEDDED,
        SIDECAR
    }

    /**
     * What signing produced.
     *
     * @param asset         the output asset (unchanged input for a sidecar)
     * @param manifestStore the JUMBF manifest store (what a {@code .c2pa} sidecar holds)
     * @param format        the asset's MIME type
     * @param manifestLabel the new active manifest's label, {@code urn:c2pa:<uuid>}
     */
    public record Signed(byte[] asset, byte[] manifestStore, String format, String manifestLabel) {}

    private static final int MAX_ROUNDS = 8;
    private final SigningKey key;
    private final TrustSettings trust;
    private final String generatorName, generatorVersion;
    private final Optional<TimeStamper> tsa;

    /**
     * @param trust how ingredient manifests are validated for their recorded validationResults; its clock
     *              is "now" for the signer certificate's validity
     */
    public C2paSigner(SigningKey key, TrustSettings trust, String generatorName, String generatorVersion) {
        this(key, trust, generatorName, generatorVersion, Optional.empty());
    }

    /** As above; each manifest's signature gets a {@code sigTst2} token from {@code tsa} when given. */
    public C2paSigner(
            SigningKey key,
            TrustSettings trust,
            String generatorName,
            String generatorVersion,
            Optional<TimeStamper> tsa) {
        this.tsa = tsa;
        this.key = key;
        this.trust = trust;
        this.generatorName = generatorName;
        this.generatorVersion = generatorVersion;
    }

    /** The asset's MIME type when this signer can sign it (JPEG, PNG, WebP, WAV, MP3, MP4/MOV), else empty. */
    public static Optional<String> signableFormat(byte[] asset) throws IOException {
        String format = Sniff.format(MediaSource.of(asset).readUpTo(0, 64));
        try {
            Carriers.of(format);
            return Optional.of(format);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Signs {@code asset}; bad input (unsupported or malformed container) is an {@link IllegalArgumentException} naming the problem. */
    public Signed sign(byte[] asset, ManifestRequest request, Placement placement) throws IOException {
        String format = Sniff.format(MediaSource.of(asset).readUpTo(0, 64));
        Carriers carrier = Carriers.of(format);
        request = keepingExisting(asset, request);
        // Checked with a timestamp, too: a TSA attests when the signature existed, not that the
        // certificate was valid then. Without a timestamp, validators check the certificate at read time: one outside
        // its validity now
        // can only give signingCredential.expired (the reference SDK refuses to sign with it, too).
        if (!CertChecks.validAt(key.chain().get(0), trust.clock().instant())) {
            throw new IllegalArgumentException("the signing certificate is not valid now (valid "
                    + key.chain().get(0).getNotBefore().toInstant() + " to "
                    + key.chain().get(0).getNotAfter().toInstant() + ")");
        }
        String label = "urn:c2pa:" + UUID.randomUUID();
        var id = new StoreBuilder.Identity(
                label, "xmp:iid:" + UUID.randomUUID(), request.title(), generatorName, generatorVersion);
        List<byte[]> carried = new ArrayList<>();
        List<StoreBuilder.Assertion> assertions = contentAssertions(request, carried);
        if (placement == Placement.SIDECAR) {
            Map<String, Object> hb = carrier == Carriers.BMFF
                    ? HardBindings.bmff(bmffHash(asset, HardBindings.bmff(new byte[32])))
                    : HardBindings.data(
                            0,
                            0,
                            Hashing.asset(md(), MediaSource.of(asset), List.of(), List.of())
                                    .orElseThrow(),
                            false);
            byte[] store = StoreBuilder.build(id, carried, with(assertions, carrier, hb), key, tsa);
            return new Signed(asset, store, format, label);
        }
        byte[] base = carrier.prepare(asset);
        return carrier == Carriers.BMFF
                ? bmff(base, id, carried, assertions, format)
                : data(base, carrier, id, carried, assertions, format);
    }

    /**
     * Embedding replaces the store an asset carries (Carriers), so without this a signed asset would lose its
     * provenance silently. §10.4/§18.7: the existing active manifest becomes the {@code parentOf} ingredient
     * (its manifests copied into the new store, referenced by hashed URI), and Actions opens it with
     * {@code c2pa.opened}, unless the caller asked to replace it.
     */
    private static ManifestRequest keepingExisting(byte[] asset, ManifestRequest request) throws IOException {
        boolean signed = carriesManifest(asset);
        boolean hasParent = request.ingredient()
                .map(i -> i.relationship() == ManifestRequest.Relationship.PARENT_OF)
                .orElse(false);
        if (request.digitalSourceType().isEmpty() && !hasParent && (!signed || request.replaceExisting()))
            throw new IllegalArgumentException("the file carries no C2PA manifest to edit and no parent ingredient"
                    + " was given; a new manifest needs a digital source type (§18.14.2)");
        if (!signed || request.replaceExisting()) return request;
        if (request.ingredient().isPresent())
            throw new IllegalArgumentException("the file already carries a C2PA manifest, which would be dropped"
                    + " for the given ingredient: replace it explicitly, or sign without an ingredient to keep it"
                    + " as the parent ingredient");
        String title = request.title().isEmpty() ? "parent" : request.title();
        return request.withIngredient(
                new ManifestRequest.Ingredient(asset, title, ManifestRequest.Relationship.PARENT_OF));
    }

    /**
     * Whether {@code asset} carries an embedded C2PA manifest store, readable or not (a damaged one is still
     * kept on re-signing, as an ingredient of unknown provenance). A remote reference alone is no store.
     */
    public static boolean carriesManifest(byte[] asset) throws IOException {
        try {
            return StoreLocator.locate(MediaSource.of(asset)).store().isPresent();
        } catch (C2paException e) {
            return !e.code().equals("asset.unsupported");
        }
    }

    /**
     * §18.5: the exclusion must name the span the store itself will occupy, whose length depends on the
     * store (and so on the exclusion's own CBOR width, and on JPEG segment headers). Lengths only grow
     * with the guess, so iterating from 0 reaches the fixed point in a few rounds.
     */
    private Signed data(
            byte[] base,
            Carriers carrier,
            StoreBuilder.Identity id,
            List<byte[]> carried,
            List<StoreBuilder.Assertion> content,
            String format)
            throws IOException {
        long start = 0, length = 0;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            byte[] store = StoreBuilder.build(
                    id,
                    carried,
                    with(content, carrier, HardBindings.data(start, length, new byte[32], true)),
                    key,
                    tsa);
            Spliced s = carrier.embed(base, store);
            if (s.start() == start && s.length() == length) {
                byte[] hash = Hashing.asset(
                                md(),
                                MediaSource.of(s.bytes()),
                                List.of(new Hashing.Range(start, start + length)),
                                List.of())
                        .orElseThrow();
                byte[] fin = StoreBuilder.build(
                        id, carried, with(content, carrier, HardBindings.data(start, length, hash, true)), key, tsa);
                return finish(carrier.embed(base, fin), s, fin, format, id);
            }
            start = s.start();
            length = s.length();
        }
        throw new IllegalStateException("the data-hash exclusion did not settle in " + MAX_ROUNDS + " rounds");
    }

    /** §18.6: the store's size fixes every later box offset, so hash a placeholder build of the same size. */
    private Signed bmff(
            byte[] base,
            StoreBuilder.Identity id,
            List<byte[]> carried,
            List<StoreBuilder.Assertion> content,
            String format)
            throws IOException {
        byte[] store = StoreBuilder.build(
                id, carried, with(content, Carriers.BMFF, HardBindings.bmff(new byte[32])), key, tsa);
        Spliced s = Carriers.BMFF.embed(base, store);
        byte[] fin = StoreBuilder.build(
                id,
                carried,
                with(content, Carriers.BMFF, HardBindings.bmff(bmffHash(s.bytes(), HardBindings.bmff(new byte[32])))),
                key,
                tsa);
        return finish(Carriers.BMFF.embed(base, fin), s, fin, format, id);
    }

    private static Signed finish(
            Spliced out, Spliced placeholder, byte[] store, String format, StoreBuilder.Identity id) {
        // Only hash bytes changed between the builds, so the final store must land exactly where the placeholder did.
        if (out.start() != placeholder.start() || out.length() != placeholder.length())
            throw new IllegalStateException("the final manifest store changed size");
        return new Signed(out.bytes(), store, format, id.label());
    }

    private List<StoreBuilder.Assertion> contentAssertions(ManifestRequest r, List<byte[]> carried) throws IOException {
        List<StoreBuilder.Assertion> out = new ArrayList<>();
        Optional<byte[]> ingredientBox = Optional.empty();
        if (r.ingredient().isPresent()) {
            IngredientAssertion.Built b =
                    IngredientAssertion.build(r.ingredient().get(), trust);
            carried.addAll(b.carried());
            out.add(new StoreBuilder.Assertion(IngredientAssertion.LABEL, b.cbor()));
            ingredientBox = Optional.of(JumbfWriter.cborAssertion(IngredientAssertion.LABEL, b.cbor()));
        }
        out.add(0, new StoreBuilder.Assertion(Actions.LABEL, Actions.cbor(r, ingredientBox)));
        return out;
    }

    private static List<StoreBuilder.Assertion> with(
            List<StoreBuilder.Assertion> content, Carriers c, Map<String, Object> hardBinding) {
        List<StoreBuilder.Assertion> all = new ArrayList<>(content);
        all.add(new StoreBuilder.Assertion(
                c == Carriers.BMFF ? HardBindings.BMFF : HardBindings.DATA, CborEncoder.encode(hardBinding)));
        return all;
    }

    private static byte[] bmffHash(byte[] file, Map<String, Object> assertion) throws IOException {
        byte[] cbor = CborEncoder.encode(assertion);
        try {
            return BmffHashCheck.compute(
                            Cbor.read(cbor, 0, cbor.length, "bmff hash"), 3, StoreBuilder.ALG, MediaSource.of(file))
                    .orElseThrow();
        } catch (BmffBoxes.BoxException | C2paException e) {
            throw new IllegalArgumentException("invalid BMFF structure: " + e.getMessage(), e);
        }
    }

    private static java.security.MessageDigest md() {
        return Hashing.digest(StoreBuilder.ALG).orElseThrow();
    }
}
