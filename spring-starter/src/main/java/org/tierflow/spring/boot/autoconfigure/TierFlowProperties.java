package org.tierflow.spring.boot.autoconfigure;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.tierflow.core.api.ReviewPolicies;
import org.tierflow.core.api.ReviewPolicies.EmptyApproverPolicy;
import org.tierflow.core.api.ReviewPolicies.SelfApprovalPolicy;
import org.tierflow.core.spi.WorkingDayCalendar;
import org.tierflow.core.support.WeekdayCalendar;

/**
 * Configuration of TierFlow in a Spring Boot application, under {@code tierflow.*}. Immutable: bound once
 * through the constructor. The reference of every property is {@code docs/reference/properties.md}.
 */
@ConfigurationProperties("tierflow")
public class TierFlowProperties {

    /**
     * Program definitions to load.
     */
    private final Programs programs;

    /**
     * The organisation tree, when the host does not provide its own OrganisationDirectory bean.
     */
    private final Organisations organisations;

    /**
     * Language TierFlow uses when it has to pick one of its bilingual (Chinese and English) texts and the
     * caller named none: REST API requests without an Accept-Language header, and notices (which arrive in a
     * later release). Exception messages stay bilingual.
     */
    private final Locale defaultLocale;

    /**
     * How reviews are assigned when a level has nobody to act or the applicant would review themselves.
     */
    private final Review review;

    /**
     * Public announcement of the selected candidates.
     */
    private final Publicity publicity;

    /**
     * Reminders before deadlines.
     */
    private final Reminders reminders;

    /**
     * TierFlow's REST API.
     */
    private final Web web;

    /**
     * Timers and asynchronous jobs on this node.
     */
    private final Jobs jobs;

    /**
     * How nomination events reach the host.
     */
    private final Events events;

    public TierFlowProperties(@DefaultValue Programs programs, @DefaultValue Organisations organisations,
                              @DefaultValue("zh_CN") Locale defaultLocale, @DefaultValue Review review,
                              @DefaultValue Publicity publicity, @DefaultValue Reminders reminders,
                              @DefaultValue Web web, @DefaultValue Jobs jobs, @DefaultValue Events events) {
        this.programs = programs;
        this.organisations = organisations;
        this.defaultLocale = defaultLocale;
        this.review = review;
        this.publicity = publicity;
        this.reminders = reminders;
        this.web = web;
        this.jobs = jobs;
        this.events = events;
    }

    public Programs getPrograms() {
        return programs;
    }

    public Organisations getOrganisations() {
        return organisations;
    }

    public Locale getDefaultLocale() {
        return defaultLocale;
    }

    public Review getReview() {
        return review;
    }

    public Publicity getPublicity() {
        return publicity;
    }

    public Reminders getReminders() {
        return reminders;
    }

    public Web getWeb() {
        return web;
    }

    public Jobs getJobs() {
        return jobs;
    }

    public Events getEvents() {
        return events;
    }

    /**
     * Where program definition files are read from.
     */
    public static class Programs {

        /**
         * Resource patterns of program definition files (YAML). Every match is loaded and validated at
         * start-up; any problem stops the start with every problem listed. The five seed programs TierFlow
         * ships are at "classpath*:org/tierflow/programs/*.yaml".
         */
        private final List<String> locations;

        public Programs(@DefaultValue("classpath*:tierflow/programs/*.yaml") List<String> locations) {
            this.locations = List.copyOf(locations);
        }

        public List<String> getLocations() {
            return locations;
        }
    }

    /**
     * An in-memory organisation tree, for hosts without their own organisation directory.
     */
    public static class Organisations {

        /**
         * Resource of an organisation tree in YAML (see docs/reference/organisation-directory.md), used
         * only when the host defines no OrganisationDirectory bean. TierFlow ships
         * "classpath:org/tierflow/organisations/ningxia.yaml" and "classpath:org/tierflow/organisations/qingdao.yaml".
         */
        private final String location;

        public Organisations(String location) {
            this.location = location;
        }

        public String getLocation() {
            return location;
        }
    }

    /**
     * Review policies, used unless the host declares its own ReviewPolicies bean.
     */
    public static class Review {

        /**
         * What TierFlow does when the approver directory names nobody for a level: ESCALATE (the approvers of
         * the nearest unit above with any take the review), AUTO_PASS (the level passes, and the timeline says
         * so) or ADMINISTRATOR (the user named by tierflow.review.administrator takes the review).
         */
        private final EmptyApproverPolicy emptyApprovers;

        /**
         * User id of the administrator who takes reviews nobody else can; required when
         * tierflow.review.empty-approvers is ADMINISTRATOR.
         */
        private final String administrator;

        /**
         * What TierFlow does when the applicant is among a level's approvers: SKIP_TO_NEXT_LEVEL (the level
         * passes automatically, the timeline records why) or EXCLUDE_APPLICANT (the level's other approvers
         * review).
         */
        private final SelfApprovalPolicy selfApproval;

        public Review(@DefaultValue("ESCALATE") EmptyApproverPolicy emptyApprovers, String administrator,
                      @DefaultValue("SKIP_TO_NEXT_LEVEL") SelfApprovalPolicy selfApproval) {
            this.emptyApprovers = emptyApprovers;
            this.administrator = administrator;
            this.selfApproval = selfApproval;
        }

        public EmptyApproverPolicy getEmptyApprovers() {
            return emptyApprovers;
        }

        public String getAdministrator() {
            return administrator;
        }

        public SelfApprovalPolicy getSelfApproval() {
            return selfApproval;
        }

        /**
         * These settings as TierFlow's policies.
         *
         * @throws IllegalStateException naming the properties when ADMINISTRATOR is chosen without an administrator
         */
        public ReviewPolicies toPolicies() {
            if (emptyApprovers == EmptyApproverPolicy.ADMINISTRATOR && (administrator == null || administrator.isBlank())) {
                throw new IllegalStateException("tierflow.review.empty-approvers=ADMINISTRATOR 时必须设置 tierflow.review.administrator"
                        + " / tierflow.review.empty-approvers=ADMINISTRATOR needs tierflow.review.administrator (a user id)");
            }
            return new ReviewPolicies(emptyApprovers, administrator, selfApproval);
        }
    }

    /**
     * Public announcement (公示) of the candidates a level selected, before the selection becomes final.
     */
    public static class Publicity {

        /**
         * How long the selected candidates are announced publicly (公示) before the selection becomes final,
         * during which objections may be filed, counted in WORKING days: "5d" is five working days of the
         * working-day calendar (weekends, holidays and make-up working days as configured). Whole days only,
         * at least one.
         */
        private final Duration period;

        /**
         * Time zone of the working-day calendar: a day starts and ends at midnight there. Ignored when the host
         * declares its own WorkingDayCalendar bean.
         */
        private final ZoneId zone;

        /**
         * Public holidays that are not working days even on a weekday (for example the days of the State
         * Council's yearly holiday notice), as ISO dates: 2026-10-01. Ignored when the host declares its own
         * WorkingDayCalendar bean.
         */
        private final List<LocalDate> holidays;

        /**
         * Make-up working days (调休上班) that are working days even on a Saturday or Sunday, as ISO dates.
         * Ignored when the host declares its own WorkingDayCalendar bean.
         */
        private final List<LocalDate> makeUpWorkingDays;

        public Publicity(@DefaultValue("5d") Duration period, @DefaultValue("Asia/Shanghai") ZoneId zone,
                         @DefaultValue List<LocalDate> holidays, @DefaultValue List<LocalDate> makeUpWorkingDays) {
            this.period = period;
            this.zone = zone;
            this.holidays = List.copyOf(holidays);
            this.makeUpWorkingDays = List.copyOf(makeUpWorkingDays);
        }

        public Duration getPeriod() {
            return period;
        }

        public ZoneId getZone() {
            return zone;
        }

        public List<LocalDate> getHolidays() {
            return holidays;
        }

        public List<LocalDate> getMakeUpWorkingDays() {
            return makeUpWorkingDays;
        }

        /**
         * The period as a number of working days.
         *
         * @throws IllegalStateException naming the property when the period is not a whole number of days, at least 1
         */
        public int workingDays() {
            if (period.isNegative() || period.isZero() || !period.equals(Duration.ofDays(period.toDays()))) {
                throw new IllegalStateException("tierflow.publicity.period 必须是至少 1 天的整天数（按工作日计），实际为 "
                        + period + " / tierflow.publicity.period must be a whole number of days, at least 1 (counted"
                        + " as working days), got " + period);
            }
            return Math.toIntExact(period.toDays());
        }

        /** The working-day calendar these settings describe: Monday to Friday, with the holidays and make-up days. */
        public WorkingDayCalendar toCalendar() {
            return WeekdayCalendar.of(zone, holidays, makeUpWorkingDays);
        }
    }

    /**
     * Reminders sent to approvers and candidates before a deadline.
     */
    public static class Reminders {

        /**
         * How long before a deadline (a review, a task book, an acceptance) reminders are sent, one reminder per
         * entry. Read by deadline reminders, which arrive in a later release; setting it now has no effect yet.
         */
        private final List<Duration> leadTimes;

        public Reminders(@DefaultValue({"3d", "1d"}) List<Duration> leadTimes) {
            this.leadTimes = List.copyOf(leadTimes);
        }

        public List<Duration> getLeadTimes() {
            return leadTimes;
        }
    }

    /**
     * TierFlow's REST API.
     */
    public static class Web {

        /**
         * Whether TierFlow's REST API is exposed by this application (a Spring MVC application only). The
         * caller's identity comes from the host's security, through the request's user principal.
         */
        private final boolean enabled;

        /**
         * Path under which TierFlow's REST API is mapped, relative to the application's context path.
         */
        private final String basePath;

        public Web(@DefaultValue("false") boolean enabled, @DefaultValue("/tierflow/api") String basePath) {
            this.enabled = enabled;
            this.basePath = basePath;
        }

        public boolean isEnabled() {
            return enabled;
        }

        public String getBasePath() {
            return basePath;
        }
    }

    /**
     * Whether this node runs timers and asynchronous jobs, so a web-only node can run without them.
     */
    public static class Jobs {

        /**
         * Whether this node runs Flowable's async executor (timers such as task-book deadlines and the
         * six-month extension, and asynchronous jobs). Set to false on web-only nodes: they still read and
         * write everything, and the nodes with jobs enabled run the timers. When true, Flowable's own
         * flowable.async-executor-activate decides.
         */
        private final boolean enabled;

        public Jobs(@DefaultValue("true") boolean enabled) {
            this.enabled = enabled;
        }

        public boolean isEnabled() {
            return enabled;
        }
    }

    /**
     * How nomination events reach the host besides its NominationListener beans.
     */
    public static class Events {

        /**
         * Whether every nomination event is also published as a Spring application event
         * (org.tierflow.spring.boot.TierFlowNominationEvent), after the transaction committed.
         */
        private final boolean publishApplicationEvents;

        public Events(@DefaultValue("true") boolean publishApplicationEvents) {
            this.publishApplicationEvents = publishApplicationEvents;
        }

        public boolean isPublishApplicationEvents() {
            return publishApplicationEvents;
        }
    }
}
