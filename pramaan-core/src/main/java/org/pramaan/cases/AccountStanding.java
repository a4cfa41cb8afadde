package org.pramaan.cases;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An uploader's record for DSA art.23: content restrictions counted against the account
 * ("strikes"), the warnings it was given, and suspensions. Pramaan keeps no contact details: the
 * host platform knows how to reach the account.
 *
 * @param accountId   the platform's uploader id
 * @param strikes     restrictions of the account's content, each with its case
 * @param warnings    art.23(1) warnings
 * @param suspensions art.23(1) suspensions
 */
public record AccountStanding(String accountId, List<Mark> strikes, List<Mark> warnings, List<Mark> suspensions) {
    /** One entry: the case behind it, when, and (for suspensions) until when. */
    public record Mark(String caseId, Instant at, Optional<Instant> until) {
        public Mark {
            Objects.requireNonNull(caseId, "caseId");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(until, "until");
        }
    }

    public AccountStanding {
        Objects.requireNonNull(accountId, "accountId");
        strikes = List.copyOf(strikes);
        warnings = List.copyOf(warnings);
        suspensions = List.copyOf(suspensions);
    }

    public static AccountStanding clean(String accountId) {
        return new AccountStanding(accountId, List.of(), List.of(), List.of());
    }

    public long strikesSince(Instant from) {
        return strikes.stream().filter(s -> !s.at().isBefore(from)).count();
    }

    public boolean suspendedAt(Instant t) {
        return suspensions.stream()
                .anyMatch(s -> !t.isBefore(s.at()) && s.until().map(t::isBefore).orElse(true));
    }

    AccountStanding withStrike(Mark m) {
        return new AccountStanding(accountId, plus(strikes, m), warnings, suspensions);
    }

    AccountStanding withWarning(Mark m) {
        return new AccountStanding(accountId, strikes, plus(warnings, m), suspensions);
    }

    AccountStanding withSuspension(Mark m) {
        return new AccountStanding(accountId, strikes, warnings, plus(suspensions, m));
    }

    private static List<Mark> plus(List<Mark> l, Mark m) {
        List<Mark> out = new ArrayList<>(l);
        out.add(m);
        return out;
    }
}
