package org.tierflow.core.spi;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Which days are working days (工作日), for periods counted in working days such as the publicity (公示) of
 * selected candidates. The host supplies its own to follow the State Council's yearly holiday notice: public
 * holidays are not working days, and make-up working days (调休上班, often a Saturday or Sunday) are.
 *
 * <p>TierFlow's default is {@link org.tierflow.core.support.WeekdayCalendar}: Monday to Friday in Asia/Shanghai,
 * with holidays and make-up working days from configuration.
 */
public interface WorkingDayCalendar {

    /** The time zone in which dates are read: a day starts and ends at midnight there. */
    ZoneId zone();

    /** Whether this date is a working day. */
    boolean isWorkingDay(LocalDate date);

    /**
     * When a period of {@code workingDays} working days that starts at {@code start} ends: the first day counted
     * is the start's own date if it is a working day (otherwise the next working day), and the period ends at
     * midnight, in {@link #zone()}, after the last working day counted. Published on Monday at 10:00 for five
     * working days (and no holiday), it ends on Saturday at 00:00.
     *
     * @param workingDays at least 1
     * @throws IllegalArgumentException when {@code workingDays} is less than 1
     */
    default Instant endOfPeriod(Instant start, int workingDays) {
        if (workingDays < 1) {
            throw new IllegalArgumentException("工作日数至少为 1，实际为 " + workingDays
                    + " / a period counts at least 1 working day, got " + workingDays);
        }
        LocalDate day = start.atZone(zone()).toLocalDate();
        int counted = 0;
        // Bounded: a calendar without any working day in ten years is a configuration error, not a long wait.
        for (int i = 0; i < 3660; i++, day = day.plusDays(1)) {
            if (isWorkingDay(day) && ++counted == workingDays) {
                return day.plusDays(1).atStartOfDay(zone()).toInstant();
            }
        }
        throw new IllegalStateException("工作日历在十年内没有足够的工作日 / the working-day calendar has too few working"
                + " days in ten years from " + start);
    }
}
