package org.tierflow.core.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tierflow.core.training.AfterSelectionFixture.QINGDAO;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.tierflow.core.api.HourRecord;
import org.tierflow.core.api.InvalidRequestException;
import org.tierflow.core.api.LedgerEntry;
import org.tierflow.core.api.Nomination;
import org.tierflow.core.api.TrainingService;

/**
 * A training platform may send the same hour record again (a retry, a nightly re-sync, two nodes at once):
 * the ledger keeps one row per (source, record id) and refuses a different payload under the same id.
 * Subclasses choose the database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class LedgerIdempotencyScenarios {

    static final LocalDate SELECTED_ON = LocalDate.of(2024, 3, 1);
    static final LocalDate TODAY = LocalDate.of(2024, 9, 1);
    static final String PLATFORM = "qingdao-online-platform";

    AfterSelectionFixture fixture;
    TrainingService training;
    Nomination selected;

    abstract AfterSelectionFixture startFixture();

    @BeforeAll
    void start() {
        fixture = startFixture();
        training = fixture.tierFlow.training();
    }

    @AfterAll
    void stop() throws Exception {
        if (fixture != null) {
            fixture.close();
        }
    }

    @BeforeEach
    void selectACandidate() {
        selected = fixture.select(QINGDAO, "elite-teacher", "shinan-school-1", SELECTED_ON);
        fixture.today(TODAY);
    }

    @Test
    void theSameRecordSentTwiceIsStoredOnceAndAnsweredWithTheStoredRow() {
        HourRecord record = online("course-7781", "6", LocalDate.of(2024, 4, 2));

        LedgerEntry first = training.record(record);
        fixture.today(TODAY.plusDays(3));
        LedgerEntry again = training.record(record);

        assertThat(again).isEqualTo(first);
        assertThat(again.recordedAt()).as("the re-send changed nothing, not even the time").isEqualTo(first.recordedAt());
        assertThat(rowsOf(record)).isEqualTo(1);
        assertThat(training.ledger(selected.id())).containsExactly(first);
        assertThat(training.progress(selected.id()).totalRecorded()).isEqualByComparingTo("6");
    }

    @Test
    void hoursWrittenWithADifferentScaleAreTheSameRecord() {
        training.record(online("course-scale", "6", LocalDate.of(2024, 4, 2)));

        LedgerEntry again = training.record(online("course-scale", "6.00", LocalDate.of(2024, 4, 2)));

        assertThat(again.hours()).isEqualByComparingTo("6");
        assertThat(rowsOf(online("course-scale", "6", LocalDate.of(2024, 4, 2)))).isEqualTo(1);
    }

    @Test
    void aDifferentPayloadUnderTheSameIdIsRefusedNamingTheFieldsAndChangesNothing() {
        HourRecord original = online("course-9001", "4", LocalDate.of(2024, 5, 6));
        LedgerEntry stored = training.record(original);

        HourRecord changed = new HourRecord(selected.id(), "course-9001", "centralised", new BigDecimal("5"),
                LocalDate.of(2024, 5, 6), PLATFORM, original.description());
        assertThatThrownBy(() -> training.record(changed))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.code()).isEqualTo("conflicting-hour-record");
                    assertThat(e.text().en()).contains("course-9001", PLATFORM, "categoryCode", "hours")
                            .doesNotContain("date");
                    assertThat(e.text().zh()).contains("course-9001", "categoryCode", "hours");
                });

        assertThat(training.ledger(selected.id())).containsExactly(stored);
        assertThat(rowsOf(original)).isEqualTo(1);
    }

    @Test
    void theSameIdFromAnotherSourceIsAnotherRecord() {
        training.record(online("shared-id-1", "2", LocalDate.of(2024, 6, 1)));
        training.record(new HourRecord(selected.id(), "shared-id-1", "online", new BigDecimal("3"),
                LocalDate.of(2024, 6, 1), "district-training-centre", null));

        assertThat(training.ledger(selected.id())).extracting(LedgerEntry::source)
                .containsExactlyInAnyOrder(PLATFORM, "district-training-centre");
        assertThat(training.progress(selected.id()).totalRecorded()).isEqualByComparingTo("5");
    }

    @Test
    void concurrentReSendsStoreOneRowAndAllGetIt() throws Exception {
        HourRecord record = online("course-race", "3.5", LocalDate.of(2024, 7, 15));
        int senders = 6;
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<LedgerEntry>> answers = new ArrayList<>();
            for (int i = 0; i < senders; i++) {
                answers.add(pool.submit(() -> {
                    go.await();
                    return training.record(record);
                }));
            }
            go.countDown();
            List<LedgerEntry> entries = new ArrayList<>();
            for (Future<LedgerEntry> answer : answers) {
                entries.add(answer.get(60, TimeUnit.SECONDS));
            }

            assertThat(entries).as("every sender gets the one stored row").allMatch(e -> e.equals(entries.get(0)));
            assertThat(rowsOf(record)).isEqualTo(1);
            assertThat(training.ledger(selected.id())).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    private HourRecord online(String externalId, String hours, LocalDate date) {
        return new HourRecord(selected.id(), externalId, "online", new BigDecimal(hours), date, PLATFORM,
                "网络课程 " + externalId + " / online course " + externalId);
    }

    private long rowsOf(HourRecord record) {
        return fixture.count("tierflow_training_hours", "source = ? and external_record_id = ?", record.source(),
                record.externalRecordId());
    }
}
