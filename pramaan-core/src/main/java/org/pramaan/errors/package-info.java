/**
 * The refusals a use case can answer with, each with a stable code: {@link org.pramaan.errors.NotFound},
 * {@link org.pramaan.errors.Invalid} (naming the field), {@link org.pramaan.errors.Conflict},
 * {@link org.pramaan.errors.Forbidden}. Shared by every stage of the flow; depends on nothing.
 */
package org.pramaan.errors;
