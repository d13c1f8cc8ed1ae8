package fr.catalyse.partnership;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface MatchRepository extends JpaRepository<MatchProposal, Long> {

  List<MatchProposal> findByPartnershipAndRound(Partnership partnership, int round);

  Optional<MatchProposal> findByPartnershipAndRoundAndOrganisationCode(Partnership partnership, int round, String organisationCode);

  List<MatchProposal> findByPartnershipOrderById(Partnership partnership);
}
