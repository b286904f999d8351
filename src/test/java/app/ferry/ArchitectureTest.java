package app.ferry;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layer rules of docs/ARCHITECTURE.md, checked on the compiled classes: which layer may know
 * which, the engine's API apart from its internals (docs/decisions/0010), and no package cycles.
 */
class ArchitectureTest {

    /**
     * What a front end may use of the engine: the flat façade package (the queue, its specs,
     * records and snapshots, URLs, settings and the exceptions it throws; what is internal there
     * is package-private, so the compiler keeps it in), the shared text formats and the request
     * options a spec carries (headers, cookies, Referer, User-Agent: values a caller builds).
     * Every other engine package is machinery.
     */
    static final String[] ENGINE_API = {"app.ferry.engine", "app.ferry.engine.text", "app.ferry.engine.request"};

    private static final String[] FRONT_ENDS = {
            "app.ferry", "app.ferry.ui..", "app.ferry.cli..", "app.ferry.handoff..", "app.ferry.browser.."};

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("app.ferry");
    }

    @Test
    void engineKnowsNothingOfJavaFxUiOrCli() {
        noClasses().that().resideInAPackage("app.ferry.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "atlantafx..",
                        "app.ferry.ui..", "app.ferry.cli..")
                .check(classes);
    }

    @Test
    void cliNeverLoadsJavaFx() {
        noClasses().that().resideInAPackage("app.ferry.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "atlantafx..",
                        "app.ferry.ui..")
                .check(classes);
    }

    @Test
    void uiDoesNotDriveTheCommandLine() {
        noClasses().that().resideInAPackage("app.ferry.ui..")
                .should().dependOnClassesThat().resideInAPackage("app.ferry.cli..")
                .check(classes);
    }

    @Test
    void handOffChannelKnowsNoFrontEnd() {
        noClasses().that().resideInAPackage("app.ferry.handoff..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "atlantafx..",
                        "app.ferry.ui..", "app.ferry.cli..")
                .check(classes);
    }

    @Test
    void browserHostKnowsNoFrontEnd() {
        noClasses().that().resideInAPackage("app.ferry.browser..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "atlantafx..",
                        "app.ferry.ui..", "app.ferry.cli..")
                .check(classes);
    }

    @Test
    void frontEndsUseOnlyTheEngineApi() {
        noClasses().that().resideInAnyPackage(FRONT_ENDS)
                .should().dependOnClassesThat(resideInAPackage("app.ferry.engine..")
                        .and(not(resideInAnyPackage(ENGINE_API)))
                        .as("are engine internals (any engine package but " + String.join(", ", ENGINE_API) + ")"))
                .check(classes);
    }

    @Test
    void topLevelPackagesHaveNoCycles() {
        slices().matching("app.ferry.(*)..").should().beFreeOfCycles().check(classes);
    }

    /**
     * Engine subpackages among each other. The root package is left out on purpose: it is the
     * façade that wires every part and also holds the model every part speaks (specs, records),
     * so it and its subpackages depend on each other by design (docs/decisions/0010).
     */
    @Test
    void engineSubpackagesHaveNoCycles() {
        slices().matching("app.ferry.engine.(*)..").should().beFreeOfCycles().check(classes);
    }
}
