package org.tierflow.core.internal.program;

import java.time.Period;
import java.util.List;
import java.util.Optional;

import org.tierflow.core.api.program.AcceptanceDefinition;
import org.tierflow.core.api.program.Assessment;
import org.tierflow.core.api.program.CandidateKind;
import org.tierflow.core.api.program.CredentialDefinition;
import org.tierflow.core.api.program.DeclaredAllocation;
import org.tierflow.core.api.program.EligibilityRule;
import org.tierflow.core.api.program.EvaluationDefinition;
import org.tierflow.core.api.program.Funding;
import org.tierflow.core.api.program.LocalizedText;
import org.tierflow.core.api.program.OrganisationLevel;
import org.tierflow.core.api.program.PhaseDefinition;
import org.tierflow.core.api.program.ProgramDefinition;
import org.tierflow.core.api.program.ReviewChain;
import org.tierflow.core.api.program.SampleSize;
import org.tierflow.core.api.program.SpotCheckDefinition;
import org.tierflow.core.api.program.TaskBookDefinition;
import org.tierflow.core.api.program.TierDefinition;
import org.tierflow.core.api.program.TrainingRequirement;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Walks a composed YAML document into a {@link ProgramDefinition}, reporting every problem into {@link Problems}.
 * Returns {@code null} when there was any.
 */
final class ProgramParser {

    static final String DOCUMENT = "(document)";

    private static final List<String> PROGRAM_FIELDS = List.of("code", "name", "owner", "startYear", "endYear",
            "source", "tiers", "spotChecks");
    private static final List<String> SPOT_CHECK_FIELDS = List.of("level", "candidates", "units");
    private static final List<String> SAMPLE_FIELDS = List.of("percent", "count");
    private static final List<String> TIER_FIELDS = List.of("code", "name", "candidateKind", "quota", "facts",
            "eligibility", "reviewChain", "universityChain", "taskBook", "implementationPeriod", "training",
            "acceptance", "evaluation", "credential", "funding", "allocation", "assessments", "phases");

    private final Problems problems;
    private final Nodes nodes;
    private final RuleParser rules;
    private final ChainParser chains;
    private final LifecycleParser lifecycle;
    private final AllocationParser allocations;
    private final SelectionRulesParser selectionRules;

    ProgramParser(Problems problems) {
        this.problems = problems;
        this.nodes = new Nodes(problems);
        ScoringParser scoring = new ScoringParser(nodes);
        this.rules = new RuleParser(nodes);
        this.chains = new ChainParser(nodes, scoring);
        this.lifecycle = new LifecycleParser(nodes, chains, scoring);
        this.allocations = new AllocationParser(nodes);
        this.selectionRules = new SelectionRulesParser(nodes);
    }

    ProgramDefinition program(Node root) {
        if (!(root instanceof MappingNode)) {
            problems.report(root, DOCUMENT, ProblemCode.ROOT_NOT_MAPPING, Nodes.describe(root));
            return null;
        }
        YamlMapping m = nodes.mapping(root, "", PROGRAM_FIELDS);
        String code = nodes.code(m.required("code"), m.path("code"), Nodes.CODE, ProblemCode.CODE_FORMAT);
        LocalizedText name = nodes.localized(m.required("name"), m.path("name"));
        OrganisationLevel owner = nodes.level(m.required("owner"), m.path("owner"));
        Integer startYear = nodes.wholeNumber(m.required("startYear"), m.path("startYear"));
        Node endNode = m.required("endYear");
        Integer endYear = nodes.wholeNumber(endNode, m.path("endYear"));
        if (startYear != null && endYear != null && endYear < startYear) {
            problems.report(endNode, m.path("endYear"), ProblemCode.YEARS_REVERSED, endYear, startYear);
        }
        Node sourceNode = m.optional("source");
        String source = sourceNode == null ? "" : nodes.anyText(sourceNode, m.path("source"));
        Node tiersNode = m.required("tiers");
        List<Node> tierNodes = nodes.list(tiersNode, "tiers");
        if (tierNodes != null && tierNodes.isEmpty()) {
            problems.report(tiersNode, "tiers", ProblemCode.TIERS_EMPTY);
        }
        UniqueCodes tierCodes = new UniqueCodes(problems);
        List<TierDefinition> tiers = nodes.each(tierNodes, "tiers", (item, path) -> tier(item, path, tierCodes));
        SpotCheckDefinition spotChecks = spotChecks(m.optional("spotChecks"), m.path("spotChecks"), owner);
        return problems.isEmpty() ? new ProgramDefinition(code, name, owner, startYear, endYear, source, tiers,
                Optional.ofNullable(spotChecks)) : null;
    }

    /** The optional {@code spotChecks} section: the auditing level (at or below the owner) and default sample sizes. */
    private SpotCheckDefinition spotChecks(Node node, String path, OrganisationLevel owner) {
        YamlMapping m = nodes.mapping(node, path, SPOT_CHECK_FIELDS);
        if (m == null) {
            return null;
        }
        int before = problems.count();
        Node levelNode = m.required("level");
        OrganisationLevel level = nodes.level(levelNode, m.path("level"));
        if (level != null && owner != null && level.rank() > owner.rank()) {
            problems.report(levelNode, m.path("level"), ProblemCode.SPOT_CHECK_ABOVE_OWNER, Nodes.levelText(level),
                    Nodes.levelText(owner));
        }
        SampleSize candidates = sampleSize(m.optional("candidates"), m.path("candidates"));
        SampleSize units = sampleSize(m.optional("units"), m.path("units"));
        return problems.count() == before
                ? new SpotCheckDefinition(level, Optional.ofNullable(candidates), Optional.ofNullable(units)) : null;
    }

    /** {@code {percent: 1..100}} or {@code {count: >= 1}}, exactly one of them. */
    private SampleSize sampleSize(Node node, String path) {
        YamlMapping m = nodes.mapping(node, path, SAMPLE_FIELDS);
        if (m == null) {
            return null;
        }
        Node percentNode = m.optional("percent");
        Node countNode = m.optional("count");
        if ((percentNode == null) == (countNode == null)) {
            problems.report(node, path, ProblemCode.SAMPLE_SIZE_FORM,
                    percentNode == null ? "(none)" : "percent, count");
            return null;
        }
        if (percentNode != null) {
            Integer percent = nodes.wholeNumber(percentNode, m.path("percent"));
            if (percent != null && (percent < 1 || percent > 100)) {
                problems.report(percentNode, m.path("percent"), ProblemCode.SAMPLE_PERCENT_RANGE, percent);
                return null;
            }
            return percent == null ? null : SampleSize.percent(percent);
        }
        Integer count = nodes.wholeNumber(countNode, m.path("count"));
        if (count != null && count < 1) {
            problems.report(countNode, m.path("count"), ProblemCode.SAMPLE_COUNT_RANGE, count);
            return null;
        }
        return count == null ? null : SampleSize.count(count);
    }

    private TierDefinition tier(Node node, String path, UniqueCodes tierCodes) {
        YamlMapping m = nodes.mapping(node, path, TIER_FIELDS);
        if (m == null) {
            return null;
        }
        int before = problems.count();
        Node codeNode = m.required("code");
        String code = nodes.code(codeNode, m.path("code"), Nodes.CODE, ProblemCode.CODE_FORMAT);
        tierCodes.add(code, codeNode, m.path("code"));
        LocalizedText name = nodes.localized(m.required("name"), m.path("name"));
        Node kindNode = m.optional("candidateKind");
        CandidateKind candidateKind = kindNode == null ? CandidateKind.PERSON
                : nodes.enumValue(kindNode, m.path("candidateKind"), CandidateKind.class,
                        ProblemCode.CANDIDATE_KIND_UNKNOWN);
        SelectionRulesParser.QuotaRule quota = selectionRules.quota(m);
        RuleParser.Facts facts = rules.facts(m.optional("facts"), m.path("facts"));
        List<EligibilityRule> eligibility = rules.eligibility(m.optional("eligibility"), m.path("eligibility"), facts);
        ReviewChain reviewChain = chains.chain(m.required("reviewChain"), m.path("reviewChain"), false);
        Node universityNode = m.optional("universityChain");
        ReviewChain universityChain = chains.chain(universityNode, m.path("universityChain"), true);
        if (reviewChain != null) {
            selectionRules.checkScope(quota, reviewChain, universityChain);
        }
        TaskBookDefinition taskBook = lifecycle.taskBook(m.optional("taskBook"), m.path("taskBook"), reviewChain,
                universityChain, universityNode != null);
        Period implementationPeriod = nodes.positivePeriod(m.required("implementationPeriod"),
                m.path("implementationPeriod"));
        TrainingRequirement training = lifecycle.training(m.optional("training"), m.path("training"));
        AcceptanceDefinition acceptance = lifecycle.acceptance(m.optional("acceptance"), m.path("acceptance"));
        EvaluationDefinition evaluation = lifecycle.evaluation(m.optional("evaluation"), m.path("evaluation"));
        CredentialDefinition credential = lifecycle.credential(m.optional("credential"), m.path("credential"),
                universityNode != null, m.optional("phases") != null);
        Funding funding = lifecycle.funding(m.optional("funding"), m.path("funding"));
        List<DeclaredAllocation> allocation = allocations.allocation(m.optional("allocation"), m.path("allocation"),
                quota.count() != null && quota.count() > 0 ? quota.count() : null);
        List<Assessment> assessments = selectionRules.assessments(m.optional("assessments"), m.path("assessments"));
        List<PhaseDefinition> phases = lifecycle.phases(m.optional("phases"), m.path("phases"), reviewChain,
                implementationPeriod);
        candidateKindRules(candidateKind, kindNode, m, reviewChain);
        if (problems.count() != before) {
            return null;
        }
        return new TierDefinition(code, name, candidateKind, quota.count(), facts.declared(), eligibility, reviewChain,
                Optional.ofNullable(universityChain), Optional.ofNullable(taskBook), implementationPeriod,
                Optional.ofNullable(training), Optional.ofNullable(acceptance), Optional.ofNullable(evaluation),
                Optional.ofNullable(credential), Optional.ofNullable(funding), allocation, quota.scope(), assessments,
                phases);
    }

    /**
     * A school candidate is the unit that applies, so the chain must start at schools, and it records no training
     * hours (they belong to people). A school or project candidate has no university route.
     */
    private void candidateKindRules(CandidateKind kind, Node kindNode, YamlMapping m, ReviewChain reviewChain) {
        if (kind == CandidateKind.SCHOOL && reviewChain != null
                && reviewChain.entryLevel() != OrganisationLevel.SCHOOL) {
            problems.report(kindNode, m.path("candidateKind"), ProblemCode.SCHOOL_CANDIDATE_ENTRY_LEVEL,
                    Nodes.levelText(reviewChain.entryLevel()));
        }
        Node training = m.optional("training");
        if (kind == CandidateKind.SCHOOL && training != null) {
            problems.report(training, m.path("training"), ProblemCode.SCHOOL_CANDIDATE_TRAINING);
        }
        Node university = m.optional("universityChain");
        if (kind != null && kind != CandidateKind.PERSON && university != null) {
            problems.report(university, m.path("universityChain"), ProblemCode.UNIT_CANDIDATE_UNIVERSITY_CHAIN, kind);
        }
    }
}
