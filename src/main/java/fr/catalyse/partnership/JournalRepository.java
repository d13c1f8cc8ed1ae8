package fr.catalyse.partnership;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface JournalRepository extends JpaRepository<JournalEntry, Long> {

    List<JournalEntry> findByPartnershipOrderById(Partnership partnership);

}
