package fr.catalyse.territory;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ParticipantRepository extends JpaRepository<Participant, Long> {

  Optional<Participant> findByUserId(String userId);
}
