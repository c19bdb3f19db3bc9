package io.progressledger.events.talent;

import io.progressledger.events.Provenance;

/** Every fact recorded on a learner's talent path (the {@code Talent} aggregate, identified by the talent id). */
public sealed interface TalentEvent permits TalentBlockUnlocked, TalentBlockStatusChanged {

    String talentId();

    String talentBlockId();

    Provenance provenance();
}
