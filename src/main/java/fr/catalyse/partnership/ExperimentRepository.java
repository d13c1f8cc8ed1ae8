package fr.catalyse.partnership;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ExperimentRepository extends JpaRepository<Experiment, Long> {

    // Written as JPQL: Hibernate caches the translation of a query string, not of a
    // derived (criteria) query,
    // and these run on every task of the process.
    @Query("select e from Experiment e where e.partnership = ?1 order by e.version desc limit 1")
    Optional<Experiment> findFirstByPartnershipOrderByVersionDesc(Partnership partnership);

    List<Experiment> findByPartnershipOrderByVersion(Partnership partnership);

}
