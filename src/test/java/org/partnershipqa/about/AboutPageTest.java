package org.partnershipqa.about;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.partnershipqa.support.IntegrationTest;
import org.partnershipqa.support.SignIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Administrators see the engine mode, its licence terms and the bundled components' licences. */
class AboutPageTest extends IntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired UserDetailsService users;

  @Test
  void anAdministratorSeesTheEmbeddedEnginesLicenceTerms() throws Exception {
    MvcResult result = mvc.perform(get("/admin/about").with(SignIn.as(users, "admin"))).andReturn();
    assertThat(result.getResponse().getStatus()).isEqualTo(200);
    Document page = Jsoup.parse(result.getResponse().getContentAsString());

    assertThat(page.getElementById("engine-mode").text()).startsWith("Embedded");
    assertThat(page.getElementById("engine-licence").text()).contains("Camunda License 1.0");
    assertThat(page.getElementById("engine-terms").text())
        .contains("non-production environments only").contains("commercial licence from Camunda");
    assertThat(page.getElementById("engine-licence-warning").text()).contains("non-production use only");
    assertThat(page.select("#components td").eachText())
        .contains("Apache License 2.0 (the wrapper); PostgreSQL Licence (the server binaries)")
        .anyMatch(t -> t.startsWith("MIT Licence"));
    assertThat(page.select("a[href=/admin/about/third-party-licences]")).hasSize(1);
  }

  @Test
  void theThirdPartyListIsServedToAdministratorsOnly() throws Exception {
    MvcResult list = mvc.perform(get("/admin/about/third-party-licences").with(SignIn.as(users, "admin"))).andReturn();
    assertThat(list.getResponse().getStatus()).isEqualTo(200);
    assertThat(list.getResponse().getContentType()).startsWith("text/plain");
    assertThat(list.getResponse().getContentAsString()).contains("io.camunda:zeebe-workflow-engine:");

    assertThat(mvc.perform(get("/admin/about").with(SignIn.as(users, "qa.lead"))).andReturn().getResponse()
        .getStatus()).isEqualTo(403);
  }
}
