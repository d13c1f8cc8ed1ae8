package fr.catalyse.partnership;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AssessmentRepository extends JpaRepository<PartnerAssessment, Long> {

    // Written as JPQL: Hibernate caches the translation of a query string, not of a
    // derived (criteria) query,
    // and these run on every task of the process.
    @Query("select a from PartnerAssessment a where a.partnership = ?1 and a.round = ?2")
    List<PartnerAssessment> findByPartnershipAndRound(Partnership partnership, int round);

}
