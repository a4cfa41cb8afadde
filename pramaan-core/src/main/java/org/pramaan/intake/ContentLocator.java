package org.pramaan.intake;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.util.List;
import java.util.Optional;
import org.pramaan.hash.PdqResult;

/**
 * Finds the stored content a notice is about when the notifier does not know our media id: by the
 * platform's content id, by a URL of the platform (through the configured pattern), or by a copy
 * of the content itself (the same bytes, or the same picture re-encoded).
 *
 * <p>The operator's URL pattern is an RE2/J expression (linear time in the URL's length, issue 11):
 * it is applied to a client's URL, which is capped at {@link org.pramaan.limits.TextLimits#URL} first.
 */
public final class ContentLocator {
    /** A copy re-encoded or resized by the notifier still lands within this many PDQ bits; a different picture does not. */
    public static final int SAME_PICTURE_DISTANCE = 8;

    private final MediaRepository media;
    private final Optional<Pattern> urlPattern;

    public ContentLocator(MediaRepository media, Optional<Pattern> urlPattern) {
        this.media = media;
        this.urlPattern = urlPattern;
    }

    public Optional<String> byExternalId(String externalId) {
        return media.mediaIdForExternalId(externalId);
    }

    /** The content id in a platform URL, then its media; empty if the URL is not the platform's or nothing was uploaded under it. */
    public Optional<String> byUrl(String url) {
        Optional<String> exact = media.mediaIdForExternalId(url); // some platforms use the URL itself as the id
        if (exact.isPresent() || urlPattern.isEmpty()) return exact;
        String u = org.pramaan.limits.TextLimits.check("contentUrl", url, org.pramaan.limits.TextLimits.URL)
                .trim();
        Matcher m = urlPattern.get().matcher(u);
        if (!m.matches())
            m = urlPattern
                    .get()
                    .matcher(org.pramaan.limits.PlainText.withoutQueryOrFragment(
                            u)); // tracking parameters and fragments
        return m.matches() ? media.mediaIdForExternalId(m.group("id")) : Optional.empty();
    }

    /** Stored media with these bytes, else the stored picture closest to this one within {@link #SAME_PICTURE_DISTANCE}. */
    public Optional<String> byCopy(String sha256, Optional<PdqResult> pdq) {
        if (media.find(sha256).isPresent()) return Optional.of(sha256);
        if (pdq.isEmpty() || !pdq.get().matchable()) return Optional.empty();
        String best = null;
        int bestDistance = SAME_PICTURE_DISTANCE + 1;
        for (MediaStatus s : MediaStatus.values()) {
            List<MediaRecord> all = media.withStatus(s);
            for (MediaRecord r : all) {
                if (r.pdq().isEmpty()) continue;
                int d = r.pdq().get().hash().distance(pdq.get().hash());
                if (d < bestDistance) {
                    bestDistance = d;
                    best = r.id();
                }
            }
        }
        return Optional.ofNullable(best);
    }
}
