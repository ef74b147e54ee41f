package org.partnershipqa.support;

import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Base of the tests that run the whole application: the real embedded Zeebe engine, a real embedded
 * PostgreSQL in a fresh data directory per application context, the real security filters. Subclasses
 * without extra configuration share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "partnershipqa.data-dir=target/test-data/${random.uuid}",
    "partnershipqa.engine.embedded-port=0",
    "partnershipqa.handoff.retry-interval=PT1S",
    "partnershipqa.handoff.retry-older-than=PT1S",
    "partnershipqa.tasks.reconcile-interval=PT1S",
    "camunda.client.worker.defaults.poll-interval=PT0.2S"})
@AutoConfigureMockMvc
public abstract class IntegrationTest {}
