package dev.ingate.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** DESIGN.md's package rules, checked on the compiled main classes. */
class PackageRulesTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.ingate");
    }

    @Test
    void noPackageCycles() {
        slices().matching("dev.ingate.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void codecsAndStreamsStayPure() {
        noClasses().that().resideInAnyPackage("dev.ingate.translate..", "dev.ingate.stream..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.ingate.server..", "dev.ingate.store..", "dev.ingate.dispatch..", "dev.ingate.pipeline..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void thePipelineKnowsNoConcreteConcern() {
        noClasses().that().resideInAPackage("dev.ingate.pipeline..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.ingate.server..", "dev.ingate.dispatch..", "dev.ingate.route..", "dev.ingate.auth..")
                .check(classes);
    }

    @Test
    void onlyTheServerAndStartupKnowTheServer() {
        noClasses().that().resideOutsideOfPackages("dev.ingate.server..", "dev.ingate")
                .should().dependOnClassesThat().resideInAPackage("dev.ingate.server..")
                .check(classes);
    }
}
