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
 */
public record ManifestRequest(
        String digitalSourceType, String softwareAgent, String title, Optional<Ingredient> ingredient) {
    public ManifestRequest {
        digitalSourceType = DigitalSourceType.resolve(digitalSourceType);
        Objects.requireNonNull(softwareAgent, "softwareAgent");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(ingredient, "ingredient");
    }

    public static ManifestRequest created(String digitalSourceType, String softwareAgent) {
        return new ManifestRequest(digitalSourceType, softwareAgent, "", Optional.empty());
    }

    public ManifestRequest withTitle(String t) {
        return new ManifestRequest(digitalSourceType, softwareAgent, t, ingredient);
    }

    public ManifestRequest withIngredient(Ingredient i) {
        return new ManifestRequest(digitalSourceType, softwareAgent, title, Optional.of(i));
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
