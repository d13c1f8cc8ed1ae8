package fr.catalyse.pathway;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface DeliverableRepository extends JpaRepository<Deliverable, Long> {

    List<Deliverable> findByParticipationCohortOrderById(Cohort cohort);

    Optional<Deliverable> findByParticipationAndSessionCode(Participation participation, String sessionCode);

}
