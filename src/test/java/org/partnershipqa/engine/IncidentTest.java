package org.partnershipqa.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How an incident's error reads on the page: a label for its type, its message's first line, the rest on demand. */
class IncidentTest {

  @Test
  void errorTypeReadsAsWordsAndAStackTraceHidesBehindTheFirstLine() {
    Incident job = incident("JOB_NO_RETRIES", "java.io.IOException: mail server down\n\tat Sender.send(Sender.java:3)", 7);
    assertThat(job.errorTypeLabel()).isEqualTo("No retries left");
    assertThat(job.errorFirstLine()).isEqualTo("java.io.IOException: mail server down");
    assertThat(job.errorHasMoreLines()).isTrue();
    assertThat(job.hasJob()).isTrue();

    Incident mapping = incident("IO_MAPPING_ERROR", "failed to evaluate expression 'agency': no variable found\n", 0);
    assertThat(mapping.errorTypeLabel()).isEqualTo("Variable mapping failed");
    assertThat(mapping.errorFirstLine()).isEqualTo("failed to evaluate expression 'agency': no variable found");
    assertThat(mapping.errorHasMoreLines()).isFalse();
    assertThat(mapping.hasJob()).isFalse();

    assertThat(incident("SOME_NEW_TYPE", null, 0).errorTypeLabel()).isEqualTo("Some new type");
    assertThat(incident("SOME_NEW_TYPE", null, 0).errorFirstLine()).isEmpty();
  }

  private static Incident incident(String type, String message, long jobKey) {
    return new Incident(1, "p", null, "e", null, type, message, null, jobKey, 2, null, null, null);
  }
}
