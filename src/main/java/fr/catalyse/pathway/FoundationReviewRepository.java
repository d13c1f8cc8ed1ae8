package fr.catalyse.pathway;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface FoundationReviewRepository extends JpaRepository<FoundationReview, Long> {

    List<FoundationReview> findByFoundationVersionOrderById(FoundationVersion version);

}
