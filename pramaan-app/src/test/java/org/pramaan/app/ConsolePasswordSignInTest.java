package org.pramaan.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.pramaan.access.Actor;
import org.pramaan.access.ConsoleAccounts;
import org.pramaan.access.Role;

/** Username/password sign-in on the console, through the core ConsoleAccounts.authenticate (issue 13). */
class ConsolePasswordSignInTest extends ServerTestBase {
    static final String PASSWORD = "correct horse battery";

    private void account(String name) {
        app.consoleServices().accounts().create(name, PASSWORD, Role.REVIEWER, false, Actor.operator("test-admin"));
    }

    private static HttpResponse<String> signIn(ConsoleClient c, String user, String password) throws Exception {
        HttpResponse<String> r = c.post("/signin", ConsoleClient.form("username", user, "password", password));
        ConsoleClient.setCookie(r).ifPresent(v -> c.cookie = v.substring(0, v.indexOf(';')));
        return r;
    }

    @Test
    void anAccountSignsInAndWhatItDoesIsAuditedUnderItsUsername() throws Exception {
        account("asha");
        String id = notice("IN_3_2_B_COMPLAINT", upload(TestMedia.cameraJpeg(41)));
        ConsoleClient c = new ConsoleClient(port);
        assertThat(c.get("/signin").body()).contains("name=\"username\"").contains("name=\"password\"");

        HttpResponse<String> r = signIn(c, "asha", PASSWORD);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        assertThat(c.get("/").body()).contains("asha");
        String token = ConsoleClient.csrf(c.get("/cases/" + id).body());
        assertThat(c.post("/cases/" + id + "/claim", ConsoleClient.form("_csrf", token))
                        .statusCode())
                .isEqualTo(303);

        // The person, not a key: the assignee and the audit subject are user:asha.
        assertThat(app.cases().find(id).orElseThrow().assignee()).contains("user:asha");
        assertThat(app.audit().forSubject("user:asha")).anyMatch(e -> e.type().equals("console.signed_in"));
    }

    @Test
    void repeatedFailuresLockTheUsernameAndTheLockoutIsShown() throws Exception {
        account("bala");
        ConsoleClient c = new ConsoleClient(port);
        for (int i = 0; i < ConsoleAccounts.MAX_FAILURES; i++) {
            HttpResponse<String> wrong = signIn(c, "bala", "not the password " + i);
            assertThat(wrong.statusCode()).isEqualTo(403);
            assertThat(wrong.body()).contains("unknown username or wrong password");
            assertThat(ConsoleClient.setCookie(wrong)).isEmpty();
        }
        // Locked: even the right password is refused, and the page says why and until when.
        HttpResponse<String> locked = signIn(c, "bala", PASSWORD);
        assertThat(locked.statusCode()).isEqualTo(403);
        assertThat(locked.body()).contains("too many failed sign-ins for").contains("bala");
        assertThat(ConsoleClient.setCookie(locked)).isEmpty();
    }

    @Test
    void anOverlongUsernameOrAnEmptyPasswordIsRefusedByName() throws Exception {
        ConsoleClient c = new ConsoleClient(port);
        HttpResponse<String> longName = signIn(c, "u".repeat(ConsoleAccounts.MAX_USERNAME + 1), PASSWORD);
        assertThat(longName.statusCode()).isEqualTo(400);
        assertThat(longName.body()).contains("the username is 65 characters; at most 64");
        HttpResponse<String> empty = signIn(c, "asha", "");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("enter a password");
    }
}
