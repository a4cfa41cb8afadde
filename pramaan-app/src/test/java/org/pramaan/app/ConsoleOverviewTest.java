package org.pramaan.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The console's overview page over real HTTP on a real server with a fake clock (issue 13, Overview). */
class ConsoleOverviewTest extends ServerTestBase {

    @Test
    void aTwoHourComplaintMovesToBreachedWhenTheClockPassesItsDeadline() throws Exception {
        notice("IN_3_2_B_COMPLAINT", upload(TestMedia.cameraJpeg(11)));
        ConsoleClient c = new ConsoleClient(port);
        HttpResponse<String> in = c.signIn(reviewer);
        assertThat(in.statusCode()).as(in.body()).isEqualTo(303);

        HttpResponse<String> before = c.get("/overview");
        assertThat(before.statusCode()).as(before.body()).isEqualTo(200);
        assertThat(before.body()).contains("data-bucket=\"breached\">0<").contains("data-bucket=\"six\">1<");

        clock.advance(Duration.ofHours(3));
        // Three hours is past the session's idle timeout: sign in again.
        ConsoleClient later = new ConsoleClient(port);
        assertThat(later.signIn(reviewer).statusCode()).isEqualTo(303);
        HttpResponse<String> after = later.get("/overview");
        assertThat(after.statusCode()).as(after.body()).isEqualTo(200);
        assertThat(after.body()).contains("data-bucket=\"breached\">1<").contains("data-bucket=\"six\">0<");
    }
}
