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

  /**
   * The latest value (as JSON) of a variable in the root scope of a process instance, read from the record stream:
   * null when it was never set. (BpmnAssert's variable assertions need state that another test may have reset.)
   */
  public static String rootVariable(RecordStream records, long processInstanceKey, String name) {
    return io.camunda.zeebe.process.test.filters.StreamFilter.variable(records).withProcessInstanceKey(processInstanceKey)
        .stream().filter(r -> r.getValue().getScopeKey() == processInstanceKey && name.equals(r.getValue().getName()))
        .reduce((first, second) -> second).map(r -> r.getValue().getValue()).orElse(null);
  }

  public static RecordStream records(EmbeddedEngine engine) {
    return RecordStream.of(engine.engine().getRecordStreamSource());
  }
}
