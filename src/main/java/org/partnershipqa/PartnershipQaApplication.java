package org.partnershipqa;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Multi-agency audit and quality assurance workflow engine for safeguarding children partnerships. */
@SpringBootApplication
@EnableScheduling
@EnableAsync
public class PartnershipQaApplication {

  public static void main(String[] args) {
    SpringApplication.run(PartnershipQaApplication.class, args);
  }
}
