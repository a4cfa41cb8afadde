/**
 * Step 3 of the flow, assessment: how sure we are that a file is synthetic (a {@link org.pramaan.assessment.Tier})
 * and the reasons, from the signals alone. Nothing here knows a jurisdiction.
 */
package org.pramaan.assessment;
