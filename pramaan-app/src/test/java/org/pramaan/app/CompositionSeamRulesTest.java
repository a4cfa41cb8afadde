package org.pramaan.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/** Issue 12 item 5, the composition seam: what the wiring may and may not reach for. */
class CompositionSeamRulesTest {
    private static JavaClasses cliModule() {
        java.net.URL code = org.pramaan.cli.CliRuntime.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation();
        return new ClassFileImporter().importUrl(code);
    }

    /**
     * The app wires from the {@link org.pramaan.adapters.Adapters} interface alone: only the embedded
     * provider names the SQLite store and the FFmpeg module, so another store is another provider, not
     * an edit of the wiring.
     */
    @Test
    void onlyTheEmbeddedProviderNamesTheStoreAndDecoderModules() {
        JavaClasses app = new ClassFileImporter()
                .withImportOption(com.tngtech.archunit.core.importer.ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.pramaan.app");
        org.assertj.core.api.Assertions.assertThat(app.contain(Embedded.class)).isTrue();
        noClasses()
                .that()
                .resideInAPackage("org.pramaan.app")
                .and()
                .doNotHaveFullyQualifiedName(EmbeddedAdaptersProvider.class.getName())
                .and()
                .doNotHaveFullyQualifiedName(PostgresAdaptersProvider.class.getName())
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.pramaan.store..", "org.pramaan.ffmpeg..")
                .check(app);
    }

    /**
     * Every CLI command takes time from {@code CliRuntime.clock()}, the clock the composition root
     * injects (DEV-GUIDELINES rule 2), so a CLI run and the server agree on time and tests drive the
     * CLI with a fake clock (CliClockTest). Read from the classes pramaan-cli ships.
     */
    @Test
    void cliCodeReadsNoSystemClock() {
        JavaClasses cli = cliModule();
        org.assertj.core.api.Assertions.assertThat(cli.contain("org.pramaan.cli.CasesCommand"))
                .as("the pramaan-cli classes were imported")
                .isTrue();
        noClasses()
                .should()
                .callMethod(java.time.Clock.class, "systemUTC")
                .orShould()
                .callMethod(java.time.Clock.class, "systemDefaultZone")
                .orShould()
                .callMethod(java.time.Instant.class, "now")
                .orShould()
                .callMethod(System.class, "currentTimeMillis")
                .orShould()
                .callMethod(java.time.LocalDate.class, "now")
                .orShould()
                .callMethod(java.time.LocalDateTime.class, "now")
                .orShould()
                .callMethod(java.time.ZonedDateTime.class, "now")
                .orShould()
                .callMethod(java.time.OffsetDateTime.class, "now")
                .because("CLI commands take time from CliRuntime.clock() (DEV-GUIDELINES rule 2)")
                .check(cli);
    }
}
