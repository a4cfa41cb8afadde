package org.pramaan.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the dependency direction core ← adapters/edge ← app (architecture.md) and forbids package
 * cycles inside core.
 */
class ArchitectureTest {
    /**
     * Every package of the pramaan-core module, read from the classes that module ships rather than
     * written out by hand: the hand-written list had drifted (it left out {@code notify},
     * {@code idempotency} and named {@code labels} and {@code reports}, which do not exist), so
     * a new core package was never constrained. As {@code org.pramaan.<top>..} patterns.
     */
    private static final String[] CORE = corePackages();
    private static JavaClasses classes;

    private static String[] corePackages() {
        java.net.URL coreCode = org.pramaan.tx.UnitOfWork.class.getProtectionDomain().getCodeSource().getLocation();
        return new ClassFileImporter().importUrl(coreCode).stream()
                .map(c -> c.getPackageName().split("\\.", 4))
                .filter(parts -> parts.length >= 3 && parts[0].equals("org") && parts[1].equals("pramaan"))
                .map(parts -> "org.pramaan." + parts[2] + "..")
                .distinct().sorted().toArray(String[]::new);
    }

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.pramaan");
    }

    /** The core list is read from the module: it must find the packages known to be there, and only core's. */
    @Test
    void theCorePackageListIsTheModulesPackages() {
        org.assertj.core.api.Assertions.assertThat(CORE)
                .contains("org.pramaan.notify..", "org.pramaan.limits..", "org.pramaan.idempotency..", "org.pramaan.tx..", "org.pramaan.cases..",
                        "org.pramaan.audit..", "org.pramaan.media..", "org.pramaan.json..")
                .doesNotContain("org.pramaan.store..", "org.pramaan.http..", "org.pramaan.cli..", "org.pramaan.app..", "org.pramaan.delivery..",
                        "org.pramaan.ffmpeg..", "org.pramaan.testkit..");
    }

    @Test
    void coreSeesNoAdapterEdgeOrFramework() {
        noClasses().that().resideInAnyPackage(CORE)
                .should().dependOnClassesThat().resideInAnyPackage("org.pramaan.store..", "org.pramaan.http..", "org.pramaan.cli..",
                        "org.pramaan.app..", "io.javalin..", "java.sql..", "picocli..", "io.micrometer..", "org.sqlite..", "org.slf4j..",
                        "org.pramaan.ffmpeg..", "org.bytedeco..", "org.pramaan.delivery..", "org.pramaan.testkit..", "org.pramaan.bench..")
                .check(classes);
    }

    @Test
    void adaptersAndEdgesDoNotSeeEachOtherOrTheApp() {
        noClasses().that().resideInAPackage("org.pramaan.store..")
                .should().dependOnClassesThat().resideInAnyPackage("org.pramaan.http..", "org.pramaan.cli..", "org.pramaan.app..").check(classes);
        noClasses().that().resideInAPackage("org.pramaan.http..")
                .should().dependOnClassesThat().resideInAnyPackage("org.pramaan.store..", "org.pramaan.cli..", "org.pramaan.app..").check(classes);
        noClasses().that().resideInAPackage("org.pramaan.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("org.pramaan.store..", "org.pramaan.http..", "org.pramaan.app..", "org.pramaan.ffmpeg..", "org.bytedeco..").check(classes);
        noClasses().that().resideInAnyPackage("org.pramaan.store..", "org.pramaan.http..")
                .should().dependOnClassesThat().resideInAnyPackage("org.pramaan.ffmpeg..", "org.bytedeco..").check(classes);
        // Delivery senders (SMTP, webhook, transparency DB) are adapters of core's notify ports: they see core only.
        noClasses().that().resideInAPackage("org.pramaan.delivery..")
                .should().dependOnClassesThat().resideInAnyPackage("org.pramaan.store..", "org.pramaan.http..", "org.pramaan.cli..", "org.pramaan.app..",
                        "org.pramaan.ffmpeg..", "org.bytedeco..", "io.javalin..", "picocli..", "java.sql..", "org.sqlite..").check(classes);
        noClasses().that().resideInAnyPackage("org.pramaan.store..", "org.pramaan.http..", "org.pramaan.cli..", "org.pramaan.ffmpeg..")
                .should().dependOnClassesThat().resideInAPackage("org.pramaan.delivery..").check(classes);
        noClasses().that().resideInAPackage("org.pramaan.ffmpeg..")
                .should().dependOnClassesThat().resideInAnyPackage("org.pramaan.store..", "org.pramaan.http..", "org.pramaan.cli..", "org.pramaan.app..").check(classes);
    }

    @Test
    void noPackageCycles() {
        slices().matching("org.pramaan.(*)..").should().beFreeOfCycles().check(classes);
    }

    /**
     * Classes that may use {@code java.util.regex} because their expressions only ever see trusted
     * text, each with why. Anything else that sees requests, uploads or metadata inside media uses
     * plain code ({@code org.pramaan.limits.PlainText}) or RE2/J (issue 11: backtracking expressions
     * on client text stalled notice intake for ~100 s and C2PA verification for minutes).
     */
    private static final java.util.Map<String, String> REGEX_ALLOWED = java.util.Map.of(
            "org.pramaan.notify.Templates", "placeholders of the bundled message texts (notify/messages_*.properties); values are substituted, never matched",
            "org.pramaan.provenance.c2pa.TrustSettings", "the operator's store.cfg (c2pa.trust-config) at start-up");

    /** Main code of core, the HTTP edge and delivery: where client text arrives. */
    private static final String[] SEES_CLIENT_TEXT = java.util.stream.Stream.concat(java.util.Arrays.stream(CORE),
            java.util.stream.Stream.of("org.pramaan.http..", "org.pramaan.delivery..", "org.pramaan.ffmpeg..")).toArray(String[]::new);

    @Test
    void noBacktrackingRegexOutsideTheAllowList() {
        var scope = noClasses().that().resideInAnyPackage(SEES_CLIENT_TEXT).and(new com.tngtech.archunit.base.DescribedPredicate<com.tngtech.archunit.core.domain.JavaClass>("are not on the allow-list") {
            @Override
            public boolean test(com.tngtech.archunit.core.domain.JavaClass c) {
                // Nested and anonymous classes share their owner's entry.
                String top = c.getName().contains("$") ? c.getName().substring(0, c.getName().indexOf('$')) : c.getName();
                return !REGEX_ALLOWED.containsKey(top);
            }
        });
        scope.should().dependOnClassesThat().resideInAPackage("java.util.regex..")
                .orShould().callMethod(String.class, "matches", String.class)
                .orShould().callMethod(String.class, "replaceAll", String.class, String.class)
                .orShould().callMethod(String.class, "replaceFirst", String.class, String.class)
                .orShould().callMethod(String.class, "split", String.class)
                .orShould().callMethod(String.class, "split", String.class, int.class)
                .orShould().callMethod(String.class, "splitWithDelimiters", String.class, int.class)
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.Scanner")
                .because("regular expressions on untrusted text must be linear: use org.pramaan.limits.PlainText or com.google.re2j, "
                        + "or add the class to REGEX_ALLOWED with why its input is trusted (issue 11)")
                .check(classes);
    }
}
