package io.progressledger.edge;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The shared edge serves both sides: it knows neither, and stays out of the domain's framework. */
class EdgeRulesTest {

    private static final JavaClasses EDGE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.progressledger.edge");

    @Test
    void the_edge_knows_neither_side_nor_axon() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("io.progressledger.command..",
                "io.progressledger.query..", "org.axonframework..").check(EDGE);
    }
}
