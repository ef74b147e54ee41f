package org.partnershipqa;

import org.partnershipqa.backup.BackupCommandLine;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Multi-agency audit and quality assurance workflow engine for safeguarding children partnerships. */
@SpringBootApplication
@EnableScheduling
@EnableAsync
public class PartnershipQaApplication {

  /** Starts the application, or runs a backup command ({@code backup}, {@code verify}, {@code restore}) and exits. */
  public static void main(String[] args) {
    if (BackupCommandLine.handles(args)) {
      System.exit(BackupCommandLine.run(args, System.out));
    }
    SpringApplication.run(PartnershipQaApplication.class, args);
  }
}
