package org.pramaan.provenance.c2pa;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/** The {@code success} / {@code informational} / {@code failure} split of C2PA 2.2 §15.2. */
public record ValidationResults(List<StatusCode> success, List<StatusCode> informational, List<StatusCode> failure) {
    public ValidationResults {
        success = List.copyOf(success);
        informational = List.copyOf(informational);
        failure = List.copyOf(failure);
    }

    public Set<String> failureCodes() {
        return codes(failure);
    }

    static Set<String> codes(List<StatusCode> l) {
        return new java.util.LinkedHashSet<>(l.stream().map(StatusCode::code).toList());
    }

    ValidationResults without(Predicate<StatusCode> drop) {
        return new ValidationResults(
                success.stream().filter(drop.negate()).toList(),
                informational.stream().filter(drop.negate()).toList(),
                failure.stream().filter(drop.negate()).toList());
    }

    /** A mutable builder used while validating. */
    static final class Log {
        final List<StatusCode> success = new ArrayList<>(),
                informational = new ArrayList<>(),
                failure = new ArrayList<>();

        void success(String code, String url, String why) {
            success.add(new StatusCode(code, url, why));
        }

        void info(String code, String url, String why) {
            informational.add(new StatusCode(code, url, why));
        }

        void fail(String code, String url, String why) {
            failure.add(new StatusCode(code, url, why));
        }

        ValidationResults build() {
            return new ValidationResults(success, informational, failure);
        }
    }
}
