package org.partnershipqa.briefing;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One panel of a briefing template: its title and the fact it is drafted from ({@code why}, {@code whatWeDid},
 * ...). Templates are data (table {@code briefing_template_panel}), so a partnership changes titles without code.
 */
@Entity
@Table(name = "briefing_template_panel")
class TemplatePanel {

  @Id
  private Long id;

  private String template;
  private int position;
  private String title;
  private String fact;

  protected TemplatePanel() {}

  String getTemplate() { return template; }
  int getPosition() { return position; }
  String getTitle() { return title; }
  String getFact() { return fact; }
}
