package fr.catalyse.partnership;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface MatchRepository extends JpaRepository<MatchProposal, Long> {

    // Written as JPQL: Hibernate caches the translation of a query string, not of a
    // derived (criteria) query,
    // and these run on every task of the process.
    @Query("select m from MatchProposal m where m.partnership = ?1 and m.round = ?2")
    List<MatchProposal> findByPartnershipAndRound(Partnership partnership, int round);

    @Query("select m from MatchProposal m where m.partnership = ?1 and m.round = ?2 and m.organisation.code = ?3")
    Optional<MatchProposal> findByPartnershipAndRoundAndOrganisationCode(Partnership partnership, int round,
            String organisationCode);

    List<MatchProposal> findByPartnershipOrderById(Partnership partnership);

}
