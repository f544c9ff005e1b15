package org.tierflow.core.internal.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.tierflow.core.api.program.DefinitionProblem;
import org.tierflow.core.api.program.ProgramDefinitionException;
import org.tierflow.core.ProgramDefinitionLoader;

/**
 * One malformed definition per test, from {@code definitions/invalid/}: each file has exactly the problem named
 * by the test (unless the test says otherwise), and the problem names the file, the line, the field path, and
 * says in both languages what is wrong.
 */
class InvalidProgramDefinitionUnitTests {

    private static final String DIR = "definitions/invalid/";

    @Test
    void yamlSyntaxErrorIsOneProblemAtTheParsersMark() {
        DefinitionProblem problem = onlyProblem("syntax-error.yaml");

        assertProblem(problem, "syntax-error.yaml", 10, "(syntax)", "YAML 语法错误", "YAML syntax error");
        assertThat(problem.column()).isEqualTo(26);
        assertThat(problem.message().en()).contains("mapping values are not allowed here");
    }

    @Test
    void emptyFile() {
        assertProblem(onlyProblem("empty-file.yaml"), "empty-file.yaml", 1, "(document)",
                "文件是空的", "the file is empty");
    }

    @Test
    void topLevelListInsteadOfMapping() {
        assertProblem(onlyProblem("top-level-list.yaml"), "top-level-list.yaml", 1, "(document)",
                "顶层必须是字段映射", "the top level must be a mapping");
    }

    @Test
    void unknownFieldListsTheAllowedFields() {
        DefinitionProblem problem = onlyProblem("unknown-field.yaml");

        assertProblem(problem, "unknown-field.yaml", 10, "tiers[0].budget", "未知字段“budget”", "unknown field \"budget\"");
        assertThat(problem.message().zh()).contains("此处允许的字段：code, name, candidateKind, quota");
        assertThat(problem.message().en()).contains("allowed here are: code, name, candidateKind, quota");
    }

    @Test
    void misspeltFieldSuggestsTheIntendedOneAndTheRequiredFieldIsMissing() {
        List<DefinitionProblem> problems = problemsOf("misspelt-field.yaml");

        assertThat(problems).hasSize(2);
        assertProblem(problems.get(0), "misspelt-field.yaml", 7, "tiers[0].implementationPeriod",
                "缺少必填字段“implementationPeriod”", "required field \"implementationPeriod\" is missing");
        assertProblem(problems.get(1), "misspelt-field.yaml", 15, "tiers[0].implementationPeriode",
                "是否想写“implementationPeriod”", "did you mean \"implementationPeriod\"");
    }

    @Test
    void duplicateYamlKey() {
        assertProblem(onlyProblem("duplicate-key.yaml"), "duplicate-key.yaml", 10, "tiers[0].name",
                "字段“name”重复出现（第一次在第 8 行）", "field \"name\" appears twice (first on line 8)");
    }

    @Test
    void missingTiers() {
        assertProblem(onlyProblem("missing-tiers.yaml"), "missing-tiers.yaml", 1, "tiers",
                "缺少必填字段“tiers”", "required field \"tiers\" is missing");
    }

    @Test
    void emptyTiers() {
        assertProblem(onlyProblem("empty-tiers.yaml"), "empty-tiers.yaml", 6, "tiers",
                "至少要有一个人才类别", "a program needs at least one tier");
    }

    @Test
    void negativeQuota() {
        DefinitionProblem problem = onlyProblem("negative-quota.yaml");

        assertProblem(problem, "negative-quota.yaml", 9, "tiers[0].quota",
                "名额不能为负数（-5）", "quota must not be negative (-5)");
        assertThat(problem.column()).isEqualTo(12);
        assertThat(problem.toString()).startsWith(
                "definitions/invalid/negative-quota.yaml:9:12 tiers[0].quota: 名额不能为负数（-5）");
    }

    @Test
    void zeroQuota() {
        assertProblem(onlyProblem("zero-quota.yaml"), "zero-quota.yaml", 9, "tiers[0].quota",
                "名额为 0", "quota is 0; a tier must select at least 1");
    }

    @Test
    void textWhereANumberIsExpected() {
        assertProblem(onlyProblem("string-for-number.yaml"), "string-for-number.yaml", 9, "tiers[0].quota",
                "应为整数，实际是文本“ten”", "expected a whole number, found the text \"ten\"");
    }

    @Test
    void duplicateTierCodeNamesTheFirstLine() {
        assertProblem(onlyProblem("duplicate-tier-code.yaml"), "duplicate-tier-code.yaml", 16, "tiers[1].code",
                "代码“backbone”重复（第一次在第 7 行）", "code \"backbone\" is used twice (first on line 7)");
    }

    @Test
    void badProgramCode() {
        assertProblem(onlyProblem("bad-program-code.yaml"), "bad-program-code.yaml", 1, "code",
                "代码“Minimal_Program”不符合格式", "use only lower-case letters, digits and hyphens");
    }

    @Test
    void factCodeMustBeCamelCase() {
        assertProblem(onlyProblem("fact-code-format.yaml"), "fact-code-format.yaml", 11, "tiers[0].facts[0].code",
                "事实代码“years-as-principal”不符合格式", "(camelCase), e.g. yearsAsPrincipal");
    }

    @Test
    void endYearBeforeStartYear() {
        assertProblem(onlyProblem("end-before-start.yaml"), "end-before-start.yaml", 5, "endYear",
                "结束年份 2019 早于开始年份 2020", "endYear 2019 is before startYear 2020");
    }

    @Test
    void unknownOrganisationLevelListsTheLevels() {
        assertProblem(onlyProblem("unknown-level.yaml"), "unknown-level.yaml", 13,
                "tiers[0].reviewChain.steps[0].level",
                "未知的组织层级“COUNTY”；可选：SCHOOL（学校）、DISTRICT（区县）",
                "unknown organisation level \"COUNTY\"; allowed: SCHOOL (school), DISTRICT (district)");
    }

    @Test
    void chainStepBelowEntryLevel() {
        assertProblem(onlyProblem("step-below-entry.yaml"), "step-below-entry.yaml", 13,
                "tiers[0].reviewChain.steps[0].level",
                "环节层级 SCHOOL（学校） 低于申报单位层级 entryLevel DISTRICT（区县）",
                "step level SCHOOL (school) is below the chain entryLevel DISTRICT (district)");
    }

    @Test
    void chainLevelsNotRising() {
        assertProblem(onlyProblem("levels-not-rising.yaml"), "levels-not-rising.yaml", 15,
                "tiers[0].reviewChain.steps[2].level",
                "环节层级 DISTRICT（区县） 没有高于上一环节的 CITY（市）",
                "step level DISTRICT (district) is not above the level of the step before, CITY (city)");
    }

    @Test
    void universityRanksWithCitySoItDoesNotRiseAboveIt() {
        assertProblem(onlyProblem("university-after-city.yaml"), "university-after-city.yaml", 15,
                "tiers[0].reviewChain.steps[2].level",
                "环节层级 UNIVERSITY（高校） 没有高于上一环节的 CITY（市）",
                "step level UNIVERSITY (university) is not above the level of the step before, CITY (city)");
    }

    @Test
    void plainTextWhereBothLanguagesAreRequired() {
        assertProblem(onlyProblem("name-not-bilingual.yaml"), "name-not-bilingual.yaml", 8, "tiers[0].name",
                "这里应为中英文对照文本，如 {zh: 学校推荐, en: School recommends}，实际是文本“Backbone teachers”",
                "expected a text in both languages, like {zh: 学校推荐, en: School recommends}, "
                        + "found the text \"Backbone teachers\"");
    }

    @Test
    void twoDecideSteps() {
        assertProblem(onlyProblem("two-decide.yaml"), "two-decide.yaml", 14, "tiers[0].reviewChain.steps[1].action",
                "已有 DECIDE（确定）环节（第 13 行），不能再有第二个", "second DECIDE step (the first is on line 13)");
    }

    @Test
    void noDecideStep() {
        assertProblem(onlyProblem("no-decide.yaml"), "no-decide.yaml", 13, "tiers[0].reviewChain.steps",
                "审核链没有 DECIDE（确定）环节", "the chain has no DECIDE step");
    }

    @Test
    void fileStepBeforeDecide() {
        assertProblem(onlyProblem("file-before-decide.yaml"), "file-before-decide.yaml", 14,
                "tiers[0].reviewChain.steps[1].action",
                "FILE（备案）环节出现在 DECIDE（确定）环节（第 15 行）之前", "FILE step comes before the DECIDE step (line 15)");
    }

    @Test
    void universityChainMustEnterAtUniversity() {
        assertProblem(onlyProblem("university-chain-entry.yaml"), "university-chain-entry.yaml", 16,
                "tiers[0].universityChain.entryLevel",
                "entryLevel 必须是 UNIVERSITY（高校），实际是 SCHOOL（学校）",
                "entryLevel of a universityChain must be UNIVERSITY, found SCHOOL (school)");
    }

    @Test
    void rubricWeightsNotSummingToOne() {
        assertProblem(onlyProblem("weights-not-summing.yaml"), "weights-not-summing.yaml", 20,
                "tiers[0].reviewChain.steps[1].panel.rubric",
                "权重之和必须为 1，实际是 0.9", "the weights must sum to 1, they sum to 0.9");
    }

    @Test
    void trimmedMeanNeedsThreeExperts() {
        assertProblem(onlyProblem("trimmed-mean-two-experts.yaml"), "trimmed-mean-two-experts.yaml", 19,
                "tiers[0].reviewChain.steps[1].panel.aggregation",
                "至少需要 3 位专家，实际只有 2 位", "needs at least 3 experts, the panel has 2");
    }

    @Test
    void quorumThatIsNeitherAllNorAnyNorARatioListsTheForms() {
        assertProblem(onlyProblem("quorum-unreadable.yaml"), "quorum-unreadable.yaml", 20,
                "tiers[0].reviewChain.steps[1].panel.quorum",
                "表决规则必须是 ALL、ANY 或“k of n”（如“3 of 5”），实际是“most of them”",
                "quorum must be ALL, ANY or \"k of n\" (such as \"3 of 5\"), found \"most of them\"");
    }

    @Test
    void ratioQuorumMustCountThePanelsExperts() {
        assertProblem(onlyProblem("quorum-ratio-wrong-panel-size.yaml"), "quorum-ratio-wrong-panel-size.yaml", 20,
                "tiers[0].reviewChain.steps[1].panel.quorum",
                "表决规则“3 of 4”按 4 位专家计，但专家组有 5 位", "quorum \"3 of 4\" counts 4 experts, but the panel has 5");
    }

    @Test
    void ratioQuorumNeedsAtLeastOneVote() {
        assertProblem(onlyProblem("quorum-ratio-zero-votes.yaml"), "quorum-ratio-zero-votes.yaml", 20,
                "tiers[0].reviewChain.steps[1].panel.quorum",
                "所需推荐票数必须在 1 到 5 之间，实际是 0", "the number of votes needed must be between 1 and 5, found 0");
    }

    @Test
    void anyQuorumCannotUseTrimmedMean() {
        assertProblem(onlyProblem("quorum-any-trimmed-mean.yaml"), "quorum-any-trimmed-mean.yaml", 20,
                "tiers[0].reviewChain.steps[1].panel.quorum",
                "表决规则 ANY 只按第一位提交的专家评分决定", "quorum ANY decides on the first expert's score alone");
    }

    @Test
    void invalidPeriod() {
        assertProblem(onlyProblem("invalid-period.yaml"), "invalid-period.yaml", 15, "tiers[0].implementationPeriod",
                "期限“six months”不是 ISO-8601 格式", "\"six months\" is not an ISO-8601 period; write it like P1Y");
    }

    @Test
    void zeroPeriod() {
        assertProblem(onlyProblem("zero-period.yaml"), "zero-period.yaml", 15, "tiers[0].implementationPeriod",
                "期限必须大于零，实际是 P0D", "the period must be longer than zero, found P0D");
    }

    @Test
    void ratioAbove100Percent() {
        assertProblem(onlyProblem("ratio-above-100.yaml"), "ratio-above-100.yaml", 21,
                "tiers[0].training.ratios[0].minPercent",
                "比例超过 100%（120%）", "ratio above 100 % (120 %)");
    }

    @Test
    void ratiosTogetherAbove100Percent() {
        assertProblem(onlyProblem("ratios-sum-above-100.yaml"), "ratios-sum-above-100.yaml", 22,
                "tiers[0].training.ratios",
                "minPercent 之和为 110%，超过 100%", "add up to 110 %, more than 100 %");
    }

    @Test
    void fundingItemsAboveTotal() {
        assertProblem(onlyProblem("funding-items-above-total.yaml"), "funding-items-above-total.yaml", 20,
                "tiers[0].funding.items",
                "各分项金额之和 3.5 超过人均经费 perPerson 3", "the items add up to 3.5, more than perPerson 3");
    }

    @Test
    void eligibilityRuleOnUndeclaredFact() {
        assertProblem(onlyProblem("undeclared-fact.yaml"), "undeclared-fact.yaml", 15,
                "tiers[0].eligibility[0].condition.fact",
                "未声明的事实“papers”；请先在本类别的 facts 中声明它。已声明：yearsAsPrincipal",
                "fact \"papers\", which the tier does not declare in facts; declared: yearsAsPrincipal");
    }

    @Test
    void atLeastOnABooleanFact() {
        assertProblem(onlyProblem("at-least-on-boolean.yaml"), "at-least-on-boolean.yaml", 15,
                "tiers[0].eligibility[0].condition.atLeast",
                "atLeast 只能用于 NUMBER（数字）类型的事实，而“researchProject”是 BOOLEAN 类型",
                "atLeast only applies to NUMBER facts, and \"researchProject\" is a BOOLEAN fact");
    }

    @Test
    void equalsValueOfTheWrongType() {
        assertProblem(onlyProblem("equals-wrong-type.yaml"), "equals-wrong-type.yaml", 15,
                "tiers[0].eligibility[0].condition.equals",
                "equals 的值（文本“many”）与事实“yearsAsPrincipal”的类型 NUMBER 不符",
                "the equals value (the text \"many\") does not match fact \"yearsAsPrincipal\" of type NUMBER");
    }

    @Test
    void factConditionWithTwoComparisons() {
        assertProblem(onlyProblem("two-comparisons.yaml"), "two-comparisons.yaml", 15,
                "tiers[0].eligibility[0].condition",
                "必须恰好有一个比较：atLeast、atMost 或 equals（这里有：atLeast, atMost）",
                "needs exactly one of atLeast, atMost, equals (found: atLeast, atMost)");
    }

    @Test
    void taskBookAuthorityNotInTheChain() {
        assertProblem(onlyProblem("taskbook-authority-not-in-chain.yaml"), "taskbook-authority-not-in-chain.yaml", 17,
                "tiers[0].taskBook.authority",
                "任务书签署层级 CITY（市） 不是审核链 reviewChain 中的层级；可选：SCHOOL（学校）、PROVINCE（省/自治区）",
                "task-book authority CITY (city) is not a level of the reviewChain; choose one of: SCHOOL (school), "
                        + "PROVINCE (province)");
    }

    @Test
    void passScoreAboveTheSmallestMaxScore() {
        assertProblem(onlyProblem("pass-score-above-max.yaml"), "pass-score-above-max.yaml", 22,
                "tiers[0].evaluation.passScore",
                "合格分数 60 高于评价指标“practice”的满分 50", "passScore 60 is above the maxScore 50 of criterion \"practice\"");
    }

    @Test
    void credentialWithoutIssuingLevel() {
        assertProblem(onlyProblem("credential-without-level.yaml"), "credential-without-level.yaml", 17,
                "tiers[0].credential.issuingLevel",
                "缺少必填字段“issuingLevel”", "required field \"issuingLevel\" is missing");
    }

    @Test
    void negativeMaxExtensions() {
        assertProblem(onlyProblem("acceptance-negative-extensions.yaml"), "acceptance-negative-extensions.yaml", 18,
                "tiers[0].acceptance.maxExtensions",
                "最多延期次数不能为负数（-1）", "maxExtensions must not be negative (-1)");
    }

    @Test
    void quotaPerALevelOutsideTheChain() {
        DefinitionProblem problem = onlyProblem("quota-per-level-not-in-chain.yaml");

        assertProblem(problem, "quota-per-level-not-in-chain.yaml", 9, "tiers[0].quota.per",
                "按 CITY（市） 计算名额", "quota per CITY (city): every candidate needs a unit at that level");
        assertThat(problem.message().zh()).contains("reviewChain").contains("SCHOOL（学校）、PROVINCE（省/自治区）");
        assertThat(problem.message().en()).contains("reviewChain").contains("SCHOOL (school), PROVINCE (province)");
    }

    @Test
    void quotaAsAListIsNeitherANumberNorAMapping() {
        assertProblem(onlyProblem("quota-list.yaml"), "quota-list.yaml", 9, "tiers[0].quota",
                "名额 quota 应为整数（quota: 10）或映射", "quota is either a whole number (quota: 10) or a mapping");
    }

    @Test
    void scopedQuotaWithZeroCountAndAWordForPerYear() {
        List<DefinitionProblem> problems = problemsOf("quota-scope-zero-count-and-bad-boolean.yaml");

        assertThat(problems).hasSize(2);
        assertProblem(problems.get(0), "quota-scope-zero-count-and-bad-boolean.yaml", 9, "tiers[0].quota.count",
                "名额为 0", "quota is 0");
        assertProblem(problems.get(1), "quota-scope-zero-count-and-bad-boolean.yaml", 9, "tiers[0].quota.perYear",
                "true 或 false", "expected true or false");
    }

    @Test
    void scopedQuotaWithoutCountAndAMisspeltPerYear() {
        List<DefinitionProblem> problems = problemsOf("quota-scope-without-count.yaml");

        assertThat(problems).extracting(DefinitionProblem::field)
                .containsExactly("tiers[0].quota.count", "tiers[0].quota.perYaer");
        assertThat(problems.get(0).message().en()).contains("required field \"count\" is missing");
        assertThat(problems.get(1).message().en()).contains("did you mean \"perYear\"");
    }

    @Test
    void assessmentPassMarksAboveTheMaximumOrZeroAndADuplicateCode() {
        List<DefinitionProblem> problems = problemsOf("assessment-pass-mark.yaml");

        assertThat(problems).hasSize(3);
        assertProblem(problems.get(0), "assessment-pass-mark.yaml", 17, "tiers[0].assessments[0].passMark",
                "合格分 passMark 120 高于满分 maxScore 100", "passMark 120 is above maxScore 100; nobody could pass");
        assertProblem(problems.get(1), "assessment-pass-mark.yaml", 18, "tiers[0].assessments[1].code",
                "代码“theory”重复", "code \"theory\" is used twice");
        assertProblem(problems.get(2), "assessment-pass-mark.yaml", 18, "tiers[0].assessments[1].passMark",
                "必须大于 0", "passMark must be above 0");
    }

    @Test
    void assessmentWeightsAllOrNone() {
        assertProblem(onlyProblem("assessment-weights-partial.yaml"), "assessment-weights-partial.yaml", 18,
                "tiers[0].assessments", "要么每项考核都给出权重", "give every assessment a weight");
    }

    @Test
    void assessmentWeightsSumToOne() {
        assertProblem(onlyProblem("assessment-weights-not-summing.yaml"), "assessment-weights-not-summing.yaml", 17,
                "tiers[0].assessments", "0.9", "the weights must sum to 1, they sum to 0.9");
    }

    @Test
    void universityIssuingLevelWithoutAUniversityChain() {
        assertProblem(onlyProblem("credential-university-level-without-chain.yaml"),
                "credential-university-level-without-chain.yaml", 19, "tiers[0].credential.universityIssuingLevel",
                "需要该人才类别有 universityChain", "needs a universityChain in the tier");
    }

    @Test
    void afterWorkingPeriodNeedsAWorkingPeriodAndAYesOrNo() {
        List<DefinitionProblem> problems = failureOf("credential-after-working-period-with-phases.yaml").problems();
        assertThat(problems).hasSize(2);
        assertProblem(problems.get(0), "credential-after-working-period-with-phases.yaml", 21,
                "tiers[0].credential.afterWorkingPeriod", "按阶段（phases）实施", "this tier runs phases instead");
        assertThat(problems.get(1).field()).isEqualTo("tiers[1].credential.afterWorkingPeriod");
        assertThat(problems.get(1).line()).isEqualTo(34);
    }

    @Test
    void everyProblemInAFileIsReportedAtOnceInFileOrder() {
        ProgramDefinitionException failure = failureOf("many-problems.yaml");
        List<DefinitionProblem> problems = failure.problems();

        assertThat(problems).extracting(DefinitionProblem::line, DefinitionProblem::field).containsExactly(
                tuple(9, "tiers[0].quota"),
                tuple(15, "tiers[0].implementationPeriod"),
                tuple(16, "tiers[1].code"),
                tuple(19, "tiers[1].colour"),
                tuple(24, "tiers[1].reviewChain.steps[1].level"),
                tuple(24, "tiers[1].reviewChain.steps[1].action"));
        assertProblem(problems.get(0), "many-problems.yaml", 9, "tiers[0].quota", "名额不能为负数（-5）",
                "quota must not be negative (-5)");
        assertProblem(problems.get(1), "many-problems.yaml", 15, "tiers[0].implementationPeriod",
                "期限“six months”不是 ISO-8601 格式", "is not an ISO-8601 period");
        assertProblem(problems.get(2), "many-problems.yaml", 16, "tiers[1].code", "代码“backbone”重复",
                "code \"backbone\" is used twice");
        assertProblem(problems.get(3), "many-problems.yaml", 19, "tiers[1].colour", "未知字段“colour”",
                "unknown field \"colour\"");
        assertProblem(problems.get(5), "many-problems.yaml", 24, "tiers[1].reviewChain.steps[1].action",
                "不能再有第二个", "second DECIDE step");

        String[] lines = failure.getMessage().split("\\R");
        assertThat(lines).hasSize(7);
        assertThat(lines[0]).contains("6 个问题").contains("6 problems");
        assertThat(lines[1]).isEqualTo("definitions/invalid/many-problems.yaml:9:12 tiers[0].quota: "
                + "名额不能为负数（-5）；至少为 1 / quota must not be negative (-5); it must be at least 1");
    }

    private static DefinitionProblem onlyProblem(String file) {
        List<DefinitionProblem> problems = problemsOf(file);
        assertThat(problems).as("problems in %s", file).hasSize(1);
        return problems.get(0);
    }

    private static List<DefinitionProblem> problemsOf(String file) {
        return failureOf(file).problems();
    }

    private static ProgramDefinitionException failureOf(String file) {
        ProgramDefinitionException failure = catchThrowableOfType(ProgramDefinitionException.class,
                () -> ProgramDefinitionLoader.loadClasspath(DIR + file));
        assertThat(failure).as("loading %s fails", file).isNotNull();
        return failure;
    }

    private static void assertProblem(DefinitionProblem problem, String file, int line, String field,
                                      String zhFragment, String enFragment) {
        assertThat(problem.source()).isEqualTo(DIR + file);
        assertThat(problem.line()).as("line of %s", problem).isEqualTo(line);
        assertThat(problem.field()).as("field of %s", problem).isEqualTo(field);
        assertThat(problem.message().zh()).contains(zhFragment);
        assertThat(problem.message().en()).contains(enFragment);
    }
}
