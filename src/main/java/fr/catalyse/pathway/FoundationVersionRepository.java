package fr.catalyse.pathway;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface FoundationVersionRepository extends JpaRepository<FoundationVersion, Long> {

    Optional<FoundationVersion> findFirstByCohortOrderByVersionDesc(Cohort cohort);

    List<FoundationVersion> findByCohortOrderByVersion(Cohort cohort);

}
