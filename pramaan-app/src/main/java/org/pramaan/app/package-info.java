/** The composition root: reads configuration, picks the adapters (embedded SQLite by default), wires the services and runs the CLI. */
package org.pramaan.app;
