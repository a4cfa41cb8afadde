package org.pramaan.provenance.c2pa;

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
 */
public record ManifestRequest(
        String digitalSourceType,
        String softwareAgent,
        String title,
        Optional<Ingredient> ingredient,
        boolean replaceExisting) {
    public ManifestRequest {
        // Empty only for an edit of a signed asset (see edited): §18.14.2 requires the type on c2pa.created alone.
        digitalSourceType = digitalSourceType.isEmpty() ? "" : DigitalSourceType.resolve(digitalSourceType);
        Objects.requireNonNull(softwareAgent, "softwareAgent");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(ingredient, "ingredient");
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
        return new ManifestRequest(digitalSourceType, softwareAgent, t, ingredient, replaceExisting);
    }

    public ManifestRequest withIngredient(Ingredient i) {
        return new ManifestRequest(digitalSourceType, softwareAgent, title, Optional.of(i), replaceExisting);
    }

    /** Drop any manifest store the asset already carries (its provenance is lost) instead of keeping it as the parent. */
    public ManifestRequest replacingExisting() {
        return new ManifestRequest(digitalSourceType, softwareAgent, title, ingredient, true);
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
