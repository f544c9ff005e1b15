package org.tierflow.spring.boot.actuate;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tierflow.core.TierFlow;
import org.tierflow.core.api.Quota;
import org.tierflow.core.api.program.ProgramDefinition;

/**
 * Quota usage as gauges, per program, tier and unit (tags {@code program}, {@code tier}, {@code unit}):
 * <ul>
 *   <li>{@value #ALLOCATED}: how many the unit may pass on; NaN for a unit without an allocation of its own;</li>
 *   <li>{@value #USED}: how many it has passed on (withdrawn candidates give their slot back).</li>
 * </ul>
 * The tier's total has {@code unit="*"} (allocated = the tier's quota). A unit appears once it received an
 * allocation or passed a candidate on: the gauges are read from TierFlow's quota table, so every node reports the
 * same figures, at most once per {@code refreshInterval}; new units are registered as a refresh finds them.
 */
public class TierFlowQuotaMetrics implements MeterBinder {

    /** Gauge of a unit's allocated quota. */
    public static final String ALLOCATED = "tierflow.quota.allocated";

    /** Gauge of a unit's used quota. */
    public static final String USED = "tierflow.quota.used";

    private static final Logger LOG = LoggerFactory.getLogger(TierFlowQuotaMetrics.class);

    private final TierFlow tierFlow;
    private final long refreshNanos;
    private final LongSupplier nanoClock;
    private final Set<Key> registered = new HashSet<>();

    private volatile MeterRegistry registry;
    private Map<Key, Quota> quotas = Map.of();
    private long readAt;
    private boolean read;

    /**
     * @param tierFlow        TierFlow, for its programs, its quotas and whether it is started
     * @param refreshInterval how long figures are reused
     */
    public TierFlowQuotaMetrics(TierFlow tierFlow, Duration refreshInterval) {
        this(tierFlow, refreshInterval, System::nanoTime);
    }

    TierFlowQuotaMetrics(TierFlow tierFlow, Duration refreshInterval, LongSupplier nanoClock) {
        this.tierFlow = tierFlow;
        this.refreshNanos = refreshInterval.toNanos();
        this.nanoClock = nanoClock;
    }

    @Override
    public void bindTo(MeterRegistry meterRegistry) {
        this.registry = meterRegistry;
        for (ProgramDefinition program : tierFlow.programs().programs()) {
            program.tiers().forEach(tier -> register(new Key(program.code(), tier.code(), "*")));
        }
        if (tierFlow.isStarted()) {
            snapshot();
        }
    }

    /** Reads the figures again now (the next poll would otherwise wait for the refresh interval). */
    public void refresh() {
        synchronized (this) {
            read = false;
        }
        snapshot();
    }

    private double allocated(Key key) {
        Quota quota = current(key);
        return quota == null || !quota.limited() ? Double.NaN : quota.allocated();
    }

    private double used(Key key) {
        if (!tierFlow.isStarted()) {
            return Double.NaN;
        }
        Quota quota = current(key);
        return quota == null ? 0 : quota.used();
    }

    private Quota current(Key key) {
        return tierFlow.isStarted() ? snapshot().get(key) : null;
    }

    private Map<Key, Quota> snapshot() {
        List<Key> added;
        Map<Key, Quota> current;
        synchronized (this) {
            long now = nanoClock.getAsLong();
            if (read && now - readAt < refreshNanos) {
                return quotas;
            }
            Map<Key, Quota> fresh = new HashMap<>();
            for (ProgramDefinition program : tierFlow.programs().programs()) {
                try {
                    for (Quota quota : tierFlow.selection().quotas(program.code())) {
                        fresh.put(new Key(quota.programCode(), quota.tierCode(), quota.unitId()), quota);
                    }
                } catch (RuntimeException e) {
                    LOG.warn("Could not read the quotas of program {}", program.code(), e);
                }
            }
            quotas = Map.copyOf(fresh);
            readAt = now;
            read = true;
            current = quotas;
            added = fresh.keySet().stream().filter(key -> !registered.contains(key)).toList();
        }
        added.forEach(this::register);
        return current;
    }

    private synchronized void register(Key key) {
        MeterRegistry target = registry;
        if (target == null || !registered.add(key)) {
            return;
        }
        Tags tags = Tags.of("program", key.program(), "tier", key.tier(), "unit", key.unit());
        Gauge.builder(ALLOCATED, this, metrics -> metrics.allocated(key))
                .description("Quota a unit may pass on in a tier (unit * = the tier's total); NaN without an allocation")
                .tags(tags)
                .register(target);
        Gauge.builder(USED, this, metrics -> metrics.used(key))
                .description("Quota a unit has used in a tier (unit * = the tier's total)")
                .tags(tags)
                .register(target);
    }

    private record Key(String program, String tier, String unit) {
    }
}
