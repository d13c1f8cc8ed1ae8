package fr.catalyse.pathway;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.modulith.NamedInterface;

@NamedInterface("cohorts")
public interface CohortRepository extends JpaRepository<Cohort, Long> {

    Optional<Cohort> findByProcessInstanceId(String processInstanceId);

}
