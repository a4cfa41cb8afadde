/** JMH benchmarks for hot paths; built with the project, run by hand (docs/performance.md). */
package org.pramaan.bench;
