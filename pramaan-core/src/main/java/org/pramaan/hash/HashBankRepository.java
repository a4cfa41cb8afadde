package org.pramaan.hash;

import java.util.List;

/** Port: durable hash-bank items. */
public interface HashBankRepository {
    /** Stores the item and returns it with its assigned id. */
    BankItem add(BankItem item);

    /** Every item of every bank, in insertion order (loaded once at start-up into the matcher). */
    List<BankItem> all();

    /** Deletes a media's items from a bank; returns how many were deleted. */
    int removeMedia(String bank, String mediaId);
}
