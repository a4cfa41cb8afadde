package org.pramaan.cases;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pramaan.access.Actor;
import org.pramaan.audit.AuditLog;
import org.pramaan.banks.BankItem;
import org.pramaan.banks.BankKind;
import org.pramaan.banks.HashBanks;
import org.pramaan.intake.MediaRecord;
import org.pramaan.intake.MediaRepository;
import org.pramaan.intake.MediaStatus;
import org.pramaan.intake.UploadRecord;

/**
 * What an imported history leaves on the content in Pramaan: the state its last action put the content in, the
 * removal bank entry that blocks re-uploads (IT Rules r.4(4), TAKE IT DOWN s.223a(a)(3)), the evidence hold for
 * what is left of the retention or appeal window from the recorded removal, and the uploaders' strikes at their
 * recorded times (DSA art.23 counts restrictions over a period, so an old removal still counts until it ages out).
 *
 * <p>Unlike a live action nothing is swept and no repeat-infringer flag is raised: those would be new decisions,
 * which a reviewer takes live (a back-scan on the bank addition finds identical copies already hosted).
 */
final class ImportedEffects {
    private final MediaRepository media;
    private final HashBanks banks;
    private final AuditLog audit;
    private final Optional<Retention> retention;
    private final Optional<AccountRepository> accounts;

    ImportedEffects(
            MediaRepository media,
            HashBanks banks,
            AuditLog audit,
            Optional<Retention> retention,
            Optional<AccountRepository> accounts) {
        this.media = media;
        this.banks = banks;
        this.audit = audit;
        this.retention = retention;
        this.accounts = accounts;
    }

    /** Applies the end state of {@code c}'s imported actions; returns what it did, for the import's audit entry. */
    Map<String, Object> apply(CaseFile c, ImportedCase in, RulePack pack, Actor importer, Instant now) {
        Optional<MediaStatus> status = Optional.empty();
        Optional<ImportedCase.PastAction> removal = Optional.empty();
        for (ImportedCase.PastAction a : in.actions()) {
            Optional<MediaStatus> s = statusAfter(a.action());
            if (s.isEmpty()) continue;
            status = s;
            removal = a.action() == CaseAction.REMOVE ? Optional.of(a) : Optional.empty();
        }
        Map<String, Object> done = new LinkedHashMap<>();
        MediaRecord m = media.find(c.mediaId()).orElseThrow();
        status.ifPresent(s -> {
            media.save(m.withStatus(s));
            done.put("mediaStatus", s.name());
        });
        removal.ifPresent(r -> {
            done.put("bankItemId", bank(c, m, r, importer, now));
            hold(c, r.at(), pack, now).ifPresent(until -> done.put("holdUntil", until.toString()));
        });
        int strikes = strikes(c, in);
        if (strikes > 0) done.put("strikes", strikes);
        return done;
    }

    /** The content state an action leaves; empty for actions that do not touch the content. */
    private static Optional<MediaStatus> statusAfter(CaseAction action) {
        return switch (action) {
            case REMOVE -> Optional.of(MediaStatus.REMOVED);
            case GEO_RESTRICT -> Optional.of(MediaStatus.GEO_RESTRICTED);
            case LABEL -> Optional.of(MediaStatus.LABELLED);
            case DEMOTE -> Optional.of(MediaStatus.DEMOTED);
            case RESTORE -> Optional.of(MediaStatus.ACTIVE);
            case DISMISS, ACKNOWLEDGE, WARN_ACCOUNT, SUSPEND_ACCOUNT -> Optional.empty();
        };
    }

    private long bank(CaseFile c, MediaRecord m, ImportedCase.PastAction r, Actor importer, Instant now) {
        banks.ensure(HashBanks.REMOVED, BankKind.REMOVED);
        BankItem item = banks.add(BankItem.fromMedia(
                HashBanks.REMOVED,
                m.id(),
                m.pdq(),
                m.av(),
                Optional.of(c.id()),
                c.noticeType() + " " + c.article() + "; removed " + r.at() + " by " + r.actor() + " (imported)",
                importer.wireName(),
                now));
        audit.append(
                "bank.item_added",
                "media:" + m.id(),
                AuditLog.details(
                        "bank", HashBanks.REMOVED,
                        "itemId", item.id(),
                        "caseId", c.id(),
                        "imported", "true",
                        "removedAt", r.at().toString()));
        return item.id();
    }

    /** The hold a live removal would have placed, running from the recorded removal; none once it has run out. */
    private Optional<Instant> hold(CaseFile c, Instant removedAt, RulePack pack, Instant now) {
        if (retention.isEmpty()) return Optional.empty();
        Duration window = pack.appeals().window();
        Duration keep = pack.retention()
                .map(RulePack.RetentionRule::removedContent)
                .filter(r -> r.compareTo(window) > 0)
                .orElse(window);
        Instant until = removedAt.plus(keep);
        if (!until.isAfter(now)) return Optional.empty();
        retention
                .get()
                .place(
                        c.mediaId(),
                        Optional.of(c.id()),
                        "removed under " + c.article() + " at " + removedAt + " (imported); kept " + keep.toDays()
                                + " days",
                        Optional.of(until),
                        Actor.PLATFORM);
        return Optional.of(until);
    }

    /** Strikes at the recorded times of restrictions still standing; a restore withdraws the case's strikes. */
    private int strikes(CaseFile c, ImportedCase in) {
        if (accounts.isEmpty()) return 0;
        List<Instant> standing = new ArrayList<>();
        for (ImportedCase.PastAction a : in.actions()) {
            if (a.action() == CaseAction.RESTORE) standing.clear();
            else if (a.action() == CaseAction.REMOVE || a.action() == CaseAction.GEO_RESTRICT) standing.add(a.at());
        }
        if (standing.isEmpty()) return 0;
        int n = 0;
        for (UploadRecord u : media.uploads(c.mediaId())) {
            if (u.uploaderId().isEmpty()) continue;
            String id = u.uploaderId().get();
            AccountStanding s = accounts.get().find(id).orElse(AccountStanding.clean(id));
            for (Instant at : standing) s = s.withStrike(new AccountStanding.Mark(c.id(), at, Optional.empty()));
            accounts.get().save(s);
            n += standing.size();
        }
        return n;
    }
}
