package org.partnershipqa.notification;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface NotificationRepository extends JpaRepository<Notification, Long> {

  boolean existsByDedupeKey(String dedupeKey);

  List<Notification> findTop100ByOrderByCreatedAtDescIdDesc();

  List<Notification> findTop50BySentAtIsNullOrderByIdAsc();

  List<Notification> findBySubjectContainingOrderByIdAsc(String text);
}
