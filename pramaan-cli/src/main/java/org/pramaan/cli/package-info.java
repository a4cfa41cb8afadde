/** The {@code pramaan} command line (picocli). Commands get their services from a {@link org.pramaan.cli.CliRuntime}. */
package org.pramaan.cli;
