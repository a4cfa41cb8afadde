package org.pramaan.console;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.pramaan.banks.BankItem;
import org.pramaan.banks.HashBanks;
import org.pramaan.errors.Invalid;
import org.pramaan.hash.Hash256;

/**
 * A search of one bank's items: {@code exact} (a 64-hex SHA-256 or PDQ hash, equal), {@code near} (a PDQ hash, every
 * item within {@link HashBanks#PDQ_MATCH_DISTANCE} bits, through the bank's PDQ index, nearest first) or {@code text}
 * (a plain, case-insensitive substring of the item's note or source; no pattern syntax). The term is capped at
 * {@link BanksPages#MAX_QUERY} characters before anything looks at it.
 */
public record BankSearch(String query, String mode) {
    static final List<String> MODES = List.of("exact", "near", "text");

    static BankSearch parse(String q, String m) {
        String query = q == null ? "" : q;
        if (query.length() > BanksPages.MAX_QUERY)
            throw new Invalid("q", "the search is " + query.length() + " characters; at most " + BanksPages.MAX_QUERY);
        query = query.strip();
        String mode = m == null || m.isEmpty() ? "text" : m;
        if (!MODES.contains(mode))
            throw new Invalid("mode", "search mode '" + BanksPages.cut(mode) + "' is not one of " + MODES);
        if (!query.isEmpty() && !mode.equals("text")) {
            query = query.toLowerCase(Locale.ROOT);
            if (!org.pramaan.limits.PlainText.isHex(query, 64, true))
                throw new Invalid(
                        "q",
                        "a hash search needs 64 hex digits (a SHA-256 or PDQ hash); got " + query.length()
                                + " characters");
        }
        return new BankSearch(query, mode);
    }

    public boolean active() {
        return !query.isEmpty();
    }

    /** The search as query parameters for the paging links ("" when there is none). */
    public String queryString() {
        return active() ? "&mode=" + mode + "&q=" + URLEncoder.encode(query, StandardCharsets.UTF_8) : "";
    }

    List<BanksPages.ItemRow> run(HashBanks banks, String bank, List<BankItem> items) {
        if (!active())
            return items.stream()
                    .map(i -> BanksPages.ItemRow.of(i, Optional.empty()))
                    .toList();
        return switch (mode) {
            case "exact" ->
                items.stream()
                        .filter(i -> i.sha256().filter(query::equals).isPresent()
                                || i.pdq()
                                        .filter(p -> p.hash().toHex().equals(query))
                                        .isPresent())
                        .map(i -> BanksPages.ItemRow.of(i, Optional.empty()))
                        .toList();
            case "near" ->
                banks.near(bank, Hash256.fromHex(query), HashBanks.PDQ_MATCH_DISTANCE).stream()
                        .map(h -> BanksPages.ItemRow.of(h.item(), Optional.of(h.distance())))
                        .toList();
            default -> {
                String needle = query.toLowerCase(Locale.ROOT);
                yield items.stream()
                        .filter(i -> i.note().toLowerCase(Locale.ROOT).contains(needle)
                                || i.source().toLowerCase(Locale.ROOT).contains(needle))
                        .map(i -> BanksPages.ItemRow.of(i, Optional.empty()))
                        .toList();
            }
        };
    }
}
