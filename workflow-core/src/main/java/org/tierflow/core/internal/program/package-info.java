/**
 * Reading program definitions from YAML: SnakeYAML composes a node tree with positions, which is walked by hand,
 * mapped onto the {@link org.tierflow.core.api.program} records and validated, collecting every problem with its
 * line, column and field path. Messages live in {@code ValidationMessages_zh/_en.properties} beside these classes,
 * keyed by {@link org.tierflow.core.internal.program.ProblemCode}.
 *
 * <p>Hosts use {@link org.tierflow.core.ProgramDefinitionLoader}; nothing here is API.
 */
package org.tierflow.core.internal.program;
