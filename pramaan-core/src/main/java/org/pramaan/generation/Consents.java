package org.pramaan.generation;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.pramaan.access.Actor;
import org.pramaan.audit.AuditLog;
import org.pramaan.errors.Conflict;
import org.pramaan.errors.NotFound;

/**
 * The consent registry (CN Deep Synthesis Provisions art.14): a consent is registered once, with a
 * pointer to its evidence, and revoked when the person withdraws it; a revoked consent covers no new
 * generation ({@link Generations}), while records made under it keep its id.
 */
public final class Consents {
    private final GenerationRepository repository;
    private final AuditLog audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public Consents(GenerationRepository repository, AuditLog audit, Clock clock) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Registers a consent; a field that is missing or too long is refused as {@link org.pramaan.errors.Invalid} naming it. */
    public Consent create(
            String personId, String modality, String scope, String grantedBy, String evidence, Actor actor) {
        byte[] b = new byte[10];
        random.nextBytes(b);
        Consent c = new Consent(
                "con_" + HexFormat.of().formatHex(b),
                Texts.required("personId", personId, Texts.MAX_ID),
                Modality.parse("modality", Texts.required("modality", modality, 8)),
                Texts.required("scope", scope, Texts.MAX_TEXT),
                Texts.required("grantedBy", grantedBy, Texts.MAX_ID),
                Texts.required("evidence", evidence, Texts.MAX_TEXT),
                actor.wireName(),
                clock.instant(),
                Optional.empty());
        return audit.unitOfWork().run(() -> {
            repository.saveConsent(c);
            audit.append(
                    "consent.created",
                    "consent:" + c.id(),
                    AuditLog.details(
                            "person", c.personId(),
                            "modality", c.modality().wireName(),
                            "evidence", c.evidence(),
                            "actor", actor.wireName()));
            return c;
        });
    }

    /** Revokes a consent: {@link NotFound} for an unknown id, {@link Conflict} when it was already revoked. */
    public Consent revoke(String id, String reason, Actor actor) {
        String why = Texts.optional("reason", reason, Texts.MAX_TEXT);
        return audit.unitOfWork().run(() -> {
            Consent c = find(id);
            if (!c.active())
                throw new Conflict(
                        "consent.revoked",
                        "consent '" + id + "' was already revoked at "
                                + c.revokedAt().get());
            Consent r = c.revoked(clock.instant());
            repository.saveConsent(r);
            audit.append(
                    "consent.revoked", "consent:" + id, AuditLog.details("reason", why, "actor", actor.wireName()));
            return r;
        });
    }

    public Consent find(String id) {
        return repository
                .consent(Texts.required("id", id, Texts.MAX_ID))
                .orElseThrow(() -> new NotFound("consent.not_found", "no consent with id '" + Texts.shown(id) + "'"));
    }

    public List<Consent> of(String personId) {
        return repository.consents(Texts.required("personId", personId, Texts.MAX_ID));
    }
}
