package org.pramaan.cases;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pramaan.access.Actor;
import org.pramaan.audit.AuditLog;
import org.pramaan.banks.BankItem;
import org.pramaan.banks.BankKind;
import org.pramaan.banks.HashBanks;
import org.pramaan.errors.Conflict;
import org.pramaan.errors.Invalid;
import org.pramaan.intake.MediaRecord;
import org.pramaan.intake.MediaRepository;
import org.pramaan.intake.MediaStatus;
import org.pramaan.intake.UploadRecord;

/** What an action does to the content, its bank entries, its retention and its uploaders' accounts. */
final class ContentEffects {
    private final MediaRepository media;
    private final HashBanks banks;
    private final AuditLog audit;
    private final Clock clock;
    private final Optional<Retention> retention;
    private final Optional<AccountRepository> accounts;

    ContentEffects(
            MediaRepository media,
            HashBanks banks,
            AuditLog audit,
            Clock clock,
            Optional<Retention> retention,
            Optional<AccountRepository> accounts) {
        this.media = media;
        this.banks = banks;
        this.audit = audit;
        this.clock = clock;
        this.retention = retention;
        this.accounts = accounts;
    }

    MediaRecord mediaOf(CaseFile c) {
        return media.find(c.mediaId())
                .orElseThrow(() ->
                        new Conflict(CaseLedger.CONFLICT, "case " + c.id() + " targets unknown media " + c.mediaId()));
    }

    /** Applies the action to the content; returns the events it adds (identical copies swept). */
    List<CaseEvent> apply(CaseFile c, CaseAction action, Actor actor, RulePack pack) {
        MediaRecord m = mediaOf(c);
        switch (action) {
            case REMOVE -> {
                media.save(m.withStatus(MediaStatus.REMOVED));
                bank(c, m, actor, c.noticeType() + " " + c.article());
                pack.retention()
                        .ifPresentOrElse(
                                r -> retention.ifPresent(h -> h.onRemoval(
                                        c,
                                        Optional.of(r.removedContent()),
                                        pack.appeals().window(),
                                        r.source())),
                                () -> retention.ifPresent(h -> h.onRemoval(
                                        c,
                                        Optional.empty(),
                                        pack.appeals().window(),
                                        pack.appeals().source())));
                List<String> swept = pack.identicalCopies()
                        .map(rule -> sweepIdenticalCopies(c, m, actor, rule))
                        .orElse(List.of());
                if (!swept.isEmpty())
                    return List.of(new CaseEvent.IdenticalCopiesRemoved(
                            clock.instant(), Map.of("mediaIds", String.join(",", swept))));
            }
            case GEO_RESTRICT -> media.save(m.withStatus(MediaStatus.GEO_RESTRICTED));
            case LABEL -> media.save(m.withStatus(MediaStatus.LABELLED));
            case DEMOTE -> media.save(m.withStatus(MediaStatus.DEMOTED));
            case RESTORE -> {
                media.save(m.withStatus(MediaStatus.ACTIVE));
                int n = banks.removeMedia(HashBanks.REMOVED, m.id());
                audit.append(
                        "bank.items_removed",
                        "media:" + m.id(),
                        AuditLog.details("bank", HashBanks.REMOVED, "count", n, "caseId", c.id()));
            }
            case DISMISS, ACKNOWLEDGE, WARN_ACCOUNT, SUSPEND_ACCOUNT -> {}
        }
        return List.of();
    }

    private void bank(CaseFile c, MediaRecord m, Actor actor, String note) {
        // IT Rules r.4(4): removed content is hashed (exact + perceptual) so re-uploads are found.
        banks.ensure(HashBanks.REMOVED, BankKind.REMOVED);
        BankItem item = banks.add(BankItem.fromMedia(
                HashBanks.REMOVED,
                m.id(),
                m.pdq(),
                m.av(),
                Optional.of(c.id()),
                note,
                actor.wireName(),
                clock.instant()));
        audit.append(
                "bank.item_added",
                "media:" + m.id(),
                AuditLog.details(
                        "bank",
                        HashBanks.REMOVED,
                        "itemId",
                        item.id(),
                        "caseId",
                        c.id(),
                        "pdq",
                        m.pdq().map(p -> p.hash().toHex()).orElse(""),
                        "vpdqFrames",
                        m.av().vpdq().size(),
                        "audioFingerprint",
                        m.av().audio().isPresent()));
    }

    /** The pack's identical-copies rule (e.g. TAKE IT DOWN Act s.223a(a)(3)): same-picture media is removed and banked too. */
    private List<String> sweepIdenticalCopies(
            CaseFile c, MediaRecord removed, Actor actor, RulePack.IdenticalCopies rule) {
        if (removed.pdq().isEmpty() || !removed.pdq().get().matchable()) return List.of();
        List<String> swept = new ArrayList<>();
        for (MediaStatus s :
                List.of(MediaStatus.ACTIVE, MediaStatus.LABELLED, MediaStatus.PENDING_REVIEW, MediaStatus.DEMOTED)) {
            for (MediaRecord m : media.withStatus(s)) {
                if (m.id().equals(removed.id()) || m.pdq().isEmpty()) continue;
                if (m.pdq().get().hash().distance(removed.pdq().get().hash()) > rule.maxPdqDistance()) continue;
                media.save(m.withStatus(MediaStatus.REMOVED));
                banks.add(BankItem.fromMedia(
                        HashBanks.REMOVED,
                        m.id(),
                        m.pdq(),
                        m.av(),
                        Optional.of(c.id()),
                        "identical copy swept with " + c.id(),
                        actor.wireName(),
                        clock.instant()));
                swept.add(m.id());
            }
        }
        if (!swept.isEmpty())
            audit.append(
                    "case.identical_copies_removed",
                    "case:" + c.id(),
                    AuditLog.details("mediaIds", swept, "source", rule.source()));
        return swept;
    }

    /** The platform accounts that uploaded the case's content. */
    Set<String> uploaders(CaseFile c) {
        Set<String> ids = new LinkedHashSet<>();
        for (UploadRecord u : media.uploads(c.mediaId())) u.uploaderId().ifPresent(ids::add);
        return ids;
    }

    /**
     * DSA art.23: a content restriction counts against each uploader; reaching the pack's counts
     * flags the case for a reviewer (events {@code repeat_infringer_flagged}). A reversal withdraws
     * the case's strikes, since content wrongly restricted says nothing about the account.
     */
    List<CaseEvent> countStrikes(CaseFile c, CaseAction action, RulePack pack) {
        // Labels and demotions keep the content up, so only disabling access counts as a strike.
        boolean strike = action == CaseAction.REMOVE || action == CaseAction.GEO_RESTRICT;
        if (accounts.isEmpty() || !(strike || action == CaseAction.RESTORE)) return List.of();
        Instant now = clock.instant();
        List<CaseEvent> events = new ArrayList<>();
        for (String id : uploaders(c)) {
            AccountStanding s = accounts.get().find(id).orElse(AccountStanding.clean(id));
            if (action == CaseAction.RESTORE) {
                accounts.get()
                        .save(new AccountStanding(
                                id,
                                s.strikes().stream()
                                        .filter(m -> !m.caseId().equals(c.id()))
                                        .toList(),
                                s.warnings(),
                                s.suspensions()));
                continue;
            }
            AccountStanding after = s.withStrike(new AccountStanding.Mark(c.id(), now, Optional.empty()));
            accounts.get().save(after);
            pack.repeatInfringers().ifPresent(rule -> flag(after, rule, now).ifPresent(events::add));
        }
        return events;
    }

    private static Optional<CaseEvent> flag(AccountStanding s, RulePack.RepeatInfringerRule rule, Instant now) {
        long strikes = s.strikesSince(now.minus(rule.window()));
        boolean warned = !s.warnings().isEmpty();
        String recommend = strikes >= rule.suspendAfter() && warned
                ? "SUSPEND_ACCOUNT"
                : strikes >= rule.warnAfter() && !warned ? "WARN_ACCOUNT" : "";
        if (recommend.isEmpty()) return Optional.empty();
        Map<String, String> d = new LinkedHashMap<>();
        d.put("accountId", s.accountId());
        d.put("strikes", Long.toString(strikes));
        d.put("window", rule.window().toString());
        d.put("recommended", recommend);
        d.put("source", rule.source());
        return Optional.of(new CaseEvent.RepeatInfringerFlagged(now, d));
    }

    /** WARN_ACCOUNT / SUSPEND_ACCOUNT on the named (or the only) uploader; the event it adds. */
    CaseEvent actOnAccount(CaseFile c, CaseAction action, Map<String, String> params, Actor actor) {
        AccountRepository repo =
                accounts.orElseThrow(() -> new Conflict(CaseLedger.CONFLICT, "no account store is configured"));
        String id = params.getOrDefault("accountId", "");
        if (id.isBlank()) {
            Set<String> ups = uploaders(c);
            if (ups.size() != 1)
                throw new Invalid(
                        "accountId",
                        "name the account with 'accountId': the content of case " + c.id() + " has "
                                + (ups.isEmpty() ? "no known uploader" : ups.size() + " uploaders " + ups));
            id = ups.iterator().next();
        }
        AccountStanding s = repo.find(id).orElse(AccountStanding.clean(id));
        Instant now = clock.instant();
        if (action == CaseAction.WARN_ACCOUNT) {
            repo.save(s.withWarning(new AccountStanding.Mark(c.id(), now, Optional.empty())));
            return new CaseEvent.AccountWarned(now, Map.of("accountId", id, "actor", actor.wireName()));
        }
        if (s.warnings().isEmpty())
            throw new Conflict(
                    CaseLedger.CONFLICT,
                    "account " + id + " was never warned; DSA art.23(1) requires a prior warning before a suspension");
        long days = suspensionDays(params);
        Instant until = now.plus(java.time.Duration.ofDays(days));
        repo.save(s.withSuspension(new AccountStanding.Mark(c.id(), now, Optional.of(until))));
        return new CaseEvent.AccountSuspended(
                now,
                Map.of(
                        "accountId",
                        id,
                        "actor",
                        actor.wireName(),
                        "until",
                        until.toString(),
                        "days",
                        Long.toString(days)));
    }

    private static long suspensionDays(Map<String, String> params) {
        String d = params.getOrDefault("days", "");
        try {
            long days = Long.parseLong(d.trim());
            // art.23(1): "for a reasonable period of time" - a suspension is temporary by nature.
            if (days < 1 || days > 365)
                throw new Invalid(
                        "days", "'days' must be between 1 and 365 (DSA art.23(1): a reasonable period), got " + days);
            return days;
        } catch (NumberFormatException e) {
            throw new Invalid(
                    "days", "a suspension needs 'days', a whole number of days between 1 and 365; got '" + d + "'");
        }
    }
}
