/**
 * Facts one step of the flow announces to the next without knowing it: intake publishes
 * {@code MediaScreened}, cases subscribe. Events are records named in the past tense; the
 * {@link org.pramaan.events.EventBus} is synchronous and in-process. Depends on nothing.
 */
package org.pramaan.events;
