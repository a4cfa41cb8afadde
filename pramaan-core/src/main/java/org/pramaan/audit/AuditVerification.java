package org.pramaan.audit;

import java.util.Optional;

/**
 * Result of checking the chain.
 *
 * @param valid          whether every entry checked out
 * @param entriesChecked how many entries were read
 * @param badSeq         the first entry found wrong
 * @param problem        what was wrong with it, naming the entry
 */
public record AuditVerification(boolean valid, long entriesChecked, Optional<Long> badSeq, String problem) {}
