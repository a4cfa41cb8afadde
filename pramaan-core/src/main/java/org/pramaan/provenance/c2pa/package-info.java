/**
 * C2PA 2.2 Content Credentials, read, validated and signed in pure Java (no C2PA library exists for the JVM).
 *
 * <p>Reading: {@link org.pramaan.provenance.c2pa.C2paReader}, {@link org.pramaan.provenance.c2pa.TrustSettings}
 * and the result values. Internals are package-private: container location ({@code StoreLocator},
 * {@code StoreCarriers}), JUMBF ({@code Jumbf}), CBOR ({@code Cbor}), COSE_Sign1 ({@code Cose}), credentials
 * ({@code CertChecks}), RFC 3161 ({@code TimeStamps}), hard bindings ({@code DataHashCheck},
 * {@code BmffHashCheck}) and the orchestration ({@code ManifestValidator}, {@code StoreValidator}).
 * Status codes follow §15 as the reference SDK (c2pa-rs) reports them.
 *
 * <p>Signing (public API, kept small for interop harnesses):
 * <ul>
 *   <li>{@code SigningKey.fromPem(String keyPem, String chainPem, SigningAlgorithm alg)} — checks the key fits
 *       the algorithm and the chain's first certificate; {@code SigningAlgorithm.parse("es256")} (es256 es384
 *       es512 ps256 ps384 ps512 ed25519).</li>
 *   <li>{@code ManifestRequest.created(String sourceType, String softwareAgent)}, {@code .withTitle(String)},
 *       {@code .withIngredient(new ManifestRequest.Ingredient(byte[] asset, String title, Relationship))};
 *       source types resolve through {@code DigitalSourceType.resolve} (short IPTC name or full URI).</li>
 *   <li>{@code new C2paSigner(SigningKey, TrustSettings ingredientTrust, String generatorName, String version)
 *       .sign(byte[] asset, ManifestRequest, Placement.EMBEDDED | SIDECAR)} returns
 *       {@code Signed(byte[] asset, byte[] manifestStore, String format, String manifestLabel)};
 *       {@code C2paSigner.signableFormat(byte[])} tells whether a file can be signed.</li>
 * </ul>
 * Internals: {@code CborEncoder} (deterministic CBOR, RFC 8949 §4.2.1), {@code JumbfWriter},
 * {@code StoreBuilder} (claim v2 + COSE_Sign1, alg and x5chain protected), {@code Actions},
 * {@code IngredientAssertion}, {@code HardBindings}, {@code Carriers} (embedding via
 * {@link org.pramaan.media.container}). An RFC 3161 timestamp ({@code sigTst2}) is added only when the
 * signer is given a {@code TimeStamper} (port; no network adapter yet, no TSA being reachable offline);
 * without one, validators judge the signer certificate's validity at read time.
 */
package org.pramaan.provenance.c2pa;
