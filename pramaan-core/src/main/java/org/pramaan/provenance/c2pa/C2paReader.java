package org.pramaan.provenance.c2pa;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pramaan.media.MediaSource;

/**
 * Reads and validates C2PA Content Credentials (C2PA 2.2) in pure Java: locates the manifest store in
 * the asset, parses JUMBF, claims and assertions, and validates signatures, credentials, timestamps,
 * hashed URIs, the hard binding and ingredients. Never throws on hostile bytes: a store that cannot
 * be read is an {@link C2paOutcome.Unreadable} with a stable code.
 */
public final class C2paReader {
    private final TrustSettings trust;

    public C2paReader(TrustSettings trust) {
        this.trust = trust;
    }

    /** Reads the file; with no embedded store, a sidecar {@code <name>.c2pa} next to it is validated against it (§11.5). */
    public C2paOutcome read(Path file) throws IOException {
        try (MediaSource src = MediaSource.open(file)) {
            C2paOutcome o = read(src);
            Path sidecar = sidecarOf(file);
            if (!(o instanceof C2paOutcome.NoManifest n) || !java.nio.file.Files.isRegularFile(sidecar)) return o;
            if (java.nio.file.Files.size(sidecar) > StoreLocator.MAX_STORE) {
                return new C2paOutcome.Unreadable(
                        n.format(),
                        "limit.exceeded",
                        "sidecar " + sidecar.getFileName() + " is larger than " + StoreLocator.MAX_STORE + " bytes");
            }
            return validate(
                    java.nio.file.Files.readAllBytes(sidecar),
                    "sidecar " + sidecar.getFileName(),
                    n.format(),
                    Optional.of(src));
        }
    }

    static Path sidecarOf(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return file.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".c2pa");
    }

    public C2paOutcome read(MediaSource asset) throws IOException {
        StoreLocator.Located found;
        try {
            found = StoreLocator.locate(asset);
        } catch (C2paException e) {
            return new C2paOutcome.Unreadable(Sniff.format(asset.readUpTo(0, 64)), e.code(), e.getMessage());
        }
        if (found.store().isEmpty()) {
            return found.remoteUrl()
                    .<C2paOutcome>map(u -> new C2paOutcome.RemoteReference(found.format(), u))
                    .orElseGet(() -> new C2paOutcome.NoManifest(found.format()));
        }
        boolean sidecar = found.format().equals("application/c2pa");
        return validate(
                found.store().get(), found.carrier(), found.format(), sidecar ? Optional.empty() : Optional.of(asset));
    }

    /** Validates a sidecar or remote store (§11.5) against its asset; without an asset the hard binding is not checked. */
    public C2paOutcome readStore(byte[] store, Optional<MediaSource> asset) throws IOException {
        return validate(store, "external manifest store", "application/c2pa", asset);
    }

    private C2paOutcome validate(byte[] bytes, String carrier, String format, Optional<MediaSource> asset)
            throws IOException {
        try {
            ManifestStore store = ManifestStore.parse(bytes);
            StoreValidator.Result r = new StoreValidator(store, trust).run(asset);
            ManifestValidator mv = new ManifestValidator(store, trust);
            List<ManifestSummary> summaries = new ArrayList<>();
            for (Manifest m : store.manifests())
                summaries.add(Summaries.of(m, mv, r.perManifest().get(m.label()).signature()));
            String json = StoreJson.write(store, mv, r);
            return new C2paOutcome.Read(new C2paReport(
                    carrier, store.active().label(), summaries, r.active(), r.deltas(), r.state(), json));
        } catch (C2paException e) {
            return new C2paOutcome.Unreadable(format, e.code(), e.getMessage());
        } catch (org.pramaan.limits.BudgetExceededException e) {
            throw e; // the request's work budget ran out: not a fault of the file
        } catch (RuntimeException e) {
            // Defence in depth: a parser bug on hostile input must not crash the caller (DEV-GUIDELINES 6).
            return new C2paOutcome.Unreadable(
                    format, "general.error", "internal error while reading the manifest store: " + e);
        }
    }
}
