/**
 * Node identity (issue 15): several {@code pramaan serve} processes share one store, and each holds a
 * node id the way an embedded server holds its data-directory lock: registered at start, kept alive by
 * heartbeats, refused to a second live process.
 */
package org.pramaan.nodes;
