/**
 * Exam results (assessments) of candidates under review: recording them idempotently for the host's exam platform.
 * The deciding step's check lives with the engine; the ranking by weighted results with selection.
 */
package org.tierflow.core.internal.assessment;
