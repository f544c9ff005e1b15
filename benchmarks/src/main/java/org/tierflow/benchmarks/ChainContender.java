package org.tierflow.benchmarks;

/** One engine walking nominations through the four-level chain: TierFlow, plain Flowable or Camunda 7. */
public interface ChainContender extends AutoCloseable {

    /** The name in the report. */
    String name();

    /** Submits one nomination from the school and has the four levels pass it, each by its approver. */
    void walkOne(String schoolId, int sequence);

    @Override
    void close();
}
