/**
 * The generator side (issue 14): what an AI generation service must keep and check when it hands a
 * user an output. A generation is marked (visible label per profile, watermark, metadata labels,
 * C2PA manifest) and recorded (model, prompt digest, user and real-name check, consents, output
 * hashes in the {@code generated} bank); consents for real people's faces and voices are registered
 * and revoked here; "is this ours?" looks a file up; users are reminded of the rules. The visible
 * label and watermark steps are ports ({@link org.pramaan.generation.MarkStep}) so the label and
 * watermark engines plug in without this package changing.
 */
package org.pramaan.generation;
