package fr.catalyse.territory;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.modulith.NamedInterface;

@NamedInterface("directory")
public interface TerritoryRepository extends JpaRepository<Territory, Long> {

    Optional<Territory> findByCode(String code);

}
