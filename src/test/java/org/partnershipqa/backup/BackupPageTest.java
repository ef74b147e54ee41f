package org.partnershipqa.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.partnershipqa.support.IntegrationTest;
import org.partnershipqa.support.SignIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** An administrator backs up the running application from the Backups page and sees the backup listed. */
class BackupPageTest extends IntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired UserDetailsService users;
  @Autowired Backups backups;

  @Test
  void administratorBacksUpFromTheBackupsPage() throws Exception {
    var admin = SignIn.as(users, "admin");
    int before = backups.list().size();
    Document empty = Jsoup.parse(mvc.perform(get("/admin/backups").with(admin)).andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString());
    assertThat(empty.select("button").text()).contains("Back up now");
    assertThat(empty.select("a[href=/admin/backups]")).isNotEmpty(); // in the administrator's menu

    String notice = (String) mvc.perform(post("/admin/backups").with(admin).with(csrf()))
        .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/admin/backups"))
        .andExpect(flash().attributeExists("notice")).andReturn().getFlashMap().get("notice");
    assertThat(backups.list()).hasSize(before + 1);
    Path written = Path.of(backups.list().getFirst().directory());
    assertThat(notice).isEqualTo("Backup written to " + written);
    assertThat(written.resolve("manifest.json")).exists();
    assertThat(BackupVerifier.verify(written).engine()).isNotNull();

    Document listed = Jsoup.parse(mvc.perform(get("/admin/backups").with(admin)).andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString());
    assertThat(listed.select("table code").eachText()).contains(written.toString());
    assertThat(Files.isDirectory(backups.backupDirectory())).isTrue();
  }
}
