package io.progressledger.command;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The command side's boundaries, checked on its compiled classes. */
class ArchitectureRulesTest {

    private static final JavaClasses COMMAND_SIDE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.progressledger");

    @Test
    void the_command_side_never_reads_views() {
        noClasses().that().resideInAPackage("io.progressledger.command..")
                .should().dependOnClassesThat().resideInAPackage("io.progressledger.query..")
                .check(COMMAND_SIDE);
    }

    @Test
    void features_depend_on_each_other_in_one_direction_only() {
        slices().matching("io.progressledger.command.(*)..").should().beFreeOfCycles().check(COMMAND_SIDE);
    }

    @Test
    void the_webhook_pipeline_knows_no_aggregate_and_no_sender() {
        noClasses().that().resideInAPackage("..command.webhook..")
                .should().dependOnClassesThat().resideInAnyPackage("..command.talent..", "..command.trail..",
                        "..command.learner..", "..command.phoenix..", "..command.toolzz..")
                .check(COMMAND_SIDE);
    }

    @Test
    void sender_adapters_only_translate_they_never_store() {
        noClasses().that().resideInAnyPackage("..command.phoenix..", "..command.toolzz..")
                .should().dependOnClassesThat().resideInAnyPackage("..command.delivery..", "..command.eventstore..",
                        "org.axonframework.commandhandling..", "org.springframework.jdbc..")
                .check(COMMAND_SIDE);
    }

    @Test
    void aggregates_know_nothing_of_webhooks_or_senders() {
        noClasses().that().resideInAnyPackage("..command.talent..", "..command.trail..", "..command.learner..")
                .should().dependOnClassesThat().resideInAnyPackage("..command.webhook..", "..command.phoenix..",
                        "..command.toolzz..", "..command.delivery..", "org.springframework..")
                .check(COMMAND_SIDE);
    }
}
