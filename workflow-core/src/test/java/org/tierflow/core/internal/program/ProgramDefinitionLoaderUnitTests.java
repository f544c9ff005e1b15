package org.tierflow.core.internal.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Period;
import java.util.List;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tierflow.core.api.program.AcceptanceDefinition;
import org.tierflow.core.api.program.CandidateKind;
import org.tierflow.core.api.program.Condition;
import org.tierflow.core.api.program.Condition.Comparison;
import org.tierflow.core.api.program.Condition.FactCondition;
import org.tierflow.core.api.program.DefinitionProblem;
import org.tierflow.core.api.program.EvaluationDefinition;
import org.tierflow.core.api.program.ExpertPanel;
import org.tierflow.core.api.program.PanelQuorum;
import org.tierflow.core.api.program.Funding;
import org.tierflow.core.api.program.LocalizedText;
import org.tierflow.core.api.program.OrganisationLevel;
import org.tierflow.core.api.program.ProgramDefinition;
import org.tierflow.core.api.program.ProgramDefinitionException;
import org.tierflow.core.ProgramDefinitionLoader;
import org.tierflow.core.api.program.ReviewAction;
import org.tierflow.core.api.program.ReviewChain;
import org.tierflow.core.api.program.ReviewStep;
import org.tierflow.core.api.program.ScoreAggregation;
import org.tierflow.core.api.program.TaskBookDefinition;
import org.tierflow.core.api.program.TierDefinition;
import org.tierflow.core.api.program.TrainingRequirement;

/** Loading valid definitions through each entry point, and how the loader fails when there is nothing to read. */
class ProgramDefinitionLoaderUnitTests {

    private static final String COMPLETE = "definitions/valid/complete-program.yaml";
    private static final String MINIMAL = "definitions/valid/minimal-program.yaml";

    @Test
    void completeDefinitionMapsEverySection() {
        ProgramDefinition program = ProgramDefinitionLoader.loadClasspath(COMPLETE);

        assertThat(program.code()).isEqualTo("ningxia-internet-plus-education-2020");
        assertThat(program.name().zh()).isEqualTo("自治区“互联网+教育”十百千万人才培养工程");
        assertThat(program.owner()).isEqualTo(OrganisationLevel.PROVINCE);
        assertThat(program.startYear()).isEqualTo(2020);
        assertThat(program.endYear()).isEqualTo(2022);
        assertThat(program.source()).startsWith("宁教师〔2020〕");
        assertThat(program.tiers()).extracting(TierDefinition::code).containsExactly("top-talent", "backbone-teacher");

        TierDefinition top = program.tier("top-talent").orElseThrow();
        assertThat(top.candidateKind()).isEqualTo(CandidateKind.PERSON);
        assertThat(top.quota()).isEqualTo(10);
        assertThat(top.implementationPeriod()).isEqualTo(Period.ofYears(1));
        assertThat(top.facts()).extracting(f -> f.code() + ":" + f.type())
                .containsExactly("yearsAsPrincipal:NUMBER", "papers:NUMBER", "researchProject:BOOLEAN", "title:TEXT");
        assertThat(top.facts().get(2).name())
                .isEqualTo(new LocalizedText("参与相关课题研究", "Took part in a related research project"));
    }

    @Test
    void eligibilityConditionsAreTypedAndNested() {
        TierDefinition top = ProgramDefinitionLoader.loadClasspath(COMPLETE).tier("top-talent").orElseThrow();

        assertThat(top.eligibility()).hasSize(3);
        assertThat(top.eligibility().get(0).condition())
                .isEqualTo(new FactCondition("yearsAsPrincipal", Comparison.AT_LEAST, new BigDecimal("2")));
        assertThat(top.eligibility().get(0).reason().en()).isEqualTo("At least 2 years as the school's principal leader");
        assertThat(top.eligibility().get(1).condition()).isEqualTo(new Condition.AnyOf(List.of(
                new FactCondition("papers", Comparison.AT_LEAST, new BigDecimal("3")),
                new FactCondition("researchProject", Comparison.EQUALS, Boolean.TRUE))));
        assertThat(top.eligibility().get(2).condition()).isEqualTo(new Condition.AllOf(List.of(
                new FactCondition("title", Comparison.EQUALS, "高级"),
                new FactCondition("papers", Comparison.AT_MOST, new BigDecimal("50")))));
    }

    @Test
    void chainsPanelsAndTaskBook() {
        ProgramDefinition program = ProgramDefinitionLoader.loadClasspath(COMPLETE);
        TierDefinition top = program.tier("top-talent").orElseThrow();

        ReviewChain chain = top.reviewChain();
        assertThat(chain.entryLevel()).isEqualTo(OrganisationLevel.SCHOOL);
        assertThat(chain.steps()).extracting(ReviewStep::level, ReviewStep::action).containsExactly(
                tuple(OrganisationLevel.SCHOOL, ReviewAction.RECOMMEND),
                tuple(OrganisationLevel.CITY, ReviewAction.SCREEN),
                tuple(OrganisationLevel.PROVINCE, ReviewAction.DECIDE));
        ExpertPanel panel = chain.decidingStep().panel().orElseThrow();
        assertThat(panel.experts()).isEqualTo(5);
        assertThat(panel.aggregation()).isEqualTo(ScoreAggregation.TRIMMED_MEAN);
        assertThat(panel.quorum()).isEqualTo(PanelQuorum.ratio(3));
        assertThat(panel.rubric()).extracting(c -> c.code() + "=" + c.weight() + "/" + c.maxScore())
                .containsExactly("innovation=0.4/100", "impact=0.6/100");
        assertThat(chain.steps().get(0).panel()).isEmpty();
        assertThat(ProgramDefinitionLoader.loadClasspath("org/tierflow/programs/ningxia-internet-plus-education-2020.yaml")
                .tier("top-talent").orElseThrow().reviewChain().decidingStep().panel())
                .as("no quorum written: every expert").map(ExpertPanel::quorum).contains(PanelQuorum.all(7));

        assertThat(top.universityChain()).hasValueSatisfying(u -> {
            assertThat(u.entryLevel()).isEqualTo(OrganisationLevel.UNIVERSITY);
            assertThat(u.decidingStep().level()).isEqualTo(OrganisationLevel.PROVINCE);
        });
        assertThat(top.chainFor(OrganisationLevel.UNIVERSITY)).isEqualTo(top.universityChain().orElseThrow());

        TaskBookDefinition taskBook = top.taskBook().orElseThrow();
        assertThat(taskBook.authority()).isEqualTo(OrganisationLevel.PROVINCE);
        assertThat(taskBook.universityAuthority()).contains(OrganisationLevel.UNIVERSITY);
        assertThat(taskBook.signingPeriod()).isEqualTo(Period.ofDays(30));
        assertThat(taskBook.goals()).extracting(LocalizedText::en).containsExactly("Team study", "Demonstration lessons");

        TierDefinition backbone = program.tier("backbone-teacher").orElseThrow();
        assertThat(backbone.candidateKind()).isEqualTo(CandidateKind.SCHOOL);
        assertThat(backbone.reviewChain().steps()).extracting(ReviewStep::action)
                .containsExactly(ReviewAction.RECOMMEND, ReviewAction.DECIDE, ReviewAction.FILE);
        assertThat(backbone.implementationPeriod()).isEqualTo(Period.of(2, 6, 0));
    }

    @Test
    void trainingAcceptanceEvaluationCredentialAndFunding() {
        TierDefinition top = ProgramDefinitionLoader.loadClasspath(COMPLETE).tier("top-talent").orElseThrow();

        TrainingRequirement training = top.training().orElseThrow();
        assertThat(training.window()).isEqualTo(Period.ofYears(1));
        assertThat(training.totalMinHours()).isEqualByComparingTo("120");
        assertThat(training.categories()).extracting(c -> c.code() + "=" + c.minHours())
                .containsExactly("centralised=20", "online=48", "practice=0");
        assertThat(training.ratios()).extracting(r -> r.category() + "=" + r.minPercent())
                .containsExactly("practice=50", "online=20.5");

        AcceptanceDefinition acceptance = top.acceptance().orElseThrow();
        assertThat(acceptance.chain().decidingStep().level()).isEqualTo(OrganisationLevel.PROVINCE);
        assertThat(acceptance.universityChain()).isPresent();
        assertThat(acceptance.onSite()).isFalse();
        assertThat(acceptance.extension()).isEqualTo(Period.ofMonths(3));
        assertThat(acceptance.maxExtensions()).isEqualTo(2);

        EvaluationDefinition evaluation = top.evaluation().orElseThrow();
        assertThat(evaluation.parties()).extracting(p -> p.code() + "=" + p.weight())
                .containsExactly("self=0.1", "institution=0.3", "employer=0.6");
        assertThat(evaluation.criteria()).extracting(c -> c.code()).containsExactly("ethics", "practice");
        assertThat(evaluation.passScore()).isEqualByComparingTo("60");

        assertThat(top.credential()).hasValueSatisfying(c -> {
            assertThat(c.title().zh()).isEqualTo("认定证书");
            assertThat(c.issuingLevel()).isEqualTo(OrganisationLevel.PROVINCE);
            assertThat(c.benefits()).hasSize(1);
        });

        Funding funding = top.funding().orElseThrow();
        assertThat(funding.unit()).isEqualTo(new LocalizedText("万元", "10,000 CNY"));
        assertThat(funding.perPerson()).isEqualByComparingTo("9.5");
        assertThat(funding.items()).extracting(i -> i.code() + "=" + i.amount())
                .containsExactly("study-abroad=1.5", "equipment=2");
    }

    @Test
    void optionalFieldsTakeTheirDocumentedDefaults() {
        ProgramDefinition program = ProgramDefinitionLoader.loadClasspath(MINIMAL);
        TierDefinition tier = program.tiers().get(0);

        assertThat(program.source()).isEmpty();
        assertThat(tier.candidateKind()).isEqualTo(CandidateKind.PERSON);
        assertThat(tier.facts()).isEmpty();
        assertThat(tier.eligibility()).isEmpty();
        assertThat(tier.universityChain()).isEmpty();
        assertThat(tier.taskBook()).isEmpty();
        assertThat(tier.training()).isEmpty();
        assertThat(tier.evaluation()).isEmpty();
        assertThat(tier.credential()).isEmpty();
        assertThat(tier.funding()).isEmpty();
        AcceptanceDefinition acceptance = tier.acceptance().orElseThrow();
        assertThat(acceptance.onSite()).isTrue();
        assertThat(acceptance.extension()).isEqualTo(Period.ofMonths(6));
        assertThat(acceptance.maxExtensions()).isEqualTo(1);
        assertThat(acceptance.universityChain()).isEmpty();
    }

    @Test
    void loadsFromAPathAndNamesProblemsByThatPath() throws URISyntaxException {
        Path valid = Path.of(getClass().getClassLoader().getResource(COMPLETE).toURI());
        assertThat(ProgramDefinitionLoader.load(valid).tiers()).hasSize(2);

        Path invalid = Path.of(getClass().getClassLoader().getResource("definitions/invalid/negative-quota.yaml").toURI());
        ProgramDefinitionException failure = catchThrowableOfType(ProgramDefinitionException.class,
                () -> ProgramDefinitionLoader.load(invalid));
        assertThat(failure.problems()).singleElement().satisfies(p -> {
            assertThat(p.source()).isEqualTo(invalid.toString());
            assertThat(p.line()).isEqualTo(9);
        });
        assertThat(failure.getMessage()).contains(invalid + ":9:12 tiers[0].quota: 名额不能为负数（-5）");
    }

    @Test
    void loadsFromAReaderUnderTheGivenName() {
        String yaml = """
                code: from-reader
                name: {zh: 读取, en: Read}
                owner: DISTRICT
                startYear: 2023
                endYear: 2025
                tiers:
                  - code: one
                    name: {zh: 一, en: One}
                    quota: 1
                    reviewChain: {entryLevel: SCHOOL, steps: [{level: DISTRICT, action: DECIDE, name: {zh: 区定, en: District decides}}]}
                    implementationPeriod: P6M
                """;
        assertThat(ProgramDefinitionLoader.load("inline.yaml", new StringReader(yaml)).owner())
                .isEqualTo(OrganisationLevel.DISTRICT);

        ProgramDefinitionException failure = catchThrowableOfType(ProgramDefinitionException.class,
                () -> ProgramDefinitionLoader.load("inline.yaml", new StringReader(yaml.replace("P6M", "half a year"))));
        assertThat(failure.problems()).singleElement().satisfies(p -> {
            assertThat(p.source()).isEqualTo("inline.yaml");
            assertThat(p.line()).isEqualTo(11);
            assertThat(p.field()).isEqualTo("tiers[0].implementationPeriod");
        });
    }

    @Test
    void classpathResourceMayStartWithASlash() {
        assertThat(ProgramDefinitionLoader.loadClasspath("/" + MINIMAL).code()).isEqualTo("minimal-program");
    }

    @Test
    void missingClasspathResourceIsOneProblemNamingIt() {
        DefinitionProblem problem = onlyProblem(() -> ProgramDefinitionLoader.loadClasspath("definitions/nope.yaml"));

        assertThat(problem.source()).isEqualTo("definitions/nope.yaml");
        assertThat(problem.line()).isZero();
        assertThat(problem.field()).isEqualTo("(document)");
        assertThat(problem.message().zh()).contains("类路径上找不到资源 definitions/nope.yaml");
        assertThat(problem.message().en()).contains("there is no resource definitions/nope.yaml on the classpath");
        assertThat(problem.toString()).startsWith("definitions/nope.yaml (document): ");
    }

    @Test
    void missingFileIsOneProblemNamingIt(@TempDir Path dir) {
        Path missing = dir.resolve("missing.yaml");

        DefinitionProblem problem = onlyProblem(() -> ProgramDefinitionLoader.load(missing));

        assertThat(problem.source()).isEqualTo(missing.toString());
        assertThat(problem.message().zh()).contains("找不到文件");
        assertThat(problem.message().en()).contains("does not exist");
    }

    @Test
    void fileNotInUtf8IsReportedAsSuch(@TempDir Path dir) throws IOException {
        Path gbk = dir.resolve("gbk.yaml");
        Files.write(gbk, "code: x\nname: {zh: 骨干教师, en: Backbone}\n".getBytes(java.nio.charset.Charset.forName("GBK")));

        DefinitionProblem problem = onlyProblem(() -> ProgramDefinitionLoader.load(gbk));

        assertThat(problem.message().zh()).contains("不是 UTF-8 编码");
        assertThat(problem.message().en()).contains("not encoded in UTF-8");
    }

    @Test
    void utf8FileWithChineseTextLoads(@TempDir Path dir) throws IOException, URISyntaxException {
        Path file = dir.resolve("utf8.yaml");
        Path minimal = Path.of(getClass().getClassLoader().getResource(MINIMAL).toURI());
        Files.writeString(file, Files.readString(minimal, StandardCharsets.UTF_8), StandardCharsets.UTF_8);

        assertThat(ProgramDefinitionLoader.load(file).tiers().get(0).name().zh()).isEqualTo("骨干教师");
    }

    private static DefinitionProblem onlyProblem(ThrowingCallable load) {
        ProgramDefinitionException failure = catchThrowableOfType(ProgramDefinitionException.class, load);
        assertThat(failure).isNotNull();
        assertThat(failure.problems()).hasSize(1);
        return failure.problems().get(0);
    }
}
