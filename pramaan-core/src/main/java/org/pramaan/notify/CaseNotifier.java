package org.pramaan.notify;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.pramaan.cases.CaseEvent;
import org.pramaan.cases.CaseFile;
import org.pramaan.cases.CaseListener;
import org.pramaan.cases.RulePack;
import org.pramaan.intake.MediaRepository;
import org.pramaan.intake.UploadRecord;
import org.pramaan.json.Json;

/**
 * Turns case events into outbox messages, inside the case change's unit of work: every event to
 * the host platform's webhook; statements of reasons to the Transparency Database when the case's rule pack has a {@code transparencyDatabase} rule (DSA art.24(5)); and
 * messages to people ({@link PeopleMessages}): to a complainant by e-mail when they gave an
 * address, else through the host platform, and to uploaders through the host platform, which
 * knows its users (Pramaan keeps no contact details of accounts).
 */
public final class CaseNotifier implements CaseListener {
    /** Where messages go; each part is optional. */
    public record Settings(
            Optional<String> webhookUrl,
            boolean emailEnabled,
            Optional<String> transparencyDbUrl,
            String defaultLanguage) {
        public Settings {
            Objects.requireNonNull(webhookUrl, "webhookUrl");
            Objects.requireNonNull(transparencyDbUrl, "transparencyDbUrl");
            Templates.load(defaultLanguage); // fails now on a language without texts
        }
    }

    private final DeliveryRepository outbox;
    private final MediaRepository media;
    private final Settings settings;
    private final Clock clock;
    private final Map<String, RulePack> packs = new LinkedHashMap<>();

    /** {@code packs} say per jurisdiction whether statements go to the Transparency Database and in which time zone people read times. */
    public CaseNotifier(
            DeliveryRepository outbox, MediaRepository media, Settings settings, Clock clock, List<RulePack> packs) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.media = Objects.requireNonNull(media, "media");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        packs.forEach(p -> this.packs.put(p.jurisdiction(), p));
    }

    @Override
    public void recorded(CaseFile after, List<CaseEvent> added) {
        int first = after.events().size() - added.size();
        Instant now = clock.instant();
        for (int i = 0; i < added.size(); i++) {
            CaseEvent e = added.get(i);
            String eventId = after.eventId(first + i + 1);
            settings.webhookUrl()
                    .ifPresent(url -> outbox.enqueue(Delivery.pending(
                            eventId,
                            "platform",
                            Channel.WEBHOOK,
                            url,
                            after.id(),
                            "case." + e.wireName(),
                            "",
                            Json.write(WebhookPayloads.caseEvent(after, e, eventId)),
                            now)));
            if (e instanceof CaseEvent.StatementIssued
                    && pack(after).flatMap(RulePack::transparencyDatabase).isPresent()) {
                // The pack's transparencyDatabase rule (DSA art.24(5)): statements go to the Commission's database
                // without undue delay.
                settings.transparencyDbUrl()
                        .ifPresent(url -> outbox.enqueue(Delivery.pending(
                                eventId,
                                "database",
                                Channel.TRANSPARENCY_DB,
                                url,
                                after.id(),
                                "dsa.statement_of_reasons",
                                e.details().get("puid"),
                                e.details().get("json"),
                                now)));
            }
            for (PeopleMessages.Message m : PeopleMessages.of(after, e, this::uploaders))
                enqueue(after, eventId, m, now);
        }
    }

    private Optional<RulePack> pack(CaseFile c) {
        return Optional.ofNullable(packs.get(c.jurisdiction()));
    }

    /** The pack's peopleTime zone; UTC for a case whose pack is not loaded. */
    private java.time.ZoneId zone(CaseFile c) {
        return pack(c).map(p -> p.peopleTime().zone()).orElse(java.time.ZoneOffset.UTC);
    }

    private List<String> uploaders(CaseFile c) {
        List<String> ids = new ArrayList<>();
        for (UploadRecord u : media.uploads(c.mediaId()))
            u.uploaderId().filter(id -> !ids.contains(id)).ifPresent(ids::add);
        return ids;
    }

    /**
     * One message to a person as it will be sent: who, by which channel, in which language, and the text rendered by the
     * same templates and values the delivery uses.
     *
     * @param recipient {@code complainant} or {@code account:<id>} (an uploader, reached through the host platform)
     */
    public record Outgoing(
            String recipient,
            Channel channel,
            String destination,
            String language,
            MessageKind kind,
            Templates.Message text) {}

    /**
     * The messages to people that {@code event}, recorded on {@code c}, would send, built as {@link #recorded} builds
     * them (the console's action preview shows them before the reviewer confirms). Nothing is stored.
     */
    public List<Outgoing> preview(CaseFile c, CaseEvent event) {
        List<Outgoing> out = new ArrayList<>();
        for (PeopleMessages.Message m : PeopleMessages.of(c, event, this::uploaders))
            outgoing(c, m).ifPresent(out::add);
        return out;
    }

    private Optional<Outgoing> outgoing(CaseFile c, PeopleMessages.Message m) {
        Optional<String> email = m.accountId().isEmpty() ? PeopleMessages.complainantEmail(c) : Optional.empty();
        String language = m.accountId().isEmpty()
                ? PeopleMessages.language(c, settings.defaultLanguage())
                : settings.defaultLanguage();
        Templates.Message text =
                Templates.load(language).render(m.kind(), PeopleMessages.values(c, m, language, zone(c)));
        if (email.isPresent() && settings.emailEnabled())
            return Optional.of(new Outgoing("complainant", Channel.EMAIL, email.get(), language, m.kind(), text));
        if (settings.webhookUrl().isPresent()) {
            String recipient = m.accountId().map(a -> "account:" + a).orElse("complainant");
            return Optional.of(new Outgoing(
                    recipient, Channel.WEBHOOK, settings.webhookUrl().get(), language, m.kind(), text));
        }
        return Optional.empty(); // no way to reach them
    }

    private void enqueue(CaseFile c, String eventId, PeopleMessages.Message m, Instant now) {
        Optional<Outgoing> o = outgoing(c, m);
        if (o.isEmpty()) return;
        Templates.Message text = o.get().text();
        String language = o.get().language();
        String kind = "notify." + m.kind().key();
        if (o.get().channel() == Channel.EMAIL) {
            outbox.enqueue(Delivery.pending(
                    eventId,
                    "complainant",
                    Channel.EMAIL,
                    o.get().destination(),
                    c.id(),
                    kind,
                    text.subject(),
                    text.body(),
                    now));
        } else {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("id", eventId);
            body.put("type", "notification.requested");
            body.put("caseId", c.id());
            body.put(
                    "recipient",
                    m.accountId()
                            .<Map<String, Object>>map(a -> Map.of("role", "uploader", "accountId", a))
                            .orElse(Map.of("role", "complainant")));
            body.put("kind", m.kind().key());
            body.put("language", language);
            body.put("subject", text.subject());
            body.put("text", text.body());
            outbox.enqueue(Delivery.pending(
                    eventId,
                    o.get().recipient(),
                    Channel.WEBHOOK,
                    o.get().destination(),
                    c.id(),
                    kind,
                    text.subject(),
                    Json.write(body),
                    now));
        }
    }
}
