/**
 * Notices and orders on statutory clocks: rule packs (data, with effective dates), cases,
 * escalations, breaches and actions. Deadlines are wall-clock time from receipt (no business
 * hours) read from an injected {@link java.time.Clock}.
 */
package org.pramaan.cases;
