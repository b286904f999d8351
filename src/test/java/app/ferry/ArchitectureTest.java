package app.ferry;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layer rules of docs/ARCHITECTURE.md, checked on the compiled classes. */
class ArchitectureTest {

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
}
