package org.pramaan.policy;

/** What the platform does with an upload. */
public enum Decision { ALLOW, LABEL, REVIEW, BLOCK }
