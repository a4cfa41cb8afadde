package org.pramaan.access;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.pramaan.errors.Invalid;

/**
 * Who can be named in the console (as an assignee, an escalation's senior reviewer, a quality
 * reviewer): reviewer and admin API keys that are not revoked, and enabled accounts.
 */
public final class People {
    private final ApiKeyRepository keys;
    private final PersonRepository accounts;

    public People(ApiKeyRepository keys, PersonRepository accounts) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.accounts = Objects.requireNonNull(accounts, "accounts");
    }

    /** The person stored as {@code id} ({@code key:<id>} or {@code user:<name>}); empty for anyone else, ingest keys included. */
    public Optional<Person> find(String id) {
        Actor a;
        try {
            a = Actor.parse(id);
        } catch (Invalid e) {
            return Optional.empty();
        }
        return switch (a) {
            case Actor.Key k ->
                keys.all().stream()
                        .filter(x -> x.id().equals(k.keyId()) && !x.revoked() && x.role() != Role.INGEST)
                        .findFirst()
                        .map(x -> new Person(id, x.role(), x.role() == Role.ADMIN, x.label()));
            case Actor.User u ->
                accounts.findAccount(u.username()).filter(x -> !x.disabled()).map(ConsoleAccount::person);
            default -> Optional.empty();
        };
    }

    /** The person an actor is, if it is one. */
    public Optional<Person> of(Actor actor) {
        return find(actor.wireName());
    }

    /**
     * The person named by a client's {@code field}.
     *
     * @throws Invalid naming {@code field} when no reviewer or admin has that id (ingest keys, revoked keys and disabled accounts included)
     */
    public Person require(String field, String id) {
        String shown = id.length() > Actor.MAX_NAME ? id.substring(0, Actor.MAX_NAME) + "…" : id;
        return find(id).orElseThrow(
                        () -> new Invalid(
                                field,
                                field + " '" + shown
                                        + "' is no reviewer or admin: give key:<id> of a reviewer/admin key or user:<name> of an enabled account"));
    }

    /** Everyone who can be assigned work, keys first. */
    public List<Person> all() {
        List<Person> out = new ArrayList<>();
        for (ApiKey k : keys.all())
            if (!k.revoked() && k.role() != Role.INGEST)
                out.add(new Person("key:" + k.id(), k.role(), k.role() == Role.ADMIN, k.label()));
        for (ConsoleAccount a : accounts.accounts()) if (!a.disabled()) out.add(a.person());
        return List.copyOf(out);
    }
}
