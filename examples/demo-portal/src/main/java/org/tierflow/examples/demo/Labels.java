package org.tierflow.examples.demo;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.tierflow.core.api.Nomination;
import org.tierflow.core.api.OrganisationUnit;
import org.tierflow.core.api.ProgramCatalog;
import org.tierflow.core.api.program.ApplicationFact;
import org.tierflow.core.api.program.LocalizedText;
import org.tierflow.core.api.program.OrganisationLevel;
import org.tierflow.core.api.program.ReviewChain;
import org.tierflow.core.api.program.ReviewStep;
import org.tierflow.core.api.program.TierDefinition;
import org.tierflow.core.spi.OrganisationDirectory;

/**
 * Names for the templates ({@code ${@labels.unit(id)}}), in the request's language: units, users, programs,
 * tiers, facts, steps, times.
 */
@Component("labels")
public class Labels {

    /** The demo serves Chinese bureaus: times are shown in China Standard Time. */
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZONE);

    private final ProgramCatalog catalog;
    private final OrganisationDirectory organisations;
    private final DemoUsers users;

    Labels(ProgramCatalog catalog, OrganisationDirectory organisations, DemoUsers users) {
        this.catalog = catalog;
        this.organisations = organisations;
        this.users = users;
    }

    public String text(LocalizedText text) {
        return text == null ? "" : text.in(locale());
    }

    public String unit(String unitId) {
        return unitId == null ? "" : organisations.findUnit(unitId).map(u -> text(u.name())).orElse(unitId);
    }

    public String user(String userId) {
        return userId == null ? "" : text(users.nameOf(userId));
    }

    public String level(OrganisationLevel level) {
        return level == null ? "" : text(level.label());
    }

    public String program(String programCode) {
        return catalog.find(programCode).map(p -> text(p.name())).orElse(programCode);
    }

    public String tier(String programCode, String tierCode) {
        return tierOf(programCode, tierCode).map(t -> text(t.name())).orElse(tierCode);
    }

    public String fact(String programCode, String tierCode, String factCode) {
        return tierOf(programCode, tierCode).flatMap(t -> t.facts().stream().filter(f -> f.code().equals(factCode)).findFirst())
                .map(ApplicationFact::name).map(this::text).orElse(factCode);
    }

    /** Yes/no for booleans, numbers without trailing zeros, text as it is. */
    public String value(Object value) {
        if (value instanceof Boolean b) {
            return zh() ? (b ? "是" : "否") : (b ? "yes" : "no");
        }
        if (value instanceof BigDecimal d) {
            return d.stripTrailingZeros().toPlainString();
        }
        return value == null ? "" : value.toString();
    }

    public String time(Instant at) {
        return at == null ? "" : TIME.format(at);
    }

    /** The chain the nomination follows (the university chain for a university applicant). */
    public List<ReviewStep> chain(Nomination nomination) {
        return chainOf(nomination).map(ReviewChain::steps).orElse(List.of());
    }

    /** The name of the step the nomination is at (or last acted at, once final). */
    public String step(Nomination nomination) {
        List<ReviewStep> steps = chain(nomination);
        int index = nomination.stepIndex();
        return index >= 0 && index < steps.size() ? text(steps.get(index).name()) : level(nomination.currentLevel());
    }

    public Optional<ReviewChain> chainOf(Nomination nomination) {
        Optional<OrganisationUnit> unit = organisations.findUnit(nomination.unitId());
        return tierOf(nomination.programCode(), nomination.tierCode())
                .map(t -> t.chainFor(unit.map(OrganisationUnit::level).orElse(OrganisationLevel.SCHOOL)));
    }

    public Optional<TierDefinition> tierOf(String programCode, String tierCode) {
        return catalog.find(programCode).flatMap(p -> p.tier(tierCode));
    }

    public boolean zh() {
        return "zh".equals(locale().getLanguage());
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
