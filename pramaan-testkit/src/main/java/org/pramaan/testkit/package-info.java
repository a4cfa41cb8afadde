/** Test support shared by every module: a fake clock, generated media, and the port contract suites every adapter must pass. */
package org.pramaan.testkit;
