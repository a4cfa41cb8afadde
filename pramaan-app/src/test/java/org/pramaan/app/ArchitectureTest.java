package org.pramaan.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the dependency direction core ← adapters/edge ← app (architecture.md), the flow direction
 * inside core (intake → signals → assessment → decision → cases → notify, engines beside it), and
 * forbids package cycles. {@code ..internal..} packages are kept to their owner by
 * {@link InternalPackagesTest}.
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
        java.net.URL coreCode = org.pramaan.tx.UnitOfWork.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation();
        return new ClassFileImporter()
                .importUrl(coreCode).stream()
                        .map(c -> c.getPackageName().split("\\.", 4))
                        .filter(parts -> parts.length >= 3 && parts[0].equals("org") && parts[1].equals("pramaan"))
                        .map(parts -> "org.pramaan." + parts[2] + "..")
                        .distinct()
                        .sorted()
                        .toArray(String[]::new);
    }

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.pramaan");
    }

    /** The core list is read from the module: it must find the packages known to be there, and only core's. */
    @Test
    void theCorePackageListIsTheModulesPackages() {
        org.assertj.core.api.Assertions.assertThat(CORE)
                .contains(
                        "org.pramaan.notify..",
                        "org.pramaan.limits..",
                        "org.pramaan.idempotency..",
                        "org.pramaan.tx..",
                        "org.pramaan.cases..",
                        "org.pramaan.audit..",
                        "org.pramaan.media..",
                        "org.pramaan.json..")
                .doesNotContain(
                        "org.pramaan.store..",
                        "org.pramaan.http..",
                        "org.pramaan.cli..",
                        "org.pramaan.app..",
                        "org.pramaan.delivery..",
                        "org.pramaan.ffmpeg..",
                        "org.pramaan.testkit..");
    }

    @Test
    void coreSeesNoAdapterEdgeOrFramework() {
        noClasses()
                .that()
                .resideInAnyPackage(CORE)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.pramaan.store..",
                        "org.pramaan.http..",
                        "org.pramaan.cli..",
                        "org.pramaan.app..",
                        "io.javalin..",
                        "java.sql..",
                        "picocli..",
                        "io.micrometer..",
                        "org.sqlite..",
                        "org.slf4j..",
                        "org.pramaan.ffmpeg..",
                        "org.bytedeco..",
                        "org.pramaan.delivery..",
                        "org.pramaan.testkit..",
                        "org.pramaan.bench..",
                        "org.pramaan.console..")
                .check(classes);
    }

    /** The review console (issue 13) is an edge like the API: it sees core only, and no other module sees it but the app. */
    @Test
    void theConsoleIsAnEdgeThatSeesCoreOnly() {
        noClasses()
                .that()
                .resideInAPackage("org.pramaan.console..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.pramaan.store..",
                        "org.pramaan.http..",
                        "org.pramaan.cli..",
                        "org.pramaan.app..",
                        "org.pramaan.delivery..",
                        "org.pramaan.ffmpeg..",
                        "org.bytedeco..",
                        "java.sql..")
                .check(classes);
        noClasses()
                .that()
                .resideInAnyPackage("org.pramaan.http..", "org.pramaan.cli..", "org.pramaan.store..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.pramaan.console..")
                .check(classes);
    }

    @Test
    void adaptersAndEdgesDoNotSeeEachOtherOrTheApp() {
        noClasses()
                .that()
                .resideInAPackage("org.pramaan.store..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.pramaan.http..", "org.pramaan.cli..", "org.pramaan.app..")
                .check(classes);
        noClasses()
                .that()
                .resideInAPackage("org.pramaan.http..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.pramaan.store..", "org.pramaan.cli..", "org.pramaan.app..")
                .check(classes);
        noClasses()
                .that()
                .resideInAPackage("org.pramaan.cli..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.pramaan.store..",
                        "org.pramaan.http..",
                        "org.pramaan.app..",
                        "org.pramaan.ffmpeg..",
                        "org.bytedeco..")
                .check(classes);
        noClasses()
                .that()
                .resideInAnyPackage("org.pramaan.store..", "org.pramaan.http..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.pramaan.ffmpeg..", "org.bytedeco..")
                .check(classes);
        // Delivery senders (SMTP, webhook, transparency DB) are adapters of core's notify ports: they see core only.
        noClasses()
                .that()
                .resideInAPackage("org.pramaan.delivery..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.pramaan.store..",
                        "org.pramaan.http..",
                        "org.pramaan.cli..",
                        "org.pramaan.app..",
                        "org.pramaan.ffmpeg..",
                        "org.bytedeco..",
                        "io.javalin..",
                        "picocli..",
                        "java.sql..",
                        "org.sqlite..")
                .check(classes);
        noClasses()
                .that()
                .resideInAnyPackage(
                        "org.pramaan.store..", "org.pramaan.http..", "org.pramaan.cli..", "org.pramaan.ffmpeg..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.pramaan.delivery..")
                .check(classes);
        noClasses()
                .that()
                .resideInAPackage("org.pramaan.ffmpeg..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.pramaan.store..", "org.pramaan.http..", "org.pramaan.cli..", "org.pramaan.app..")
                .check(classes);
    }

    /**
     * Issue 12 item 7: core reads as the flow an upload takes, {@code intake → signals → assessment →
     * decision → cases → notify} (docs/architecture.md). A package may use the ones before it, never
     * the ones after: a signal does not know which intake produced it or what will be decided on it,
     * a decision does not know about cases, and intake hands its result to cases through the event
     * bus rather than calling them. {@code cases} do not call {@code notify}; notify depends on cases
     * and hears of their changes (today there is no {@code cases → notify} dependency at all). Keyed
     * by the package the rule constrains; each value lists what it must not use.
     */
    /** Declared before {@link #FLOW_FORBIDDEN}, which reads them as the class initialises. */
    static final java.util.List<String> ENGINES = java.util.List.of("media", "hash", "provenance", "watermark");

    static final java.util.List<String> FLOW_PACKAGES =
            java.util.List.of("intake", "signals", "assessment", "decision", "cases", "notify", "banks", "labels");

    static final java.util.Map<String, java.util.List<String>> FLOW_FORBIDDEN = flowForbidden();

    private static java.util.Map<String, java.util.List<String>> flowForbidden() {
        var m = new java.util.LinkedHashMap<String, java.util.List<String>>();
        m.put("signals", java.util.List.of("intake", "assessment", "decision", "cases", "notify"));
        m.put("assessment", java.util.List.of("intake", "decision", "cases", "notify"));
        m.put("decision", java.util.List.of("intake", "cases", "notify"));
        m.put("intake", java.util.List.of("cases", "notify"));
        m.put("cases", java.util.List.of("notify"));
        // The engines are libraries the flow uses (media probing and decoding, perceptual hashes, C2PA,
        // watermarks): they know nothing of uploads, signals, banks or labels. Today the only mentions
        // are {@link}s in provenance's and watermark's package-info, which leave no trace in bytecode.
        for (String engine : ENGINES) m.put(engine, FLOW_PACKAGES);
        return java.util.Collections.unmodifiableMap(m);
    }

    /** The rule that keeps {@code org.pramaan.<from>..} off each of {@code org.pramaan.<forbidden>..}. */
    static com.tngtech.archunit.lang.ArchRule flowRule(String from, java.util.List<String> forbidden) {
        return noClasses()
                .that()
                .resideInAPackage("org.pramaan." + from + "..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        forbidden.stream().map(p -> "org.pramaan." + p + "..").toArray(String[]::new))
                .because(
                        "core follows the flow intake → signals → assessment → decision → cases → notify, engines beside it (docs/architecture.md)");
    }

    @Test
    void theFlowOnlyLooksUpstream() {
        org.assertj.core.api.Assertions.assertThat(classes.containPackage("org.pramaan.intake")
                        && classes.containPackage("org.pramaan.signals")
                        && classes.containPackage("org.pramaan.cases"))
                .as("the flow packages were imported, so the rules have something to check")
                .isTrue();
        FLOW_FORBIDDEN.forEach((from, forbidden) -> flowRule(from, forbidden).check(classes));
    }

    /**
     * Proves each flow rule can fail: compiles, in every constrained package, a class that uses a stub
     * class in every other flow and engine package, then checks that each rule flags exactly the
     * dependencies it forbids and lets the upstream ones through.
     */
    @Test
    void eachFlowRuleFlagsWhatItForbidsAndNothingElse(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        var packages = new java.util.TreeSet<String>(FLOW_PACKAGES);
        packages.addAll(ENGINES);
        java.util.List<java.nio.file.Path> sources = new java.util.ArrayList<>();
        for (String p : packages) {
            java.nio.file.Path src = java.nio.file.Files.createDirectories(dir.resolve("src/" + p));
            sources.add(java.nio.file.Files.writeString(
                    src.resolve("FlowStub.java"), "package org.pramaan." + p + "; public class FlowStub {}"));
            StringBuilder user = new StringBuilder("package org.pramaan." + p + "; class FlowUser {");
            for (String other : packages)
                if (!other.equals(p))
                    user.append(" org.pramaan.")
                            .append(other)
                            .append(".FlowStub ")
                            .append(other)
                            .append(';');
            sources.add(java.nio.file.Files.writeString(
                    src.resolve("FlowUser.java"), user.append(" }").toString()));
        }
        java.nio.file.Path out = java.nio.file.Files.createDirectories(dir.resolve("classes"));
        javax.tools.JavaCompiler javac = javax.tools.ToolProvider.getSystemJavaCompiler();
        var args = new java.util.ArrayList<>(java.util.List.of("-d", out.toString()));
        sources.forEach(f -> args.add(f.toString()));
        org.assertj.core.api.Assertions.assertThat(javac.run(null, null, null, args.toArray(String[]::new)))
                .as("synthetic classes compiled")
                .isZero();
        JavaClasses synthetic = new ClassFileImporter().importPath(out);

        FLOW_FORBIDDEN.forEach((from, forbidden) -> {
            com.tngtech.archunit.lang.ArchRule rule = flowRule(from, forbidden);
            org.assertj.core.api.Assertions.assertThat(rule.getDescription()).contains("org.pramaan." + from + "..");
            forbidden.forEach(f -> org.assertj.core.api.Assertions.assertThat(rule.getDescription())
                    .contains("org.pramaan." + f + ".."));
            java.util.List<String> details =
                    rule.evaluate(synthetic).getFailureReport().getDetails();
            for (String to : packages) {
                if (to.equals(from)) continue;
                boolean flagged = details.stream()
                        .anyMatch(l -> l.contains("org.pramaan." + from + ".FlowUser")
                                && l.contains("org.pramaan." + to + ".FlowStub"));
                org.assertj.core.api.Assertions.assertThat(flagged)
                        .as(from + " → " + to)
                        .isEqualTo(forbidden.contains(to));
            }
        });
        org.assertj.core.api.Assertions.assertThat(FLOW_FORBIDDEN.get("signals"))
                .as("a spot check of the table itself")
                .containsExactly("intake", "assessment", "decision", "cases", "notify");
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
            "org.pramaan.notify.Templates",
                    "placeholders of the bundled message texts (notify/messages_*.properties); values are substituted, never matched",
            "org.pramaan.provenance.c2pa.TrustSettings", "the operator's store.cfg (c2pa.trust-config) at start-up");

    /** Main code of core, the HTTP edge and delivery: where client text arrives. */
    private static final String[] SEES_CLIENT_TEXT = java.util.stream.Stream.concat(
                    java.util.Arrays.stream(CORE),
                    java.util.stream.Stream.of(
                            "org.pramaan.http..",
                            "org.pramaan.delivery..",
                            "org.pramaan.ffmpeg..",
                            "org.pramaan.console.."))
            .toArray(String[]::new);

    @Test
    void noBacktrackingRegexOutsideTheAllowList() {
        var scope = noClasses()
                .that()
                .resideInAnyPackage(SEES_CLIENT_TEXT)
                .and(
                        new com.tngtech.archunit.base.DescribedPredicate<com.tngtech.archunit.core.domain.JavaClass>(
                                "are not on the allow-list") {
                            @Override
                            public boolean test(com.tngtech.archunit.core.domain.JavaClass c) {
                                // Nested and anonymous classes share their owner's entry.
                                String top = c.getName().contains("$")
                                        ? c.getName().substring(0, c.getName().indexOf('$'))
                                        : c.getName();
                                return !REGEX_ALLOWED.containsKey(top);
                            }
                        });
        scope.should()
                .dependOnClassesThat()
                .resideInAPackage("java.util.regex..")
                .orShould()
                .callMethod(String.class, "matches", String.class)
                .orShould()
                .callMethod(String.class, "replaceAll", String.class, String.class)
                .orShould()
                .callMethod(String.class, "replaceFirst", String.class, String.class)
                .orShould()
                .callMethod(String.class, "split", String.class)
                .orShould()
                .callMethod(String.class, "split", String.class, int.class)
                .orShould()
                .callMethod(String.class, "splitWithDelimiters", String.class, int.class)
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName("java.util.Scanner")
                .because(
                        "regular expressions on untrusted text must be linear: use org.pramaan.limits.PlainText or com.google.re2j, "
                                + "or add the class to REGEX_ALLOWED with why its input is trusted (issue 11)")
                .check(classes);
    }
}
