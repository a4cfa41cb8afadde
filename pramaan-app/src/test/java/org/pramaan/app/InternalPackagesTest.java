package org.pramaan.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Issue 12 item 6: a package {@code org.pramaan.X.internal..} is an implementation detail of
 * {@code org.pramaan.X}; only classes inside {@code org.pramaan.X..} may use it (public there only
 * because Java has no "visible to the parent package"). One exception, {@code org.pramaan.bench..}:
 * the benchmark drivers measure the fast paths (the PDQ multi-index) against their oracles (the
 * batched brute force), which only the internals expose; that module is never on a shipped code path
 * other than {@code pramaan bench …}.
 */
class InternalPackagesTest {
    /** The only packages allowed to reach into another package's internals, and why (see the class comment). */
    private static final String BENCH = "org.pramaan.bench";

    static final ArchRule INTERNALS_STAY_INSIDE_THEIR_OWNER = classes()
            .should(
                    new ArchCondition<JavaClass>(
                            "use an org.pramaan.X.internal package only from inside org.pramaan.X") {
                        @Override
                        public void check(JavaClass c, ConditionEvents events) {
                            String from = c.getPackageName();
                            if (within(from, BENCH)) return;
                            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                                String to = d.getTargetClass().getPackageName();
                                Optional<String> owner = owner(to);
                                if (owner.isPresent() && !within(from, owner.get()))
                                    events.add(SimpleConditionEvent.violated(
                                            d, d.getDescription() + " (internal to " + owner.get() + ")"));
                            }
                        }
                    });

    /** {@code org.pramaan.hash.internal.x} → {@code org.pramaan.hash}; empty for a package with no {@code internal} segment. */
    static Optional<String> owner(String pkg) {
        if (!pkg.startsWith("org.pramaan.")) return Optional.empty();
        String[] parts = pkg.split("\\.");
        int i = Arrays.asList(parts).indexOf("internal");
        return i < 0 ? Optional.empty() : Optional.of(String.join(".", Arrays.copyOfRange(parts, 0, i)));
    }

    private static boolean within(String pkg, String parent) {
        return pkg.equals(parent) || pkg.startsWith(parent + ".");
    }

    @Test
    void noClassOutsideAPackageUsesItsInternals() {
        JavaClasses all = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.pramaan");
        assertThat(all.containPackage("org.pramaan.hash.internal"))
                .as("the internals were imported, so the rule has something to check")
                .isTrue();
        assertThat(all.containPackage("org.pramaan.cli")).isTrue();
        INTERNALS_STAY_INSIDE_THEIR_OWNER.check(all);
    }

    @Test
    void theRuleCatchesAnOutsiderAndLetsTheOwnerIn() {
        EvaluationResult outsider =
                INTERNALS_STAY_INSIDE_THEIR_OWNER.evaluate(new ClassFileImporter().importClasses(Outsider.class));
        assertThat(outsider.hasViolation())
                .as("a class in org.pramaan.app using hash.internal")
                .isTrue();
        assertThat(outsider.getFailureReport().getDetails())
                .anyMatch(l ->
                        l.contains("org.pramaan.hash.internal.Hits") && l.contains("internal to org.pramaan.hash"));

        EvaluationResult owner = INTERNALS_STAY_INSIDE_THEIR_OWNER.evaluate(
                new ClassFileImporter().importClasses(org.pramaan.hash.AudioMatcher.class));
        assertThat(owner.hasViolation())
                .as("org.pramaan.hash uses its own internals")
                .isFalse();
        assertThat(owner("org.pramaan.hash.internal")).contains("org.pramaan.hash");
        assertThat(owner("org.pramaan.hash")).isEmpty();
    }

    /** Uses core's hash internals from outside org.pramaan.hash: what the rule must refuse. */
    static final class Outsider {
        int size() {
            return new org.pramaan.hash.internal.Hits().size();
        }
    }
}
