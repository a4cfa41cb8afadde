package org.pramaan.provenance.c2pa;

/** One validation status entry (C2PA 2.2 §15.2.1): a code of §15.2.2, the JUMBF URL it concerns, and why. */
public record StatusCode(String code, String url, String explanation) {}
