package org.partnershipqa.about;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.partnershipqa.engine.EngineLicence;
import org.partnershipqa.engine.EngineProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.info.BuildProperties;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DataAccessException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Administrators see what this installation runs on (engine mode, versions), under what licence terms, and the
 * complete third-party licence list generated at build time.
 */
@Controller
class AboutController {

  static final String PAGE = "admin/about";
  static final String THIRD_PARTY_LIST = "META-INF/THIRD-PARTY.txt";

  private final EngineProperties engine;
  private final ObjectProvider<BuildProperties> build;
  private final JdbcTemplate jdbc;
  private final Environment environment;

  AboutController(EngineProperties engine, ObjectProvider<BuildProperties> build, JdbcTemplate jdbc,
      Environment environment) {
    this.engine = engine;
    this.build = build;
    this.jdbc = jdbc;
    this.environment = environment;
  }

  @GetMapping("/admin/about")
  String about(Model model) {
    boolean embeddedDatabase = environment.getProperty("spring.datasource.url", "").isBlank();
    String postgres = postgresVersion();
    model.addAttribute("version", build.getIfAvailable() == null ? "development build" : build.getObject().getVersion());
    model.addAttribute("embedded", engine.embedded());
    model.addAttribute("engineLicence", EngineLicence.of(engine.mode()));
    model.addAttribute("gateway", environment.getProperty("camunda.client.grpc-address", ""));
    model.addAttribute("embeddedDatabase", embeddedDatabase);
    model.addAttribute("postgresVersion", postgres);
    model.addAttribute("springBootVersion", SpringBootVersion.getVersion());
    model.addAttribute("javaVersion", Runtime.version().toString());
    model.addAttribute("components", BundledComponents.of(engine.mode(), embeddedDatabase ? postgres : null));
    model.addAttribute("thirdPartyListPresent", new ClassPathResource(THIRD_PARTY_LIST).exists());
    return PAGE;
  }

  /** The list license-maven-plugin wrote at build time, as plain text. */
  @GetMapping(value = "/admin/about/third-party-licences", produces = MediaType.TEXT_PLAIN_VALUE)
  ResponseEntity<String> thirdPartyLicences() throws IOException {
    ClassPathResource list = new ClassPathResource(THIRD_PARTY_LIST);
    if (!list.exists()) {
      return ResponseEntity.notFound().build();
    }
    try (InputStream in = list.getInputStream()) {
      return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
          .body(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  private String postgresVersion() {
    try {
      return jdbc.queryForObject("show server_version", String.class);
    } catch (DataAccessException e) {
      return "unknown (the database cannot be reached)";
    }
  }
}
