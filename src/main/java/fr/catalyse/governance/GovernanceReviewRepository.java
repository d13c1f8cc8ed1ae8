package fr.catalyse.governance;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface GovernanceReviewRepository extends JpaRepository<GovernanceReview, Long> {

    List<GovernanceReview> findByDialogueOrderById(GovernanceDialogue dialogue);

}
