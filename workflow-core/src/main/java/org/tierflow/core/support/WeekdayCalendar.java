package org.tierflow.core.support;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.tierflow.core.spi.WorkingDayCalendar;

/**
 * The default {@link WorkingDayCalendar}: Monday to Friday are working days, except the given holidays; the given
 * make-up working days (调休上班) are working days whatever weekday they fall on. Immutable.
 */
public final class WeekdayCalendar implements WorkingDayCalendar {

    /** The zone TierFlow reads dates in unless told otherwise. */
    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final ZoneId zone;
    private final Set<LocalDate> holidays;
    private final Set<LocalDate> makeUpWorkingDays;

    private WeekdayCalendar(ZoneId zone, Collection<LocalDate> holidays, Collection<LocalDate> makeUpWorkingDays) {
        this.zone = Objects.requireNonNull(zone, "zone");
        this.holidays = Set.copyOf(holidays);
        this.makeUpWorkingDays = Set.copyOf(makeUpWorkingDays);
        TreeSet<LocalDate> both = new TreeSet<>(this.holidays);
        both.retainAll(this.makeUpWorkingDays);
        if (!both.isEmpty()) {
            throw new IllegalArgumentException("日期 " + both + " 既是节假日又是调休工作日 / the dates " + both
                    + " are both holidays and make-up working days");
        }
    }

    /** Monday to Friday in Asia/Shanghai, without holidays. */
    public static WeekdayCalendar shanghai() {
        return new WeekdayCalendar(SHANGHAI, Set.of(), Set.of());
    }

    /**
     * Monday to Friday in {@code zone}, without {@code holidays}, with {@code makeUpWorkingDays}.
     *
     * @throws IllegalArgumentException when a date is both a holiday and a make-up working day
     */
    public static WeekdayCalendar of(ZoneId zone, Collection<LocalDate> holidays, Collection<LocalDate> makeUpWorkingDays) {
        return new WeekdayCalendar(zone, holidays, makeUpWorkingDays);
    }

    @Override
    public ZoneId zone() {
        return zone;
    }

    @Override
    public boolean isWorkingDay(LocalDate date) {
        if (makeUpWorkingDays.contains(date)) {
            return true;
        }
        if (holidays.contains(date)) {
            return false;
        }
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY;
    }

    /** The holidays, in date order. */
    public Set<LocalDate> holidays() {
        return new TreeSet<>(holidays);
    }

    /** The make-up working days, in date order. */
    public Set<LocalDate> makeUpWorkingDays() {
        return new TreeSet<>(makeUpWorkingDays);
    }

    @Override
    public String toString() {
        return "WeekdayCalendar[" + zone + ", holidays=" + holidays() + ", makeUpWorkingDays=" + makeUpWorkingDays() + "]";
    }
}
