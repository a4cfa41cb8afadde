/**
 * The scaled store (issue 15): every storage port on a shared PostgreSQL database, selected by
 * {@code store=postgres}. Each repository passes the testkit's contract suite against a real server.
 */
package org.pramaan.store.postgres;
