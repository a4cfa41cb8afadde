/**
 * JMH benchmarks for hot paths, built with the project and run by hand (docs/performance.md), and the
 * {@code pramaan bench match} driver ({@code match}). The other {@code pramaan bench …} commands live
 * in this module under {@code org.pramaan.cli} and reach the app's CLI through {@code CliCommands}.
 */
package org.pramaan.bench;
