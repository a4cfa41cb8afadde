/** Test support shared by every module: a fake clock, generated media, the port contract suites every adapter must pass, and in-memory adapters for every storage port ({@code memory}). */
package org.pramaan.testkit;
