/**
 * Step 4 of the flow, decision: what the platform does with an assessed file (allow, label, review,
 * block) under the jurisdiction policy, which is data loaded from {@code policies/*.json}, not code.
 */
package org.pramaan.decision;
