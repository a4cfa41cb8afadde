/**
 * In-memory adapters for every storage port ({@link org.pramaan.testkit.memory.MemoryStore},
 * {@link org.pramaan.testkit.memory.MemoryBlobStore}), passing the same contract suites as the
 * SQLite adapters, so use cases can be unit-tested without a database (issue 12, guard rails).
 */
package org.pramaan.testkit.memory;
