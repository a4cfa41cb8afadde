/**
 * Notices and orders on statutory clocks: rule packs (data, with effective dates), cases,
 * escalations, breaches and actions. Deadlines are wall-clock time from receipt (no business
 * hours) read from an injected {@link java.time.Clock}. {@link org.pramaan.cases.CaseService} is the one
 * door to the use cases (notices, actions, appeals, clock checks, resurfacing), each a small class
 * sharing the store, the required unit of work and the monitor through {@code CaseLedger};
 * {@link org.pramaan.cases.CaseEvent} is sealed, one record per thing that can happen to a case.
 */
package org.pramaan.cases;
