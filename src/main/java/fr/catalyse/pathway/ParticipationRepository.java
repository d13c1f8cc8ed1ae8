package fr.catalyse.pathway;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ParticipationRepository extends JpaRepository<Participation, Long> {

    Optional<Participation> findByCohortAndTerritoryCode(Cohort cohort, String territoryCode);

    List<Participation> findByCohortAndStatusOrderById(Cohort cohort, ParticipationStatus status);

}
