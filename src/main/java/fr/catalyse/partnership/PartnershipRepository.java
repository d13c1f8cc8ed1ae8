package fr.catalyse.partnership;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PartnershipRepository extends JpaRepository<Partnership, Long> {

    Optional<Partnership> findByProcessInstanceId(String processInstanceId);

    List<Partnership> findBySpreadFrom(Partnership origin);

}
