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
    private static final String[] CORE = {"org.pramaan.media..", "org.pramaan.hash..", "org.pramaan.provenance..", "org.pramaan.detection..",
            "org.pramaan.policy..", "org.pramaan.cases..", "org.pramaan.audit..", "org.pramaan.access..", "org.pramaan.screening..",
            "org.pramaan.json..", "org.pramaan.tx..", "org.pramaan.labels..", "org.pramaan.reports..", "org.pramaan.watermark.."};
    private static JavaClasses classes;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.pramaan");
    }

    @Test
    void coreSeesNoAdapterEdgeOrFramework() {
        noClasses().that().resideInAnyPackage(CORE)
                .should().dependOnClassesThat().resideInAnyPackage("org.pramaan.store..", "org.pramaan.http..", "org.pramaan.cli..",
                        "org.pramaan.app..", "io.javalin..", "java.sql..", "picocli..", "io.micrometer..", "org.sqlite..", "org.slf4j..",
                        "org.pramaan.ffmpeg..", "org.bytedeco..")
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
        noClasses().that().resideInAPackage("org.pramaan.ffmpeg..")
                .should().dependOnClassesThat().resideInAnyPackage("org.pramaan.store..", "org.pramaan.http..", "org.pramaan.cli..", "org.pramaan.app..").check(classes);
    }

    @Test
    void noPackageCycles() {
        slices().matching("org.pramaan.(*)..").should().beFreeOfCycles().check(classes);
    }
}
