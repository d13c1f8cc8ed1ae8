package fr.catalyse.governance;

import fr.catalyse.pathway.Cohort;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface GovernanceDialogueRepository extends JpaRepository<GovernanceDialogue, Long> {

    Optional<GovernanceDialogue> findByProcessInstanceId(String processInstanceId);

    List<GovernanceDialogue> findByCohort(Cohort cohort);

}
