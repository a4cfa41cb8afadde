package org.pramaan.provenance.c2pa;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The manifest store (C2PA 2.2 §11.1.1): superbox type {@code c2pa}, label {@code c2pa}, manifests in
 * order; the last one is the active manifest. Pre-1.0 stores (other labels) are refused like the
 * reference SDK does ({@code PrereleaseError}).
 */
record ManifestStore(byte[] bytes, Jumbf.Box root, List<Manifest> manifests) {
    /** Each manifest costs a signature verification; a store of thousands is an attack, not provenance. */
    static final int MAX_MANIFESTS = 256;

    static ManifestStore parse(byte[] bytes) throws C2paException {
        Jumbf.Box root = Jumbf.parseStore(bytes);
        if (!root.typeCode().equals("c2pa") || !root.label().equals("c2pa")) {
            throw new C2paException(
                    "manifest.prerelease",
                    "the JUMBF store is labelled '" + root.label() + "' (type " + root.typeCode()
                            + "), not a C2PA 1.0+ store 'c2pa'");
        }
        List<Manifest> out = new ArrayList<>();
        if (root.superChildren().size() > MAX_MANIFESTS) {
            throw new C2paException(
                    "limit.exceeded",
                    "the store holds " + root.superChildren().size() + " manifests; at most " + MAX_MANIFESTS
                            + " are read");
        }
        for (Jumbf.Box m : root.superChildren()) {
            String t = m.typeCode();
            if (t.equals("c2ma") || t.equals("c2md") || t.equals("c2um") || t.equals("c2cm"))
                out.add(Manifest.parse(bytes, m));
        }
        if (out.isEmpty()) throw new C2paException("claim.missing", "the manifest store holds no manifest");
        return new ManifestStore(bytes, root, List.copyOf(out));
    }

    Manifest active() {
        return manifests.get(manifests.size() - 1);
    }

    Optional<Manifest> byLabel(String label) {
        return manifests.stream().filter(m -> m.label().equals(label)).findFirst();
    }

    /** Resolves a JUMBF URI (§8.4.1): absolute {@code /c2pa/<manifest>/…} or relative to {@code within}. */
    Optional<Jumbf.Box> resolve(String path, Manifest within) {
        String p = path.startsWith("self#jumbf=") ? path.substring("self#jumbf=".length()) : path;
        Jumbf.Box at;
        String[] parts;
        if (p.startsWith("/") || p.startsWith(root.label() + "/")) { // some writers omit the leading slash
            parts = org.pramaan.limits.PlainText.split(p.startsWith("/") ? p.substring(1) : p, '/', false)
                    .toArray(String[]::new);
            if (parts.length == 0 || !parts[0].equals(root.label())) return Optional.empty();
            at = root;
            parts = java.util.Arrays.copyOfRange(parts, 1, parts.length);
        } else {
            at = within.box();
            parts = org.pramaan.limits.PlainText.split(p, '/', false).toArray(String[]::new);
        }
        for (String part : parts) {
            Optional<Jumbf.Box> next = at.child(part);
            if (next.isEmpty()) return Optional.empty();
            at = next.get();
        }
        return Optional.of(at);
    }
}
