package org.pramaan.hash;

import java.util.Map;

/** The hashes of all 8 rotations and flips of one image, with the (shared) quality. */
public record DihedralHashes(Map<Dihedral, Hash256> hashes, int quality) {
    public DihedralHashes {
        hashes = Map.copyOf(hashes);
    }

    public Hash256 get(Dihedral d) {
        return hashes.get(d);
    }
}
