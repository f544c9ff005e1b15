/**
 * The deployment check of TierFlow's BPMN contract: a model, shipped or customised by a host's process
 * designer, is parsed against the BPMN 2.0 schema, run through Flowable's own validator and checked against
 * the contract of {@code docs/reference/bpmn-contract.md} before anything is deployed. Nothing here is
 * public API; hosts see {@link org.tierflow.core.api.BpmnContractException}.
 */
package org.tierflow.core.internal.bpmn;
