package io.progressledger.query;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The query side's boundaries, checked on its compiled classes. */
class ArchitectureRulesTest {

    private static final JavaClasses QUERY_SIDE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.progressledger");

    @Test
    void the_query_side_never_issues_commands() {
        noClasses().that().resideInAPackage("io.progressledger.query..")
                .should().dependOnClassesThat().resideInAnyPackage("io.progressledger.command..",
                        "org.axonframework.commandhandling..")
                .check(QUERY_SIDE);
    }

    /**
     * Each feature package of the query side (a view, the projection engine, the API's shared types, ...) may use
     * others, but never in a circle: a change to one feature never has to ripple back into itself.
     */
    @Test
    void the_query_side_features_depend_on_each_other_without_cycles() {
        slices().matching("io.progressledger.query.(*)..").should().beFreeOfCycles().check(QUERY_SIDE);
    }
}
