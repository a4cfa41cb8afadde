/**
 * C2PA 2.2 Content Credentials, read and validated in pure Java (no C2PA library exists for the JVM).
 * Public API: {@link org.pramaan.provenance.c2pa.C2paReader}, {@link org.pramaan.provenance.c2pa.TrustSettings}
 * and the result values. Internals are package-private: container location ({@code StoreLocator},
 * {@code StoreCarriers}), JUMBF ({@code Jumbf}), CBOR ({@code Cbor}, with a canonical writer a signer
 * can reuse), COSE_Sign1 ({@code Cose}), credentials ({@code CertChecks}), RFC 3161
 * ({@code TimeStamps}), hard bindings ({@code DataHashCheck}, {@code BmffHashCheck}) and the
 * orchestration ({@code ManifestValidator}, {@code StoreValidator}). Status codes follow §15 as the
 * reference SDK (c2pa-rs) reports them.
 */
package org.pramaan.provenance.c2pa;
