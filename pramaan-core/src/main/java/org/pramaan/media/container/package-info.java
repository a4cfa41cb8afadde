/**
 * Walkers over container structures (JPEG segments, PNG chunks, …) shared by probing, signal
 * extraction and, later, C2PA location. Each walker bounds the number of structures it reads and
 * never trusts a length field beyond the bytes actually present.
 */
package org.pramaan.media.container;
