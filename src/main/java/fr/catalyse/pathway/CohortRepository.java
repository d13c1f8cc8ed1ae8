package fr.catalyse.pathway;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CohortRepository extends JpaRepository<Cohort, Long> {

  Optional<Cohort> findByProcessInstanceId(String processInstanceId);
}
