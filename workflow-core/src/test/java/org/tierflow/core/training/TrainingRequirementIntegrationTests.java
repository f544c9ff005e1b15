package org.tierflow.core.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tierflow.core.training.AfterSelectionFixture.NATIONAL;
import static org.tierflow.core.training.AfterSelectionFixture.NINGXIA;
import static org.tierflow.core.training.AfterSelectionFixture.QINGDAO;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.tierflow.core.api.HourRecord;
import org.tierflow.core.api.InvalidRequestException;
import org.tierflow.core.api.LedgerEntry;
import org.tierflow.core.api.Nomination;
import org.tierflow.core.api.NotFoundException;
import org.tierflow.core.api.TrainingProgress;
import org.tierflow.core.api.TrainingService;
import org.tierflow.core.api.program.LocalizedText;

/**
 * Training hours against the seed programs' requirements, on the real engine and H2: Qingdao's per-category
 * minimums (centralised ≥ 20, online ≥ 48) and the national 2.0 project's total and practice share
 * (≥ 50 h in five years, ≥ 50 % practice); what progress tells a candidate; what the ledger refuses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrainingRequirementIntegrationTests {

    static final LocalDate SELECTED_ON = LocalDate.of(2024, 3, 1);
    static final LocalDate TODAY = LocalDate.of(2024, 9, 1);

    AfterSelectionFixture fixture;
    TrainingService training;
    final AtomicInteger recordIds = new AtomicInteger();

    @BeforeAll
    void start() {
        fixture = AfterSelectionFixture.onH2("training-requirement");
        training = fixture.tierFlow.training();
    }

    @AfterAll
    void stop() throws Exception {
        fixture.close();
    }

    @AfterEach
    void realTime() {
        fixture.resetClock();
    }

    @Test
    void qingdaoPartialProgressSaysWhatIsMissingUntilBothMinimumsAreMet() {
        Nomination teacher = selectQingdaoTeacher();
        record(teacher, "centralised", "6", LocalDate.of(2024, 3, 4));
        record(teacher, "centralised", "6", LocalDate.of(2024, 3, 5));
        record(teacher, "online", "24", LocalDate.of(2024, 4, 10));
        record(teacher, "online", "16", LocalDate.of(2024, 5, 10));
        record(teacher, "practice-base", "5", LocalDate.of(2024, 6, 1));

        TrainingProgress partial = training.progress(teacher.id());

        assertThat(partial.met()).isFalse();
        assertThat(partial.windowStart()).isEqualTo(SELECTED_ON);
        assertThat(partial.windowEnd()).isEqualTo(LocalDate.of(2025, 2, 28));
        assertThat(partial.categories()).extracting(TrainingProgress.Category::code)
                .containsExactly("centralised", "online", "practice-base");
        TrainingProgress.Category centralised = partial.categories().get(0);
        assertThat(centralised.recorded()).isEqualByComparingTo("12");
        assertThat(centralised.required()).isEqualByComparingTo("20");
        assertThat(centralised.missing()).isEqualByComparingTo("8");
        assertThat(centralised.met()).isFalse();
        TrainingProgress.Category online = partial.categories().get(1);
        assertThat(online.recorded()).isEqualByComparingTo("40");
        assertThat(online.missing()).isEqualByComparingTo("8");
        TrainingProgress.Category practiceBase = partial.categories().get(2);
        assertThat(practiceBase.recorded()).isEqualByComparingTo("5");
        assertThat(practiceBase.met()).as("any amount of practice-base training counts").isTrue();
        assertThat(partial.totalRecorded()).isEqualByComparingTo("57");
        assertThat(partial.totalRequired()).as("the sum of the category minimums").isEqualByComparingTo("68");
        assertThat(partial.missing()).containsExactly(
                new LocalizedText("还差 8 课时集中学习", "8 more hours of centralised learning"),
                new LocalizedText("还差 8 课时网络培训", "8 more hours of online training"));

        record(teacher, "centralised", "8", LocalDate.of(2024, 7, 1));
        record(teacher, "online", "8", LocalDate.of(2024, 8, 31));
        TrainingProgress done = training.progress(teacher.id());

        assertThat(done.met()).isTrue();
        assertThat(done.missing()).isEmpty();
        assertThat(done.totalMissing()).isEqualByComparingTo("0");
        assertThat(done.categories()).allMatch(TrainingProgress.Category::met);
    }

    @Test
    void nationalPracticeShareIsNotMetAtAThirdAndMetAtHalf() {
        Nomination teacher = selectNationalTeacher();
        record(teacher, "online-training", "24", LocalDate.of(2024, 4, 1));
        record(teacher, "school-based-study", "16", LocalDate.of(2024, 5, 1));
        record(teacher, "practice", "20", LocalDate.of(2024, 6, 1));

        TrainingProgress third = training.progress(teacher.id());

        assertThat(third.totalRecorded()).isEqualByComparingTo("60");
        assertThat(third.totalRequired()).isEqualByComparingTo("50");
        assertThat(third.totalMissing()).as("60 hours are more than the 50 required").isEqualByComparingTo("0");
        assertThat(third.ratios()).singleElement().satisfies(ratio -> {
            assertThat(ratio.category()).isEqualTo("practice");
            assertThat(ratio.actualPercent()).isEqualByComparingTo("33.33");
            assertThat(ratio.requiredPercent()).isEqualByComparingTo("50");
            assertThat(ratio.met()).isFalse();
        });
        assertThat(third.met()).isFalse();
        assertThat(third.missing()).containsExactly(
                new LocalizedText("还差 20 课时实践应用", "20 more hours of practice and application"),
                new LocalizedText("实践应用课时须占全部课时的 50% 以上，目前为 33.33%",
                        "Practice and application must make up at least 50 % of all hours; now 33.33 %"));
        assertThat(third.windowEnd()).as("five years from selection").isEqualTo(LocalDate.of(2029, 2, 28));

        record(teacher, "practice", "20", LocalDate.of(2024, 8, 1));
        TrainingProgress half = training.progress(teacher.id());

        assertThat(half.ratios().get(0).actualPercent()).isEqualByComparingTo("50");
        assertThat(half.ratios().get(0).met()).isTrue();
        assertThat(half.met()).isTrue();
        assertThat(half.missing()).isEmpty();
    }

    @Test
    void shortOfTheTotalAndTheShareProgressNamesTheLeastThatMeetsBoth() {
        Nomination teacher = selectNationalTeacher();
        record(teacher, "online-training", "10", LocalDate.of(2024, 4, 1));

        TrainingProgress progress = training.progress(teacher.id());

        assertThat(progress.totalMissing()).isEqualByComparingTo("40");
        assertThat(progress.missing()).containsExactly(
                new LocalizedText("还差 25 课时实践应用", "25 more hours of practice and application"),
                new LocalizedText("还差 15 课时（任意类别）", "15 more hours in any category"),
                new LocalizedText("实践应用课时须占全部课时的 50% 以上，目前为 0%",
                        "Practice and application must make up at least 50 % of all hours; now 0 %"));

        record(teacher, "practice", "24", LocalDate.of(2024, 5, 1));
        record(teacher, "practice", "1", LocalDate.of(2024, 5, 2));
        record(teacher, "school-based-study", "15", LocalDate.of(2024, 5, 3));
        assertThat(training.progress(teacher.id()).met()).as("following the advice meets every rule").isTrue();
    }

    @Test
    void nothingRecordedYetMeansEverythingIsMissing() {
        Nomination teacher = selectQingdaoTeacher();

        TrainingProgress progress = training.progress(teacher.id());

        assertThat(progress.totalRecorded()).isEqualByComparingTo("0");
        assertThat(progress.met()).isFalse();
        assertThat(progress.missing()).extracting(LocalizedText::en)
                .containsExactly("20 more hours of centralised learning", "48 more hours of online training");
    }

    @Test
    void wrongFieldsAreRefusedByNameAndNothingIsStored() {
        Nomination teacher = selectQingdaoTeacher();

        assertRefused(new HourRecord(teacher.id(), nextId(), "offline", BigDecimal.ONE, TODAY, "platform", null),
                "categoryCode", "offline", "centralised, online, practice-base");
        assertRefused(hours(teacher, "0"), "hours");
        assertRefused(hours(teacher, "-2"), "hours");
        assertRefused(hours(teacher, "24.5"), "hours");
        assertRefused(hours(teacher, "1.125"), "hours", "two decimals");
        assertRefused(onDay(teacher, SELECTED_ON.minusDays(1)), "date", "2024-02-29", "2024-03-01", "2025-02-28");
        assertRefused(onDay(teacher, TODAY.plusDays(1)), "date", "future");
        assertRefused(new HourRecord(teacher.id(), null, "online", null, TODAY, " ", "x".repeat(2001)),
                "externalRecordId", "source", "hours", "description");

        assertThat(training.ledger(teacher.id())).isEmpty();
        assertThat(training.record(hours(teacher, "24")).hours()).as("24 hours is the most one record may hold")
                .isEqualByComparingTo("24");
    }

    @Test
    void hoursAfterTheWindowAreRefusedEvenWhenRecordedLater() {
        Nomination teacher = selectQingdaoTeacher();
        fixture.today(LocalDate.of(2025, 6, 1));

        record(teacher, "online", "2", LocalDate.of(2025, 2, 28));
        assertRefused(onDay(teacher, LocalDate.of(2025, 3, 1)), "date", "outside the window");
    }

    @Test
    void onlySelectedNominationsTakeHours() {
        fixture.today(TODAY);
        Nomination waiting = fixture.submit(QINGDAO, "elite-teacher", "shinan-school-1");

        assertThatThrownBy(() -> training.record(hours(waiting, "2")))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.code()).isEqualTo("not-selected");
                    assertThat(e.text().en()).contains(waiting.id(), "IN_REVIEW", "SELECTED");
                });
        assertThatThrownBy(() -> training.progress(waiting.id()))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.code()).isEqualTo("not-selected"));
        assertThatThrownBy(() -> training.record(new HourRecord("no-such-nomination", nextId(), "online",
                BigDecimal.ONE, TODAY, "platform", null))).isInstanceOf(NotFoundException.class);
        assertThat(fixture.count("tierflow_training_hours", "nomination_id = ?", waiting.id())).isZero();
    }

    @Test
    void aTierWithoutTrainingRulesTakesNoHours() {
        Nomination backbone = fixture.select(NINGXIA, "backbone-talent", "litong-school-1", SELECTED_ON);
        fixture.today(TODAY);

        assertThatThrownBy(() -> training.record(hours(backbone, "2")))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.code()).isEqualTo("no-training-requirement"));
        assertThatThrownBy(() -> training.progress(backbone.id()))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.code()).isEqualTo("no-training-requirement"));
    }

    @Test
    void theLedgerListsEveryRowByDateAndKeepsThem() {
        Nomination teacher = selectQingdaoTeacher();
        LedgerEntry june = record(teacher, "online", "3", LocalDate.of(2024, 6, 1));
        LedgerEntry march = record(teacher, "centralised", "4", LocalDate.of(2024, 3, 2));
        LedgerEntry april = record(teacher, "practice-base", "1.5", LocalDate.of(2024, 4, 1));

        assertThat(training.ledger(teacher.id())).containsExactly(march, april, june);
        assertThat(april.hours()).isEqualByComparingTo("1.5");
        assertThat(april.recordedAt()).isEqualTo(TODAY.atTime(12, 0).atZone(AfterSelectionFixture.CHINA).toInstant());
    }

    private Nomination selectQingdaoTeacher() {
        Nomination nomination = fixture.select(QINGDAO, "elite-teacher", "shinan-school-1", SELECTED_ON);
        fixture.today(TODAY);
        return nomination;
    }

    private Nomination selectNationalTeacher() {
        Nomination nomination = fixture.select(NATIONAL, "teacher", "xingqing-school-1", SELECTED_ON);
        fixture.today(TODAY);
        return nomination;
    }

    private LedgerEntry record(Nomination nomination, String category, String hours, LocalDate date) {
        return training.record(new HourRecord(nomination.id(), nextId(), category, new BigDecimal(hours), date,
                "test-platform", category + " " + date));
    }

    private HourRecord hours(Nomination nomination, String hours) {
        return new HourRecord(nomination.id(), nextId(), "online", new BigDecimal(hours), TODAY, "test-platform", null);
    }

    private HourRecord onDay(Nomination nomination, LocalDate date) {
        return new HourRecord(nomination.id(), nextId(), "online", BigDecimal.ONE, date, "test-platform", null);
    }

    private String nextId() {
        return "record-" + recordIds.incrementAndGet();
    }

    private void assertRefused(HourRecord record, String... named) {
        assertThatThrownBy(() -> training.record(record))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.code()).isEqualTo("invalid-hour-record");
                    assertThat(e.text().en()).contains(named);
                    assertThat(e.text().zh()).contains(named[0]);
                });
    }
}
