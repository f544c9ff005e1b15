/**
 * The program-definition model: an immutable, validated description of a program (培养工程), its tiers
 * and each tier's life cycle (nomination chain, task book, implementation, acceptance, evaluation,
 * credential, funding).
 *
 * <p>Instances come from {@link org.tierflow.core.ProgramDefinitionLoader}; a definition that
 * loads is one the engine can run. The YAML format is described in {@code docs/reference/program-definition.md}.
 */
package org.tierflow.core.api.program;
