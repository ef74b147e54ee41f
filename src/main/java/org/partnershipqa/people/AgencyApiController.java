package org.partnershipqa.people;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The partnership's agencies with the codes BPMN models and API clients route by. */
@RestController
class AgencyApiController {

  private final AgencyRepository agencies;

  AgencyApiController(AgencyRepository agencies) {
    this.agencies = agencies;
  }

  record AgencyView(String code, String name, boolean active) {}

  @GetMapping("/api/agencies")
  List<AgencyView> all() {
    return agencies.findAllByOrderByNameAsc().stream()
        .map(a -> new AgencyView(a.getCode(), a.getName(), a.isActive())).toList();
  }
}
