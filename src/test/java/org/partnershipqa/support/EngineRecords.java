package org.partnershipqa.support;

import io.camunda.zeebe.process.test.assertions.BpmnAssert;
import io.camunda.zeebe.process.test.assertions.ProcessInstanceAssert;
import io.camunda.zeebe.process.test.filters.RecordStream;
import io.camunda.zeebe.process.test.inspections.model.InspectedProcessInstance;
import org.partnershipqa.engine.EmbeddedEngine;

/** Assertions over the embedded engine's record stream (what the engine really did). */
public final class EngineRecords {

  private EngineRecords() {}

  public static ProcessInstanceAssert assertProcessInstance(EmbeddedEngine engine, long processInstanceKey) {
    BpmnAssert.initRecordStream(RecordStream.of(engine.engine().getRecordStreamSource()));
    return BpmnAssert.assertThat(new InspectedProcessInstance(processInstanceKey));
  }

  public static RecordStream records(EmbeddedEngine engine) {
    return RecordStream.of(engine.engine().getRecordStreamSource());
  }
}
