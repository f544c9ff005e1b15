package org.tierflow.core.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * Periods counted in working days (公示期): weekends and holidays do not count, make-up working days (调休上班) do,
 * and a period ends at midnight in Asia/Shanghai after its last working day. The dates are a made-up National Day
 * week: 1–7 October 2026 off, Sunday 27 September and Saturday 10 October worked.
 */
class WeekdayCalendarUnitTests {

    private static final List<LocalDate> NATIONAL_DAY = List.of(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 2),
            LocalDate.of(2026, 10, 5), LocalDate.of(2026, 10, 6), LocalDate.of(2026, 10, 7));
    private static final List<LocalDate> MAKE_UP = List.of(LocalDate.of(2026, 9, 27), LocalDate.of(2026, 10, 10));

    private final WeekdayCalendar plain = WeekdayCalendar.shanghai();
    private final WeekdayCalendar holidays = WeekdayCalendar.of(WeekdayCalendar.SHANGHAI, NATIONAL_DAY, MAKE_UP);

    @Test
    void fiveWorkingDaysFromAMondayEndAtMidnightBeforeSaturdayInShanghai() {
        Instant end = plain.endOfPeriod(shanghai(2026, 9, 14, 10, 0), 5);

        assertThat(end).isEqualTo(shanghai(2026, 9, 19, 0, 0));
        assertThat(end).isEqualTo(Instant.parse("2026-09-18T16:00:00Z"));
    }

    @Test
    void aPeriodAcrossAWeekendSkipsSaturdayAndSunday() {
        assertThat(plain.endOfPeriod(shanghai(2026, 9, 18, 15, 0), 5)).as("Fri, Mon, Tue, Wed, Thu")
                .isEqualTo(shanghai(2026, 9, 25, 0, 0));
    }

    @Test
    void aPeriodAcrossAHolidaySkipsItAndCountsTheMakeUpWorkingDay() {
        Instant published = shanghai(2026, 9, 30, 10, 0);

        assertThat(holidays.endOfPeriod(published, 5)).as("30 Sep, 8 Oct, 9 Oct, Sat 10 Oct (make-up), 12 Oct")
                .isEqualTo(shanghai(2026, 10, 13, 0, 0));
        WeekdayCalendar withoutMakeUp = WeekdayCalendar.of(WeekdayCalendar.SHANGHAI, NATIONAL_DAY, Set.of());
        assertThat(withoutMakeUp.endOfPeriod(published, 5)).isEqualTo(shanghai(2026, 10, 14, 0, 0));
    }

    @Test
    void publishedOnAMakeUpSundayThatDayCounts() {
        assertThat(holidays.isWorkingDay(LocalDate.of(2026, 9, 27))).isTrue();
        assertThat(holidays.isWorkingDay(LocalDate.of(2026, 9, 26))).isFalse();
        assertThat(holidays.isWorkingDay(LocalDate.of(2026, 10, 1))).isFalse();

        assertThat(holidays.endOfPeriod(shanghai(2026, 9, 27, 9, 0), 5)).as("27, 28, 29, 30 Sep, 8 Oct")
                .isEqualTo(shanghai(2026, 10, 9, 0, 0));
        assertThat(holidays.endOfPeriod(shanghai(2026, 9, 26, 9, 0), 1)).as("published on a Saturday: Sunday 27 counts")
                .isEqualTo(shanghai(2026, 9, 28, 0, 0));
    }

    @Test
    void theDayIsReadInTheCalendarsZone() {
        // 23:30 UTC on Sunday is 07:30 on Monday in Shanghai: Monday counts.
        assertThat(plain.endOfPeriod(Instant.parse("2026-09-13T23:30:00Z"), 1)).isEqualTo(shanghai(2026, 9, 15, 0, 0));
    }

    @Test
    void refusesADateThatIsBothAHolidayAndAMakeUpDayAndAnEmptyPeriod() {
        assertThatThrownBy(() -> WeekdayCalendar.of(WeekdayCalendar.SHANGHAI, List.of(LocalDate.of(2026, 10, 10)), MAKE_UP))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2026-10-10").hasMessageContaining("既是节假日又是调休工作日")
                .hasMessageContaining("both holidays and make-up working days");
        assertThatThrownBy(() -> plain.endOfPeriod(Instant.now(), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1 working day");
    }

    static Instant shanghai(int year, int month, int day, int hour, int minute) {
        return ZonedDateTime.of(LocalDateTime.of(year, month, day, hour, minute), WeekdayCalendar.SHANGHAI).toInstant();
    }
}
