package io.progressledger.events;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The events are the contract between the two sides and with auditors: plain records, revisioned, no framework. */
class PublishedLanguageRulesTest {

    private static final JavaClasses EVENTS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.progressledger.events");

    @Test
    void the_published_language_does_not_depend_on_spring() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.springframework..")
                .check(EVENTS);
    }

    @Test
    void every_event_is_a_record_with_a_revision() {
        classes().that().haveSimpleNameEndingWith("Unlocked")
                .or().haveSimpleNameEndingWith("Changed")
                .or().haveSimpleNameEndingWith("Completed")
                .or().haveSimpleNameEndingWith("Erased")
                .should().beRecords()
                .andShould().beAnnotatedWith(Revision.class)
                .check(EVENTS);
    }
}
