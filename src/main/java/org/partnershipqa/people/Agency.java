package org.partnershipqa.people;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A partner agency. Its code is stable: BPMN models route tasks to it by code. */
@Entity
public class Agency {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @NotBlank(message = "Enter a code")
  @Pattern(regexp = "^[a-z][a-z0-9-]{1,39}$", message = "Code must be 2 to 40 lower-case letters, digits or hyphens, starting with a letter")
  @Column(nullable = false, unique = true)
  private String code;

  @NotBlank(message = "Enter a name")
  @Size(max = 200, message = "Name must be 200 characters or fewer")
  private String name;

  private boolean active = true;

  @Email(message = "Enter an email address in the correct format, like name@example.org")
  @Size(max = 320)
  private String safeguardingContactEmail;

  /** For form binding. */
  public Agency() {}

  public Agency(String code, String name) {
    this.code = code;
    this.name = name;
  }

  public Long getId() { return id; }
  public String getCode() { return code; }
  public void setCode(String code) { this.code = code; }
  public String getName() { return name; }
  public void setName(String name) { this.name = name; }
  public boolean isActive() { return active; }
  public void setActive(boolean active) { this.active = active; }
  public String getSafeguardingContactEmail() { return safeguardingContactEmail; }
  public void setSafeguardingContactEmail(String email) { this.safeguardingContactEmail = email; }
}
