package org.pramaan.generation;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import org.pramaan.access.Actor;
import org.pramaan.audit.AuditLog;
import org.pramaan.errors.Invalid;
import org.pramaan.json.Json;
import org.pramaan.notify.Channel;
import org.pramaan.notify.Delivery;
import org.pramaan.notify.DeliveryRepository;

/**
 * Reminding users of the rules: IT Rules r.3(1)(c) (as amended 2022) asks an intermediary to inform
 * its users of its rules at least once every three months, and the MeitY advisory of 26 Dec 2023
 * asks for the prohibited content to be spelt out. Records when each user was shown them, lists who
 * is due, and sends one webhook event ({@code user.rules_due}) per showing when a user falls due.
 * Texts in English and Hindi ({@code generation/rules_<lang>.properties}).
 */
public final class RuleReminders {
    public static final List<String> LANGUAGES = List.of("en", "hi");

    /** A user who must be shown the rules again, since {@code dueAt}. */
    public record Due(String userId, Instant lastShownAt, Instant dueAt, String language) {}

    private final GenerationRepository repository;
    private final DeliveryRepository outbox;
    private final Optional<String> webhookUrl;
    private final AuditLog audit;
    private final Clock clock;

    public RuleReminders(
            GenerationRepository repository,
            DeliveryRepository outbox,
            Optional<String> webhookUrl,
            AuditLog audit,
            Clock clock) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.webhookUrl = Objects.requireNonNull(webhookUrl, "webhookUrl");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** When a user shown the rules at {@code shownAt} must see them again: three calendar months later (UTC). */
    public static Instant dueAt(Instant shownAt) {
        return shownAt.atOffset(ZoneOffset.UTC).plusMonths(3).toInstant();
    }

    /** Records that {@code userId} was shown the rules now, in {@code language}. */
    public RulesShown shown(String userId, String language, Actor actor) {
        String user = Texts.required("userId", userId, Texts.MAX_ID);
        String lang = language.isEmpty() ? "en" : language;
        if (!LANGUAGES.contains(lang))
            throw new Invalid("language", "language must be one of " + LANGUAGES + ", got '" + Texts.shown(lang) + "'");
        RulesShown s = new RulesShown(user, clock.instant(), lang, Optional.empty());
        return audit.unitOfWork().run(() -> {
            repository.saveRulesShown(s);
            audit.append("rules.shown", "user:" + user, AuditLog.details("language", lang, "actor", actor.wireName()));
            return s;
        });
    }

    /** Users whose last showing was three months ago or more, longest overdue first. */
    public List<Due> due() {
        Instant now = clock.instant();
        return repository.allRulesShown().stream()
                .filter(s -> !now.isBefore(dueAt(s.shownAt())))
                .sorted(java.util.Comparator.comparing(RulesShown::shownAt))
                .map(s -> new Due(s.userId(), s.shownAt(), dueAt(s.shownAt()), s.language()))
                .toList();
    }

    /**
     * Enqueues one {@code user.rules_due} webhook event for each user who fell due since their last
     * showing and was not told about yet; returns the users it reported. Run by the server's scheduler.
     */
    public List<Due> notifyDue() {
        List<Due> sent = new ArrayList<>();
        for (Due d : due()) {
            RulesShown s = repository.rulesShown(d.userId()).orElseThrow();
            if (s.dueNotifiedAt().isPresent() || webhookUrl.isEmpty()) continue;
            Instant now = clock.instant();
            audit.unitOfWork().run(() -> {
                outbox.enqueue(Delivery.pending(
                        "rules/" + d.userId() + "/" + d.lastShownAt().toEpochMilli(),
                        "platform",
                        Channel.WEBHOOK,
                        webhookUrl.get(),
                        "",
                        "user.rules_due",
                        "",
                        Json.write(payload(d)),
                        now));
                repository.saveRulesShown(s.notified(now));
                audit.append(
                        "rules.due_notified",
                        "user:" + d.userId(),
                        AuditLog.details("dueAt", d.dueAt().toString()));
                return d;
            });
            sent.add(d);
        }
        return sent;
    }

    static Map<String, Object> payload(Due d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("event", "user.rules_due");
        m.put("userId", d.userId());
        m.put("lastShownAt", d.lastShownAt().toString());
        m.put("dueAt", d.dueAt().toString());
        m.put("language", d.language());
        Map<String, String> texts = new LinkedHashMap<>();
        for (String l : LANGUAGES) texts.put(l, text(l));
        m.put("texts", texts);
        return m;
    }

    /** The reminder text in {@code language} (en or hi). */
    public static String text(String language) {
        Properties p = new Properties();
        try (InputStream in =
                RuleReminders.class.getResourceAsStream("/generation/rules_" + language + ".properties")) {
            if (in == null) throw new IllegalStateException("no rules text for language " + language);
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the rules text for " + language, e);
        }
        return p.getProperty("rules.reminder");
    }
}
