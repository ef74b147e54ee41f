package org.partnershipqa.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.partnershipqa.support.IntegrationTest;
import org.partnershipqa.support.SignIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Personal API tokens: created by a person for themselves or by an administrator for someone, shown once, stored
 * only as a hash, accepted as a Bearer token on the API (as that person, with their roles) and nowhere else, and
 * refused once revoked.
 */
class ApiTokenTest extends IntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired UserDetailsService users;
  @Autowired JdbcTemplate jdbc;

  @Test
  void aTokenActsAsItsPersonOnTheApiIsStoredHashedAndStopsWorkingWhenRevoked() throws Exception {
    String token = create("auditor.police", "Monthly report");
    assertThat(token).startsWith("pqa_").hasSizeGreaterThan(40);

    // it works, as its person: the police auditor may not launch rounds
    assertThat(api("GET", "/api/tasks", token).getResponse().getStatus()).isEqualTo(200);
    assertThat(api("GET", "/api/audit-rounds/1", token).getResponse().getStatus()).isEqualTo(403);

    // only its SHA-256 hash is stored: the token is in no row of any table
    assertThat(rowsContaining(token)).isEmpty();
    assertThat(rowsContaining(token.substring(4))).isEmpty();
    assertThat(jdbc.queryForObject("select count(*) from api_token where token_hash = ?", Long.class,
        ApiTokens.hash(token))).isEqualTo(1);

    // listed by name, prefix and last use, never shown again
    Document page = page("/account/tokens", "auditor.police");
    assertThat(page.select("#tokens td").eachText()).contains("Monthly report", token.substring(0, 10) + "…");
    assertThat(page.text()).doesNotContain(token);
    assertThat(page.getElementById("new-token")).isNull();
    assertThat(page.select("#tokens tbody tr").getFirst().child(3).text()).isNotEqualTo("Never");

    // nobody else may revoke it (it answers as if it did not exist) ...
    long id = jdbc.queryForObject("select id from api_token where token_hash = ?", Long.class, ApiTokens.hash(token));
    assertThat(mvc.perform(post("/account/tokens/" + id + "/revoke").with(SignIn.as(users, "auditor.csc")).with(csrf()))
        .andReturn().getResponse().getStatus()).isEqualTo(404);
    assertThat(api("GET", "/api/tasks", token).getResponse().getStatus()).isEqualTo(200);

    // ... its person may
    MvcResult revoked = mvc.perform(post("/account/tokens/" + id + "/revoke").with(SignIn.as(users, "auditor.police"))
        .with(csrf())).andReturn();
    assertThat(revoked.getResponse().getRedirectedUrl()).isEqualTo("/account/tokens");
    MvcResult refused = api("GET", "/api/tasks", token);
    assertThat(refused.getResponse().getStatus()).isEqualTo(401);
    assertThat(refused.getResponse().getContentAsString()).contains("unknown or has been revoked");
    assertThat(page("/account/tokens", "auditor.police").select("#tokens td").eachText())
        .anyMatch(t -> t.startsWith("Revoked ") && t.endsWith(" by auditor.police"));
  }

  @Test
  void aTokenDoesNotOpenHtmlPages() throws Exception {
    String token = create("qa.lead", "Pages check");
    assertThat(api("GET", "/api/tasks", token).getResponse().getStatus()).isEqualTo(200);
    for (String page : List.of("/tasks", "/audit-rounds", "/account/tokens")) {
      MvcResult result = mvc.perform(get(page).header("Authorization", "Bearer " + token)).andReturn();
      assertThat(result.getResponse().getStatus()).as(page).isEqualTo(302);
      assertThat(result.getResponse().getRedirectedUrl()).as(page).endsWith("/login");
    }
  }

  @Test
  void anAdministratorCreatesATokenForSomeoneAndRevokesIt() throws Exception {
    MvcResult created = mvc.perform(post("/admin/tokens").with(SignIn.as(users, "admin")).with(csrf())
        .param("username", "pqa.member").param("name", "Sub-group dashboard")).andReturn();
    assertThat(created.getResponse().getRedirectedUrl()).isEqualTo("/admin/tokens");
    String token = ((ApiTokenController.Shown) created.getFlashMap().get("shown")).value();
    assertThat(mvc.perform(get("/api/audit-rounds/0").header("Authorization", "Bearer " + token)).andReturn()
        .getResponse().getStatus()).as("a PQA member may read rounds (this one does not exist)").isEqualTo(404);

    long id = jdbc.queryForObject("select id from api_token where token_hash = ?", Long.class, ApiTokens.hash(token));
    assertThat(page("/admin/tokens", "admin").select("#tokens td").eachText()).contains("pqa.member",
        "Sub-group dashboard");
    mvc.perform(post("/admin/tokens/" + id + "/revoke").with(SignIn.as(users, "admin")).with(csrf()));
    assertThat(api("GET", "/api/tasks", token).getResponse().getStatus()).isEqualTo(401);

    // only administrators reach these pages
    assertThat(mvc.perform(get("/admin/tokens").with(SignIn.as(users, "pqa.member"))).andReturn().getResponse()
        .getStatus()).isEqualTo(403);
  }

  @Test
  void aTokenWithoutANameIsRefusedAndKeepsNothing() throws Exception {
    long before = jdbc.queryForObject("select count(*) from api_token", Long.class);
    MvcResult result = mvc.perform(post("/account/tokens").with(SignIn.as(users, "auditor.gp")).with(csrf())
        .param("name", "  ")).andReturn();
    assertThat(result.getResponse().getStatus()).isEqualTo(200);
    Document page = Jsoup.parse(result.getResponse().getContentAsString());
    assertThat(page.title()).startsWith("Error: ");
    assertThat(page.select(".govuk-error-summary a[href=#name]").text()).isEqualTo("Enter a name for the token");
    assertThat(jdbc.queryForObject("select count(*) from api_token", Long.class)).isEqualTo(before);
  }

  private String create(String username, String name) throws Exception {
    MvcResult created = mvc.perform(post("/account/tokens").with(SignIn.as(users, username)).with(csrf())
        .param("name", name)).andReturn();
    assertThat(created.getResponse().getRedirectedUrl()).isEqualTo("/account/tokens");
    ApiTokenController.Shown shown = (ApiTokenController.Shown) created.getFlashMap().get("shown");
    // shown once, on the page the creation leads to
    Document page = Jsoup.parse(mvc.perform(get("/account/tokens").with(SignIn.as(users, username))
        .flashAttr("shown", shown)).andReturn().getResponse().getContentAsString());
    assertThat(page.getElementById("token-value").text()).isEqualTo(shown.value());
    return shown.value();
  }

  private MvcResult api(String method, String path, String token) throws Exception {
    return mvc.perform(method.equals("GET") ? get(path).header("Authorization", "Bearer " + token)
        : post(path).header("Authorization", "Bearer " + token)).andReturn();
  }

  private Document page(String path, String username) throws Exception {
    return Jsoup.parse(mvc.perform(get(path).with(SignIn.as(users, username))).andReturn().getResponse()
        .getContentAsString());
  }

  /** Every table of the application's schema, searched row by row for the text. */
  private List<String> rowsContaining(String text) {
    return jdbc.queryForList("select table_name from information_schema.tables where table_schema = current_schema()"
        + " and table_type = 'BASE TABLE'", String.class).stream()
        .filter(table -> jdbc.queryForObject("select count(*) from \"" + table + "\" r where r::text like ?",
            Long.class, "%" + text + "%") > 0)
        .toList();
  }
}
