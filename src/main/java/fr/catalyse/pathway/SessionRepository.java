package fr.catalyse.pathway;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface SessionRepository extends JpaRepository<CollectiveSession, Long> {

    List<CollectiveSession> findByCohortOrderByPosition(Cohort cohort);

    Optional<CollectiveSession> findByCohortAndCode(Cohort cohort, String code);

}
