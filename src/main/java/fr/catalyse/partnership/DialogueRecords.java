package fr.catalyse.partnership;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/** Records what the territorial dialogue's tasks decide (listeners of SubProcess_TerritorialDialogue). */
@Component("partnershipDialogue")
public class DialogueRecords {

  private final PartnershipLedger ledger;

  DialogueRecords(PartnershipLedger ledger) {
    this.ledger = ledger;
  }

  /** Task_SharedDiagnostic */
  public void diagnosticShared(DelegateTask task) {
    ledger.of(task).diagnose(Read.joined(task, "fragilities"), Read.text(task, "territoryAssets"),
        Read.text(task, "keyActors"));
  }

  /** Task_MapStakeholders: the chosen organisations become candidates. */
  public void stakeholdersMapped(DelegateTask task) {
    Partnership partnership = ledger.of(task);
    Read.list(task, "candidateOrganisations").forEach(code -> ledger.partner(partnership, code));
  }

  /** Task_AcquaintanceMeeting */
  public void acquaintanceMet(DelegateTask task) {
    ledger.journal(ledger.of(task), JournalKind.ACQUAINTANCE_MEETING, null, Read.date(task, "meetingDate"),
        Read.text(task, "meetingSummary"), Read.integer(task, "attendeeCount") + " participants");
  }

  /** Task_ValidateSharedStakes */
  public void stakesDecided(DelegateTask task) {
    ledger.journal(ledger.of(task), JournalKind.STAKES_DECISION, null, null, Read.text(task, "stakesComment"),
        Read.text(task, "stakesDecision"));
  }
}
