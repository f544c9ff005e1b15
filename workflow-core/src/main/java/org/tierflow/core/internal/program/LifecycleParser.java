package org.tierflow.core.internal.program;

import java.math.BigDecimal;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.tierflow.core.api.program.AcceptanceDefinition;
import org.tierflow.core.api.program.CredentialDefinition;
import org.tierflow.core.api.program.EvaluationDefinition;
import org.tierflow.core.api.program.EvaluationParty;
import org.tierflow.core.api.program.Funding;
import org.tierflow.core.api.program.FundingItem;
import org.tierflow.core.api.program.HourCategory;
import org.tierflow.core.api.program.HourRatioRule;
import org.tierflow.core.api.program.LocalizedText;
import org.tierflow.core.api.program.OrganisationLevel;
import org.tierflow.core.api.program.ReviewChain;
import org.tierflow.core.api.program.ReviewStep;
import org.tierflow.core.api.program.RubricCriterion;
import org.tierflow.core.api.program.TaskBookDefinition;
import org.tierflow.core.api.program.TrainingRequirement;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The optional parts of a tier's life cycle after selection: task book, training hours, acceptance, comprehensive
 * evaluation, credential and funding. Each reader returns {@code null} when its part has problems (reported).
 */
final class LifecycleParser {

    static final Period DEFAULT_EXTENSION = Period.ofMonths(6);
    static final int DEFAULT_MAX_EXTENSIONS = 1;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private static final List<String> TASK_BOOK_FIELDS = List.of("authority", "universityAuthority", "signingPeriod",
            "goals");
    private static final List<String> TRAINING_FIELDS = List.of("window", "totalMinHours", "categories", "ratios");
    private static final List<String> CATEGORY_FIELDS = List.of("code", "name", "minHours");
    private static final List<String> RATIO_FIELDS = List.of("category", "minPercent");
    private static final List<String> ACCEPTANCE_FIELDS = List.of("chain", "universityChain", "onSite", "extension",
            "maxExtensions");
    private static final List<String> EVALUATION_FIELDS = List.of("parties", "criteria", "passScore");
    private static final List<String> CREDENTIAL_FIELDS = List.of("title", "issuingLevel", "benefits",
            "universityIssuingLevel", "afterWorkingPeriod");
    private static final List<String> FUNDING_FIELDS = List.of("unit", "perPerson", "items");
    private static final List<String> ITEM_FIELDS = List.of("code", "name", "amount");
    private static final List<String> PHASE_FIELDS = List.of("code", "name", "period", "decidedBy");
    private static final java.time.LocalDate PERIOD_ORIGIN = java.time.LocalDate.of(2000, 1, 1);

    private final Nodes nodes;
    private final Problems problems;
    private final ChainParser chains;
    private final ScoringParser scoring;

    LifecycleParser(Nodes nodes, ChainParser chains, ScoringParser scoring) {
        this.nodes = nodes;
        this.problems = nodes.problems();
        this.chains = chains;
        this.scoring = scoring;
    }

    /**
     * The optional {@code phases} list: codes unique, periods longer than zero, {@code decidedBy} a level of the
     * review chain, and the periods together no longer than the implementation period.
     *
     * @param reviewChain          the tier's chain, {@code null} when it had problems (then levels are not checked)
     * @param implementationPeriod the tier's implementation period, {@code null} when it had problems
     */
    List<org.tierflow.core.api.program.PhaseDefinition> phases(Node node, String path, ReviewChain reviewChain,
                                                              Period implementationPeriod) {
        List<Node> items = nodes.optionalList(node, path);
        if (items != null && node != null && items.isEmpty()) {
            problems.report(node, path, ProblemCode.LIST_EMPTY, "phases");
            return List.of();
        }
        int before = problems.count();
        UniqueCodes codes = new UniqueCodes(problems);
        List<org.tierflow.core.api.program.PhaseDefinition> phases = nodes.each(items, path, (item, itemPath) -> {
            YamlMapping p = nodes.mapping(item, itemPath, PHASE_FIELDS);
            if (p == null) {
                return null;
            }
            Node codeNode = p.required("code");
            String code = nodes.code(codeNode, p.path("code"), Nodes.CODE, ProblemCode.CODE_FORMAT);
            boolean unique = codes.add(code, codeNode, p.path("code"));
            LocalizedText name = nodes.localized(p.required("name"), p.path("name"));
            Period period = nodes.positivePeriod(p.required("period"), p.path("period"));
            Node levelNode = p.required("decidedBy");
            OrganisationLevel decidedBy = nodes.level(levelNode, p.path("decidedBy"));
            if (decidedBy != null && reviewChain != null && reviewChain.stepAt(decidedBy).isEmpty()) {
                problems.report(levelNode, p.path("decidedBy"), ProblemCode.PHASE_DECIDED_BY_NOT_IN_CHAIN,
                        Nodes.levelText(decidedBy), Nodes.levelsText(levels(reviewChain)));
                return null;
            }
            return code == null || !unique || name == null || period == null || decidedBy == null ? null
                    : new org.tierflow.core.api.program.PhaseDefinition(code, name, period, decidedBy);
        });
        if (problems.count() != before) {
            return List.of();
        }
        if (implementationPeriod != null && !phases.isEmpty()) {
            java.time.LocalDate end = PERIOD_ORIGIN;
            for (org.tierflow.core.api.program.PhaseDefinition phase : phases) {
                end = end.plus(phase.period());
            }
            if (end.isAfter(PERIOD_ORIGIN.plus(implementationPeriod))) {
                Period sum = phases.stream().map(org.tierflow.core.api.program.PhaseDefinition::period)
                        .reduce(Period.ZERO, Period::plus).normalized();
                problems.report(node, path, ProblemCode.PHASES_LONGER_THAN_IMPLEMENTATION, sum,
                        implementationPeriod);
                return List.of();
            }
        }
        return phases;
    }

    /**
     * @param reviewChain     the tier's chain, {@code null} when it had problems (then the authority is not checked)
     * @param universityChain the tier's university chain, {@code null} when absent or with problems
     * @param hasUniversityChain whether the tier declares a university chain at all
     */
    TaskBookDefinition taskBook(Node node, String path, ReviewChain reviewChain, ReviewChain universityChain,
                                boolean hasUniversityChain) {
        YamlMapping m = nodes.mapping(node, path, TASK_BOOK_FIELDS);
        if (m == null) {
            return null;
        }
        int before = problems.count();
        Node authorityNode = m.required("authority");
        OrganisationLevel authority = nodes.level(authorityNode, m.path("authority"));
        if (authority != null && reviewChain != null && reviewChain.stepAt(authority).isEmpty()) {
            problems.report(authorityNode, m.path("authority"), ProblemCode.TASKBOOK_AUTHORITY,
                    Nodes.levelText(authority), Nodes.levelsText(levels(reviewChain)));
        }
        Node universityNode = m.optional("universityAuthority");
        OrganisationLevel universityAuthority = nodes.level(universityNode, m.path("universityAuthority"));
        ReviewChain universityTarget = hasUniversityChain ? universityChain : reviewChain;
        if (universityAuthority != null && universityTarget != null
                && universityTarget.stepAt(universityAuthority).isEmpty()) {
            problems.report(universityNode, m.path("universityAuthority"), ProblemCode.TASKBOOK_UNIVERSITY_AUTHORITY,
                    Nodes.levelText(universityAuthority), Nodes.levelsText(levels(universityTarget)),
                    hasUniversityChain ? "universityChain" : "reviewChain");
        }
        Period signingPeriod = nodes.positivePeriod(m.required("signingPeriod"), m.path("signingPeriod"));
        List<LocalizedText> goals = localizedList(m, "goals");
        return problems.count() == before
                ? new TaskBookDefinition(authority, Optional.ofNullable(universityAuthority), signingPeriod, goals)
                : null;
    }

    TrainingRequirement training(Node node, String path) {
        YamlMapping m = nodes.mapping(node, path, TRAINING_FIELDS);
        if (m == null) {
            return null;
        }
        int before = problems.count();
        Period window = nodes.positivePeriod(m.required("window"), m.path("window"));
        BigDecimal totalMinHours = hours(m, "totalMinHours");
        UniqueCodes categoryCodes = new UniqueCodes(problems);
        String categoriesPath = m.path("categories");
        List<HourCategory> categories = nodes.each(nodes.optionalList(m.optional("categories"), categoriesPath),
                categoriesPath, (item, itemPath) -> {
                    YamlMapping c = nodes.mapping(item, itemPath, CATEGORY_FIELDS);
                    if (c == null) {
                        return null;
                    }
                    Node codeNode = c.required("code");
                    String code = nodes.text(codeNode, c.path("code"));
                    boolean unique = categoryCodes.add(code, codeNode, c.path("code"));
                    LocalizedText name = nodes.localized(c.required("name"), c.path("name"));
                    BigDecimal minHours = hours(c, "minHours");
                    return code == null || !unique || name == null || minHours == null ? null
                            : new HourCategory(code, name, minHours);
                });
        List<HourRatioRule> ratios = ratios(m, categoryCodes);
        return problems.count() == before ? new TrainingRequirement(window, totalMinHours, categories, ratios) : null;
    }

    private List<HourRatioRule> ratios(YamlMapping training, UniqueCodes categoryCodes) {
        String ratiosPath = training.path("ratios");
        Node ratiosNode = training.optional("ratios");
        boolean[] allInRange = {true};
        List<HourRatioRule> ratios = nodes.each(nodes.optionalList(ratiosNode, ratiosPath), ratiosPath,
                (item, itemPath) -> {
                    YamlMapping r = nodes.mapping(item, itemPath, RATIO_FIELDS);
                    if (r == null) {
                        allInRange[0] = false;
                        return null;
                    }
                    Node categoryNode = r.required("category");
                    String category = nodes.text(categoryNode, r.path("category"));
                    if (category != null && !categoryCodes.contains(category)) {
                        problems.report(categoryNode, r.path("category"), ProblemCode.RATIO_CATEGORY_UNDECLARED,
                                category, Nodes.codes(categoryCodes.codes()));
                    }
                    Node percentNode = r.required("minPercent");
                    BigDecimal percent = nodes.number(percentNode, r.path("minPercent"));
                    if (percent != null && percent.signum() < 0) {
                        problems.report(percentNode, r.path("minPercent"), ProblemCode.RATIO_NEGATIVE, percent);
                        percent = null;
                    } else if (percent != null && percent.compareTo(HUNDRED) > 0) {
                        problems.report(percentNode, r.path("minPercent"), ProblemCode.RATIO_ABOVE_100, percent);
                        percent = null;
                    }
                    if (percent == null) {
                        allInRange[0] = false;
                        return null;
                    }
                    return category == null ? null : new HourRatioRule(category, percent);
                });
        if (allInRange[0]) {
            BigDecimal sum = ratios.stream().map(HourRatioRule::minPercent).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (sum.compareTo(HUNDRED) > 0) {
                problems.report(ratiosNode, ratiosPath, ProblemCode.RATIO_SUM, sum.stripTrailingZeros());
            }
        }
        return ratios;
    }

    AcceptanceDefinition acceptance(Node node, String path) {
        YamlMapping m = nodes.mapping(node, path, ACCEPTANCE_FIELDS);
        if (m == null) {
            return null;
        }
        int before = problems.count();
        ReviewChain chain = chains.chain(m.required("chain"), m.path("chain"), false);
        Node universityNode = m.optional("universityChain");
        ReviewChain universityChain = chains.chain(universityNode, m.path("universityChain"), true);
        Node onSiteNode = m.optional("onSite");
        Boolean onSite = onSiteNode == null ? Boolean.TRUE : nodes.bool(onSiteNode, m.path("onSite"));
        Node extensionNode = m.optional("extension");
        Period extension = extensionNode == null ? DEFAULT_EXTENSION
                : nodes.positivePeriod(extensionNode, m.path("extension"));
        Node maxNode = m.optional("maxExtensions");
        Integer maxExtensions = maxNode == null ? Integer.valueOf(DEFAULT_MAX_EXTENSIONS)
                : nodes.wholeNumber(maxNode, m.path("maxExtensions"));
        if (maxExtensions != null && maxExtensions < 0) {
            problems.report(maxNode, m.path("maxExtensions"), ProblemCode.MAX_EXTENSIONS_NEGATIVE, maxExtensions);
        }
        return problems.count() == before
                ? new AcceptanceDefinition(chain, Optional.ofNullable(universityChain), onSite, extension,
                        maxExtensions)
                : null;
    }

    EvaluationDefinition evaluation(Node node, String path) {
        YamlMapping m = nodes.mapping(node, path, EVALUATION_FIELDS);
        if (m == null) {
            return null;
        }
        int before = problems.count();
        List<EvaluationParty> parties = scoring.parties(m.required("parties"), m.path("parties"), "parties");
        List<RubricCriterion> criteria = scoring.criteria(m.required("criteria"), m.path("criteria"), "criteria");
        Node passNode = m.required("passScore");
        BigDecimal passScore = nodes.number(passNode, m.path("passScore"));
        if (passScore != null && passScore.signum() <= 0) {
            problems.report(passNode, m.path("passScore"), ProblemCode.PASS_SCORE_NOT_POSITIVE, passScore);
        } else if (passScore != null && criteria != null) {
            criteria.stream()
                    .filter(c -> passScore.compareTo(c.maxScore()) > 0)
                    .min((a, b) -> a.maxScore().compareTo(b.maxScore()))
                    .ifPresent(c -> problems.report(passNode, m.path("passScore"), ProblemCode.PASS_SCORE_ABOVE_MAX,
                            passScore, c.code(), c.maxScore()));
        }
        return problems.count() == before ? new EvaluationDefinition(parties, criteria, passScore) : null;
    }

    CredentialDefinition credential(Node node, String path) {
        return credential(node, path, true, false);
    }

    /**
     * The credential; {@code universityIssuingLevel} only where the tier has a university chain, and
     * {@code afterWorkingPeriod} only where the tier has a working period (tiers with phases have none).
     */
    CredentialDefinition credential(Node node, String path, boolean hasUniversityChain, boolean hasPhases) {
        YamlMapping m = nodes.mapping(node, path, CREDENTIAL_FIELDS);
        if (m == null) {
            return null;
        }
        int before = problems.count();
        LocalizedText title = nodes.localized(m.required("title"), m.path("title"));
        OrganisationLevel issuingLevel = nodes.level(m.required("issuingLevel"), m.path("issuingLevel"));
        List<LocalizedText> benefits = localizedList(m, "benefits");
        Node universityNode = m.optional("universityIssuingLevel");
        OrganisationLevel universityLevel = universityNode == null ? null
                : nodes.level(universityNode, m.path("universityIssuingLevel"));
        if (universityLevel != null && !hasUniversityChain) {
            problems.report(universityNode, m.path("universityIssuingLevel"),
                    ProblemCode.CREDENTIAL_UNIVERSITY_WITHOUT_CHAIN, Nodes.levelText(universityLevel));
        }
        Node afterNode = m.optional("afterWorkingPeriod");
        Boolean afterWorkingPeriod = afterNode == null ? Boolean.FALSE : nodes.bool(afterNode, m.path("afterWorkingPeriod"));
        if (Boolean.TRUE.equals(afterWorkingPeriod) && hasPhases) {
            problems.report(afterNode, m.path("afterWorkingPeriod"), ProblemCode.CREDENTIAL_AFTER_WORKING_PERIOD_WITH_PHASES);
        }
        return problems.count() == before ? new CredentialDefinition(title, issuingLevel, benefits,
                Optional.ofNullable(universityLevel), Boolean.TRUE.equals(afterWorkingPeriod)) : null;
    }

    Funding funding(Node node, String path) {
        YamlMapping m = nodes.mapping(node, path, FUNDING_FIELDS);
        if (m == null) {
            return null;
        }
        int before = problems.count();
        LocalizedText unit = nodes.localized(m.required("unit"), m.path("unit"));
        BigDecimal perPerson = amount(m, "perPerson");
        UniqueCodes codes = new UniqueCodes(problems);
        String itemsPath = m.path("items");
        Node itemsNode = m.optional("items");
        List<Node> itemNodes = nodes.optionalList(itemsNode, itemsPath);
        List<FundingItem> items = nodes.each(itemNodes, itemsPath, (item, itemPath) -> {
            YamlMapping i = nodes.mapping(item, itemPath, ITEM_FIELDS);
            if (i == null) {
                return null;
            }
            Node codeNode = i.required("code");
            String code = nodes.text(codeNode, i.path("code"));
            boolean unique = codes.add(code, codeNode, i.path("code"));
            LocalizedText name = nodes.localized(i.required("name"), i.path("name"));
            BigDecimal amount = amount(i, "amount");
            return code == null || !unique || name == null || amount == null ? null
                    : new FundingItem(code, name, amount);
        });
        if (perPerson != null && itemNodes != null && items.size() == itemNodes.size()) {
            BigDecimal sum = items.stream().map(FundingItem::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (sum.compareTo(perPerson) > 0) {
                problems.report(itemsNode, itemsPath, ProblemCode.FUNDING_ITEMS_ABOVE_TOTAL,
                        sum.stripTrailingZeros(), perPerson);
            }
        }
        return problems.count() == before ? new Funding(unit, perPerson, items) : null;
    }

    /** An optional number of hours, 0 when absent, never negative. */
    private BigDecimal hours(YamlMapping m, String key) {
        Node node = m.optional(key);
        if (node == null) {
            return BigDecimal.ZERO;
        }
        BigDecimal hours = nodes.number(node, m.path(key));
        if (hours != null && hours.signum() < 0) {
            problems.report(node, m.path(key), ProblemCode.HOURS_NEGATIVE, hours);
            return null;
        }
        return hours;
    }

    /** A required amount of money, never negative. */
    private BigDecimal amount(YamlMapping m, String key) {
        Node node = m.required(key);
        BigDecimal amount = nodes.number(node, m.path(key));
        if (amount != null && amount.signum() < 0) {
            problems.report(node, m.path(key), ProblemCode.AMOUNT_NEGATIVE, amount);
            return null;
        }
        return amount;
    }

    private List<LocalizedText> localizedList(YamlMapping m, String key) {
        String listPath = m.path(key);
        return nodes.each(nodes.optionalList(m.optional(key), listPath), listPath, nodes::localized);
    }

    private static List<OrganisationLevel> levels(ReviewChain chain) {
        List<OrganisationLevel> levels = new ArrayList<>();
        for (ReviewStep step : chain.steps()) {
            levels.add(step.level());
        }
        return levels;
    }
}
