/**
 * The embedded default store: one SQLite file (WAL mode) with versioned migrations, and a
 * content-addressed blob folder beside it. Every adapter here passes the port contract suites in
 * {@code pramaan-testkit}.
 */
package org.pramaan.store.sqlite;
