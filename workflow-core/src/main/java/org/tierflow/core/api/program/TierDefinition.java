package org.tierflow.core.api.program;

import java.time.Period;
import java.util.List;
import java.util.Optional;

/**
 * One tier (人才类别) of a program, with its quota and its whole life cycle.
 *
 * @param code            unique within the program, used in URLs and process variables
 * @param name            the tier's name
 * @param candidateKind   whether people, schools or projects are selected
 * @param quota           how many are selected (at least 1): over the program, or per scope unit and/or year as
 *                        {@code quotaScope} says
 * @param facts           what the application form asks for
 * @param eligibility     rules checked on submission
 * @param reviewChain     the nomination chain
 * @param universityChain the chain for candidates from universities, if they have one
 * @param taskBook        the task book, if selected candidates sign one
 * @param implementationPeriod how long the candidate works by the task book (培养周期)
 * @param training        training-hour rules, if any
 * @param acceptance      acceptance, if the tier has one
 * @param evaluation      comprehensive evaluation, if the tier has one
 * @param credential      the credential, if one is awarded
 * @param funding         funding per candidate, if any
 * @param allocation      quota allocations declared down the tree (名额分配), applied when TierFlow starts; may be
 *                        empty (allocation by the API only)
 * @param quotaScope      what the quota counts over: the whole program (default), each unit at a level, each year
 * @param assessments     exams taken before the deciding step decides (none by default)
 * @param phases          the phases of the work after selection, in order, each decided by a level (none by
 *                        default: the tier works for {@code implementationPeriod} and is then accepted)
 */
public record TierDefinition(
        String code,
        LocalizedText name,
        CandidateKind candidateKind,
        int quota,
        List<ApplicationFact> facts,
        List<EligibilityRule> eligibility,
        ReviewChain reviewChain,
        Optional<ReviewChain> universityChain,
        Optional<TaskBookDefinition> taskBook,
        Period implementationPeriod,
        Optional<TrainingRequirement> training,
        Optional<AcceptanceDefinition> acceptance,
        Optional<EvaluationDefinition> evaluation,
        Optional<CredentialDefinition> credential,
        Optional<Funding> funding,
        List<DeclaredAllocation> allocation,
        QuotaScope quotaScope,
        List<Assessment> assessments,
        List<PhaseDefinition> phases) {

    public TierDefinition {
        phases = phases == null ? List.of() : List.copyOf(phases);
        facts = List.copyOf(facts);
        eligibility = List.copyOf(eligibility);
        allocation = allocation == null ? List.of() : List.copyOf(allocation);
        quotaScope = quotaScope == null ? QuotaScope.WHOLE_PROGRAM : quotaScope;
        assessments = assessments == null ? List.of() : List.copyOf(assessments);
    }

    /** A tier without phases. */
    public TierDefinition(String code, LocalizedText name, CandidateKind candidateKind, int quota,
                          List<ApplicationFact> facts, List<EligibilityRule> eligibility, ReviewChain reviewChain,
                          Optional<ReviewChain> universityChain, Optional<TaskBookDefinition> taskBook,
                          Period implementationPeriod, Optional<TrainingRequirement> training,
                          Optional<AcceptanceDefinition> acceptance, Optional<EvaluationDefinition> evaluation,
                          Optional<CredentialDefinition> credential, Optional<Funding> funding,
                          List<DeclaredAllocation> allocation, QuotaScope quotaScope, List<Assessment> assessments) {
        this(code, name, candidateKind, quota, facts, eligibility, reviewChain, universityChain, taskBook,
                implementationPeriod, training, acceptance, evaluation, credential, funding, allocation, quotaScope,
                assessments, List.of());
    }

    /** A tier without declared allocations, whose quota counts over the whole program, without assessments. */
    public TierDefinition(String code, LocalizedText name, CandidateKind candidateKind, int quota,
                          List<ApplicationFact> facts, List<EligibilityRule> eligibility, ReviewChain reviewChain,
                          Optional<ReviewChain> universityChain, Optional<TaskBookDefinition> taskBook,
                          Period implementationPeriod, Optional<TrainingRequirement> training,
                          Optional<AcceptanceDefinition> acceptance, Optional<EvaluationDefinition> evaluation,
                          Optional<CredentialDefinition> credential, Optional<Funding> funding) {
        this(code, name, candidateKind, quota, facts, eligibility, reviewChain, universityChain, taskBook,
                implementationPeriod, training, acceptance, evaluation, credential, funding, List.of(),
                QuotaScope.WHOLE_PROGRAM, List.of());
    }

    /** A tier with declared allocations, whose quota counts over the whole program, without assessments. */
    public TierDefinition(String code, LocalizedText name, CandidateKind candidateKind, int quota,
                          List<ApplicationFact> facts, List<EligibilityRule> eligibility, ReviewChain reviewChain,
                          Optional<ReviewChain> universityChain, Optional<TaskBookDefinition> taskBook,
                          Period implementationPeriod, Optional<TrainingRequirement> training,
                          Optional<AcceptanceDefinition> acceptance, Optional<EvaluationDefinition> evaluation,
                          Optional<CredentialDefinition> credential, Optional<Funding> funding,
                          List<DeclaredAllocation> allocation) {
        this(code, name, candidateKind, quota, facts, eligibility, reviewChain, universityChain, taskBook,
                implementationPeriod, training, acceptance, evaluation, credential, funding, allocation,
                QuotaScope.WHOLE_PROGRAM, List.of());
    }

    /** A tier without declared allocations. */
    public TierDefinition(String code, LocalizedText name, CandidateKind candidateKind, int quota,
                          List<ApplicationFact> facts, List<EligibilityRule> eligibility, ReviewChain reviewChain,
                          Optional<ReviewChain> universityChain, Optional<TaskBookDefinition> taskBook,
                          Period implementationPeriod, Optional<TrainingRequirement> training,
                          Optional<AcceptanceDefinition> acceptance, Optional<EvaluationDefinition> evaluation,
                          Optional<CredentialDefinition> credential, Optional<Funding> funding,
                          QuotaScope quotaScope, List<Assessment> assessments) {
        this(code, name, candidateKind, quota, facts, eligibility, reviewChain, universityChain, taskBook,
                implementationPeriod, training, acceptance, evaluation, credential, funding, List.of(), quotaScope,
                assessments);
    }

    /** The chain a candidate from a unit at {@code entryLevel} follows. */
    public ReviewChain chainFor(OrganisationLevel entryLevel) {
        return entryLevel == OrganisationLevel.UNIVERSITY ? universityChain.orElse(reviewChain) : reviewChain;
    }
}
