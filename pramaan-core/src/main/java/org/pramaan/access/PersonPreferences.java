package org.pramaan.access;

import java.util.Objects;
import org.pramaan.audit.AuditLog;

/** Each person's console preferences ({@link Preferences}); {@link Preferences#DEFAULT} until they save their own. */
public final class PersonPreferences {
    private final PersonRepository repository;
    private final AuditLog audit;

    public PersonPreferences(PersonRepository repository, AuditLog audit) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.audit = Objects.requireNonNull(audit, "audit");
    }

    /** The preferences of {@code person} (any actor: an API key's {@code key:<id>} or an account's {@code user:<name>}). */
    public Preferences get(Actor person) {
        return repository.preferences(person.wireName()).orElse(Preferences.DEFAULT);
    }

    /** Replaces {@code person}'s preferences (already validated by {@link Preferences}'s constructor). */
    public Preferences update(Actor person, Preferences preferences) {
        Objects.requireNonNull(preferences, "preferences");
        return audit.unitOfWork().run(() -> {
            repository.savePreferences(person.wireName(), preferences);
            audit.append(
                    "person.preferences_updated",
                    person.wireName(),
                    AuditLog.details(
                            "blurSensitive",
                            preferences.blurSensitive(),
                            "language",
                            preferences.language(),
                            "timeZone",
                            preferences.timeZone()));
            return preferences;
        });
    }
}
