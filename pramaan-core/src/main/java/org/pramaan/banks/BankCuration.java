package org.pramaan.banks;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import org.pramaan.audit.AuditLog;
import org.pramaan.errors.Invalid;
import org.pramaan.errors.NotFound;

/**
 * The curator's use case: every change to a bank or its items goes through here, so each one is in
 * the audit log with who made it. Each change and its entry run in one unit of work (the audit
 * log's), so neither is kept without the other, and the matcher sees the change only once both
 * committed. Matching reads {@link HashBanks} directly.
 */
public final class BankCuration {
    private final HashBanks banks;
    private final AuditLog audit;
    private final Clock clock;

    public BankCuration(HashBanks banks, AuditLog audit, Clock clock) {
        this.banks = Objects.requireNonNull(banks, "banks");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public HashBanks banks() {
        return banks;
    }

    public Bank create(
            String name,
            BankKind kind,
            BankState state,
            int threshold,
            int qualityFloor,
            String description,
            String actor) {
        return audit.unitOfWork().run(() -> createUnit(name, kind, state, threshold, qualityFloor, description, actor));
    }

    private Bank createUnit(
            String name,
            BankKind kind,
            BankState state,
            int threshold,
            int qualityFloor,
            String description,
            String actor) {
        // The name comes from the caller (a request, the CLI): refused naming the field, not as a defect in the record.
        if (!Bank.validName(name)) {
            throw new Invalid(
                    "name",
                    "bank name '" + name
                            + "' must be 1-64 lower-case letters, digits, '-' or '_', starting with a letter or digit");
        }
        Bank b = banks.create(new Bank(name, kind, state, threshold, qualityFloor, description, clock.instant()));
        audit.append(
                "bank.created",
                "bank:" + name,
                AuditLog.details(
                        "kind",
                        kind.wireName(),
                        "state",
                        state.name(),
                        "pdqThreshold",
                        threshold,
                        "qualityFloor",
                        qualityFloor,
                        "actor",
                        actor));
        return b;
    }

    public Bank update(Bank changed, String actor) {
        return audit.unitOfWork().run(() -> updateUnit(changed, actor));
    }

    private Bank updateUnit(Bank changed, String actor) {
        Bank b = banks.update(changed);
        audit.append(
                "bank.updated",
                "bank:" + b.name(),
                AuditLog.details(
                        "state",
                        b.state().name(),
                        "pdqThreshold",
                        b.pdqThreshold(),
                        "qualityFloor",
                        b.qualityFloor(),
                        "actor",
                        actor));
        return b;
    }

    public boolean delete(String name, String actor) {
        return audit.unitOfWork().run(() -> deleteUnit(name, actor));
    }

    private boolean deleteUnit(String name, String actor) {
        int items = banks.items(name).size();
        boolean existed = banks.delete(name);
        if (existed) audit.append("bank.deleted", "bank:" + name, AuditLog.details("items", items, "actor", actor));
        return existed;
    }

    /** Stores every item or none (see {@link HashBanks#addAll}). */
    public List<BankItem> add(String bank, List<BankItem> items, String actor) {
        return audit.unitOfWork().run(() -> addUnit(bank, items, actor));
    }

    private List<BankItem> addUnit(String bank, List<BankItem> items, String actor) {
        if (banks.bank(bank).isEmpty()) throw new NotFound("bank.not_found", "no bank named '" + bank + "'");
        for (BankItem i : items)
            if (!i.bank().equals(bank))
                throw new IllegalArgumentException("item for bank '" + i.bank() + "' given to bank '" + bank + "'");
        List<BankItem> stored = banks.addAll(items);
        audit.append(
                "bank.items_added",
                "bank:" + bank,
                AuditLog.details(
                        "count",
                        stored.size(),
                        "firstId",
                        stored.isEmpty() ? 0 : stored.get(0).id(),
                        "lastId",
                        stored.isEmpty() ? 0 : stored.get(stored.size() - 1).id(),
                        "actor",
                        actor));
        return stored;
    }

    public boolean removeItem(String bank, long id, String actor) {
        return audit.unitOfWork().run(() -> removeItemUnit(bank, id, actor));
    }

    private boolean removeItemUnit(String bank, long id, String actor) {
        boolean belongs = banks.items(bank).stream().anyMatch(i -> i.id() == id);
        if (!belongs) return false;
        boolean removed = banks.removeItem(id);
        audit.append("bank.item_removed", "bank:" + bank, AuditLog.details("itemId", id, "actor", actor));
        return removed;
    }
}
