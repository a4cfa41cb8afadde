/**
 * One abstract contract suite per port. Every adapter (SQLite now, PostgreSQL later) extends each
 * suite with a factory; an adapter is done when it passes them unchanged.
 */
package org.pramaan.testkit.contracts;
