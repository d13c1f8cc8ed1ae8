package fr.catalyse.pathway;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface SupportFollowUpRepository extends JpaRepository<SupportFollowUp, Long> {

    List<SupportFollowUp> findByParticipationOrderByMonth(Participation participation);

}
