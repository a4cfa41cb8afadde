package org.pramaan.provenance.c2pa;

/**
 * Validation of one ingredient's manifest relative to what its ingredient assertion recorded
 * (C2PA 2.2 §15.2.3 {@code ingredientDeltas}): codes already recorded are not repeated.
 */
public record IngredientDelta(String ingredientAssertionUri, ValidationResults deltas) {}
