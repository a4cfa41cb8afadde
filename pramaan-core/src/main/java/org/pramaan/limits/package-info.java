/**
 * Bounds on work done for untrusted input (issue 11): linear-time text checks that replace
 * backtracking regular expressions, the length caps applied before any parsing or matching, and
 * the per-request work budget that long loops consult. Depends on nothing else in Pramaan, so
 * every package may use it without a cycle.
 */
package org.pramaan.limits;
