/**
 * The append-only, hash-chained audit log (requirements §(b) 25): every intake, decision, notice,
 * escalation and action is an entry whose hash covers the previous entry's hash, so an edited,
 * deleted or reordered entry breaks the chain at a named place.
 */
package org.pramaan.audit;
