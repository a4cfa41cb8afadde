package org.pramaan.banks;

import java.util.List;

/** Port: durable banks and their items. */
public interface HashBankRepository {
    /** Inserts or replaces a bank's settings. */
    void saveBank(Bank bank);

    List<Bank> banks();

    /** Deletes a bank and all its items; false if there was none. */
    boolean deleteBank(String name);

    /** Stores the item and returns it with its assigned id. */
    BankItem add(BankItem item);

    /** Stores all items in one transaction: either every item is stored or none is. */
    List<BankItem> addAll(List<BankItem> items);

    /** Every item of every bank, in insertion order (loaded once at start-up into the matcher). */
    List<BankItem> all();

    boolean removeItem(long id);

    /** Deletes a media's items from a bank; returns how many were deleted. */
    int removeMedia(String bank, String mediaId);

    /**
     * Counts one more upload matched by each of these shadow banks (a shadow bank never changes a
     * decision, so this count is how an operator judges a feed before enabling it). The default
     * keeps nothing: scratch repositories (benchmarks, a server without banks) have no console.
     */
    default void countShadowHits(java.util.Collection<String> banks) {}

    /** Uploads matched by each shadow bank since it was created (banks never hit are absent). */
    default java.util.Map<String, Long> shadowHits() {
        return java.util.Map.of();
    }
}
