package fr.catalyse.partnership;

import fr.catalyse.forms.Read;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_RecordMatchExpired: the invited organisation did not answer before the deadline. */
@Component("recordMatchExpired")
class RecordMatchExpired implements JavaDelegate {

  private final PartnershipLedger ledger;
  private final MatchmakingRecords matchmaking;

  RecordMatchExpired(PartnershipLedger ledger, MatchmakingRecords matchmaking) {
    this.ledger = ledger;
    this.matchmaking = matchmaking;
  }

  @Override
  public void execute(DelegateExecution execution) {
    matchmaking.proposal(Read.text(execution, "organisation"), ledger.of(execution), Read.integer(execution, MatchmakingRecords.ROUND))
        .answer(MatchStatus.EXPIRED, null, PartnershipLedger.now());
  }
}
