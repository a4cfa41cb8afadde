package org.pramaan.provenance.c2pa;

import java.util.Optional;

/** One action of a {@code c2pa.actions}/{@code c2pa.actions.v2} assertion (C2PA 2.2 §18.14). */
public record Action(String action, Optional<String> digitalSourceType, Optional<String> softwareAgent) {}
