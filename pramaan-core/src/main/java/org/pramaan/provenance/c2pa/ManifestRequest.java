package org.pramaan.provenance.c2pa;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a new manifest says (C2PA 2.2 §10, §18.14): the asset was created ({@code c2pa.created}) with
 * the given IPTC digital source type by a software agent, optionally from one ingredient.
 *
 * @param digitalSourceType a full IPTC URI or short name, resolved by {@link DigitalSourceType#resolve}
 * @param softwareAgent     the tool that made the content (actions v2 {@code softwareAgent.name})
 * @param title             {@code dc:title} of the claim (typically the file name); empty to omit
 * @param ingredient        an asset this one was made from, if any
 * @param replaceExisting   drop a manifest store the asset already carries instead of keeping its active
 *                          manifest as the {@code parentOf} ingredient (what {@link C2paSigner} does by default)
 * @param steps             actions done after the first ones (e.g. a visible label drawn and a watermark embedded
 *                          after {@code c2pa.created}), recorded in this order after them (§18.14: the list is in
 *                          the order the actions happened)
 */
public record ManifestRequest(
        String digitalSourceType,
        String softwareAgent,
        String title,
        Optional<Ingredient> ingredient,
        boolean replaceExisting,
        List<Step> steps) {
    public ManifestRequest {
        // Empty only for an edit of a signed asset (see edited): §18.14.2 requires the type on c2pa.created alone.
        digitalSourceType = digitalSourceType.isEmpty() ? "" : DigitalSourceType.resolve(digitalSourceType);
        Objects.requireNonNull(softwareAgent, "softwareAgent");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(ingredient, "ingredient");
        steps = List.copyOf(steps);
    }

    public ManifestRequest(
            String digitalSourceType,
            String softwareAgent,
            String title,
            Optional<Ingredient> ingredient,
            boolean replaceExisting) {
        this(digitalSourceType, softwareAgent, title, ingredient, replaceExisting, List.of());
    }

    public static ManifestRequest created(String digitalSourceType, String softwareAgent) {
        return new ManifestRequest(
                DigitalSourceType.resolve(digitalSourceType), softwareAgent, "", Optional.empty(), false);
    }

    /**
     * An edit of an asset that is already signed (e.g. metadata labels written into it): the signer keeps its
     * active manifest as the parent ingredient ({@code c2pa.opened}) and records {@code c2pa.edited}, with no
     * digital source type of its own (§18.14.2 asks for one on {@code c2pa.created} only). Signing an asset
     * without a manifest with this request is refused.
     */
    public static ManifestRequest edited(String softwareAgent) {
        return new ManifestRequest("", softwareAgent, "", Optional.empty(), false);
    }

    public ManifestRequest withTitle(String t) {
        return new ManifestRequest(digitalSourceType, softwareAgent, t, ingredient, replaceExisting, steps);
    }

    public ManifestRequest withIngredient(Ingredient i) {
        return new ManifestRequest(digitalSourceType, softwareAgent, title, Optional.of(i), replaceExisting, steps);
    }

    /** Drop any manifest store the asset already carries (its provenance is lost) instead of keeping it as the parent. */
    public ManifestRequest replacingExisting() {
        return new ManifestRequest(digitalSourceType, softwareAgent, title, ingredient, true, steps);
    }

    /** The same request with {@code more} recorded after its actions (and after any steps it already has). */
    public ManifestRequest withSteps(List<Step> more) {
        List<Step> all = new java.util.ArrayList<>(steps);
        all.addAll(more);
        return new ManifestRequest(digitalSourceType, softwareAgent, title, ingredient, replaceExisting, all);
    }

    /**
     * One further action (§18.14.4 action names, e.g. {@code c2pa.edited}, {@code c2pa.watermarked.unbound}) with
     * the tool that did it and a human-readable {@code description} (actions v2 {@code description}).
     */
    public record Step(String action, String softwareAgent, Optional<String> description) {
        public Step {
            // Names come from our own steps, never from a client; still, a malformed one must not reach the claim.
            if (action.isEmpty() || action.length() > 64 || action.indexOf('.') < 1)
                throw new IllegalArgumentException("action: expected a dotted action name, got '" + action + "'");
            Objects.requireNonNull(softwareAgent, "softwareAgent");
            Objects.requireNonNull(description, "description");
        }
    }

    /**
     * An ingredient (§18.7, {@code c2pa.ingredient.v3}); when its bytes carry a manifest store, the
     * store's manifests are copied into the new store so its provenance stays verifiable (§10.4).
     */
    public record Ingredient(byte[] asset, String title, Relationship relationship) {
        public Ingredient {
            asset = asset.clone();
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(relationship, "relationship");
        }
    }

    /** §18.7.2: {@code parentOf} (this asset is a derivative of it) or {@code componentOf} (it is a part). */
    public enum Relationship {
        PARENT_OF("parentOf"),
        COMPONENT_OF("componentOf");

        public final String wire;

        Relationship(String wire) {
            this.wire = wire;
        }
    }
}
