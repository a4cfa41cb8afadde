package org.pramaan.console;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.pramaan.access.Actor;
import org.pramaan.cases.CaseAction;
import org.pramaan.cases.CaseEvent;
import org.pramaan.cases.CaseFile;
import org.pramaan.notify.CaseNotifier;

/**
 * What the action form's preview shows before the reviewer confirms: the statement of reasons (DSA art.17) and the
 * messages to people, rendered by the notifier that will send them (same templates, values and language choice; DSA
 * art.16(5) and art.17 notices, IT Rules r.3(1)(b) in the user's language), so the preview cannot drift from delivery.
 *
 * @param statement the statement of reasons as JSON, or empty when the action issues none
 * @param messages  the messages the action itself sends; the template engine escapes them when rendered
 */
public record ActionPreview(String statement, List<CaseNotifier.Outgoing> messages) {
    public ActionPreview {
        messages = List.copyOf(messages);
    }

    /**
     * The messages the action's {@code action_taken} event would send, built from the event details CaseActions
     * records (action, actor, note). Account sanctions that may follow from strike counting are decided when the
     * action is taken and are not previewed.
     */
    static List<CaseNotifier.Outgoing> messages(
            CaseNotifier notifier, CaseFile c, CaseAction action, Actor actor, String note, Instant now) {
        CaseEvent taken = new CaseEvent.ActionTaken(
                now, Map.of("action", action.name(), "actor", actor.wireName(), "note", note));
        return notifier.preview(c, taken);
    }
}
