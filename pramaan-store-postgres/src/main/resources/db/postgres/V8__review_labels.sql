-- Schema version 8: reviewers' findings on model scores (issue 16, reviewer feedback loop), as the embedded store's
-- version 18: one row per media, model, version and scope; a later resolution of the same media replaces all of its
-- rows. labelled_ms (epoch millis, floored) is what export-labels selects and orders by; json is the whole ReviewLabel.
CREATE TABLE review_labels (
    media_id TEXT NOT NULL,
    model_id TEXT NOT NULL,
    model_version TEXT NOT NULL,
    scope TEXT NOT NULL,
    labelled_ms BIGINT NOT NULL,
    json TEXT NOT NULL,
    PRIMARY KEY (media_id, model_id, model_version, scope)
);
CREATE INDEX review_labels_by_model ON review_labels(model_id, labelled_ms);
