package org.pramaan.testkit.memory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import org.pramaan.access.ApiKey;
import org.pramaan.audit.AuditEntry;
import org.pramaan.audit.AuditStore;
import org.pramaan.banks.Bank;
import org.pramaan.banks.BankItem;
import org.pramaan.cases.AccountStanding;
import org.pramaan.cases.CaseFile;
import org.pramaan.cases.Hold;
import org.pramaan.idempotency.IdempotencyEntry;
import org.pramaan.intake.MediaRecord;
import org.pramaan.intake.UploadRecord;
import org.pramaan.notify.Delivery;

/**
 * Every table of one {@link MemoryStore}. Rows are immutable records, so {@link #copy()} (new
 * collections holding the same rows) is a complete snapshot: a unit of work that fails restores it.
 * Guarded by the store's lock; never handed out.
 */
final class Tables {
    /** Insertion-ordered maps keep the first insert's position on replace, as SQLite's rowid does. */
    final Map<String, MediaRecord> media;

    final NavigableMap<Long, UploadRecord> uploads;
    final Map<String, CaseFile> cases;
    final NavigableMap<String, Bank> banks;
    final NavigableMap<Long, BankItem> bankItems;
    final List<AuditEntry> audit;
    Optional<AuditStore.Head> auditHead;
    /** Checkpoint marks by journal (issue 15: one checkpoint file per node). */
    final Map<String, AuditStore.CheckpointMark> checkpointMarks = new HashMap<>();

    final Map<String, ApiKey> apiKeys;
    final NavigableMap<Long, Hold> holds;
    final Map<String, Delivery> deliveries;
    final Map<String, AccountStanding> accounts;
    final Map<IdempotencyKey, IdempotencyEntry> idempotency;
    /** Console accounts by username, and preferences by person id (added after the others; kept outside the constructor). */
    final Map<String, org.pramaan.access.ConsoleAccount> consoleAccounts = new java.util.TreeMap<>();

    final Map<String, org.pramaan.access.Preferences> preferences = new HashMap<>();

    /** Generation records, consents and rule acknowledgements by id (issue 14; outside the constructor too). */
    final Map<String, org.pramaan.generation.GenerationRecord> generations = new TreeMap<>();
    /** Idempotency keys of generations, by scope + NUL + key, with the output each made. */
    final Map<String, Map.Entry<org.pramaan.generation.GenerationKey, byte[]>> generationKeys = new TreeMap<>();

    final Map<String, org.pramaan.generation.Consent> consents = new LinkedHashMap<>();

    final Map<String, org.pramaan.generation.RulesShown> rulesShown = new TreeMap<>();
    /** Protected persons by id, embeddings included (issue 16; outside the constructor too). */
    final Map<String, org.pramaan.likeness.ProtectedPerson> protectedPersons = new TreeMap<>();
    /** The registry's change marker ({@link org.pramaan.likeness.ProtectedPersons#revision}); rolls back with it. */
    long likenessRevision;
    /** Back-scan jobs by id, and their results by job id + NUL + item key (issue 17; outside the constructor too). */
    final Map<String, org.pramaan.backscan.ScanJob> scanJobs = new LinkedHashMap<>();

    final NavigableMap<String, org.pramaan.backscan.ScanResult> scanResults = new TreeMap<>();
    /** Back-scan leases by job id, and the nodes by id (issue 15). */
    final Map<String, org.pramaan.backscan.ScanLease> scanLeases = new HashMap<>();

    final NavigableMap<String, org.pramaan.nodes.NodeInfo> nodes = new TreeMap<>();
    /** Reviewers' labels on model scores by their key (issue 16; outside the constructor too). */
    final Map<String, org.pramaan.detect.ReviewLabel> reviewLabels = new TreeMap<>();
    /** Last assigned ids (AUTOINCREMENT). */
    long lastUploadId;

    long lastBankItemId;
    long lastHoldId;

    record IdempotencyKey(String scope, String key) {}

    Tables() {
        this(
                new LinkedHashMap<>(),
                new TreeMap<>(),
                new LinkedHashMap<>(),
                new TreeMap<>(),
                new TreeMap<>(),
                new ArrayList<>(),
                Optional.empty(),
                new LinkedHashMap<>(),
                new TreeMap<>(),
                new LinkedHashMap<>(),
                new HashMap<>(),
                new HashMap<>(),
                0,
                0,
                0);
    }

    private Tables(
            Map<String, MediaRecord> media,
            NavigableMap<Long, UploadRecord> uploads,
            Map<String, CaseFile> cases,
            NavigableMap<String, Bank> banks,
            NavigableMap<Long, BankItem> bankItems,
            List<AuditEntry> audit,
            Optional<AuditStore.Head> auditHead,
            Map<String, ApiKey> apiKeys,
            NavigableMap<Long, Hold> holds,
            Map<String, Delivery> deliveries,
            Map<String, AccountStanding> accounts,
            Map<IdempotencyKey, IdempotencyEntry> idempotency,
            long lastUploadId,
            long lastBankItemId,
            long lastHoldId) {
        this.media = media;
        this.uploads = uploads;
        this.cases = cases;
        this.banks = banks;
        this.bankItems = bankItems;
        this.audit = audit;
        this.auditHead = auditHead;
        this.apiKeys = apiKeys;
        this.holds = holds;
        this.deliveries = deliveries;
        this.accounts = accounts;
        this.idempotency = idempotency;
        this.lastUploadId = lastUploadId;
        this.lastBankItemId = lastBankItemId;
        this.lastHoldId = lastHoldId;
    }

    Tables copy() {
        Tables t = copyOthers();
        t.consoleAccounts.putAll(consoleAccounts);
        t.checkpointMarks.putAll(checkpointMarks);
        t.preferences.putAll(preferences);
        t.generations.putAll(generations);
        t.generationKeys.putAll(generationKeys);
        t.consents.putAll(consents);
        t.rulesShown.putAll(rulesShown);
        t.protectedPersons.putAll(protectedPersons);
        t.likenessRevision = likenessRevision;
        t.scanJobs.putAll(scanJobs);
        t.scanResults.putAll(scanResults);
        t.scanLeases.putAll(scanLeases);
        t.nodes.putAll(nodes);
        t.reviewLabels.putAll(reviewLabels);
        return t;
    }

    private Tables copyOthers() {
        return new Tables(
                new LinkedHashMap<>(media),
                new TreeMap<>(uploads),
                new LinkedHashMap<>(cases),
                new TreeMap<>(banks),
                new TreeMap<>(bankItems),
                new ArrayList<>(audit),
                auditHead,
                new LinkedHashMap<>(apiKeys),
                new TreeMap<>(holds),
                new LinkedHashMap<>(deliveries),
                new HashMap<>(accounts),
                new HashMap<>(idempotency),
                lastUploadId,
                lastBankItemId,
                lastHoldId);
    }

    /** Puts every table back as {@code snapshot} had it (a rolled-back unit). */
    void restore(Tables snapshot) {
        replace(media, snapshot.media);
        replace(uploads, snapshot.uploads);
        replace(cases, snapshot.cases);
        replace(banks, snapshot.banks);
        replace(bankItems, snapshot.bankItems);
        audit.clear();
        audit.addAll(snapshot.audit);
        auditHead = snapshot.auditHead;
        replace(checkpointMarks, snapshot.checkpointMarks);
        replace(apiKeys, snapshot.apiKeys);
        replace(holds, snapshot.holds);
        replace(deliveries, snapshot.deliveries);
        replace(accounts, snapshot.accounts);
        replace(idempotency, snapshot.idempotency);
        replace(consoleAccounts, snapshot.consoleAccounts);
        replace(preferences, snapshot.preferences);
        replace(generations, snapshot.generations);
        replace(generationKeys, snapshot.generationKeys);
        replace(consents, snapshot.consents);
        replace(rulesShown, snapshot.rulesShown);
        replace(protectedPersons, snapshot.protectedPersons);
        likenessRevision = snapshot.likenessRevision;
        replace(scanJobs, snapshot.scanJobs);
        replace(scanResults, snapshot.scanResults);
        replace(scanLeases, snapshot.scanLeases);
        replace(nodes, snapshot.nodes);
        replace(reviewLabels, snapshot.reviewLabels);
        // The id counters roll back too, as SQLite's sqlite_sequence row does with its transaction.
        lastUploadId = snapshot.lastUploadId;
        lastBankItemId = snapshot.lastBankItemId;
        lastHoldId = snapshot.lastHoldId;
    }

    private static <K, V> void replace(Map<K, V> target, Map<K, V> source) {
        target.clear();
        target.putAll(source);
    }
}
