package org.pramaan.banks;

import java.util.Objects;

/** A banked item found by a curator's PDQ search, with its Hamming distance from the hash searched for. */
public record BankItemHit(BankItem item, int distance) {
    public BankItemHit {
        Objects.requireNonNull(item, "item");
    }
}
