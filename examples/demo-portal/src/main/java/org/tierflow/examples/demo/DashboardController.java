package org.tierflow.examples.demo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.tierflow.core.api.Nomination;
import org.tierflow.core.api.NominationState;
import org.tierflow.core.api.ProgramCatalog;
import org.tierflow.core.api.program.OrganisationLevel;
import org.tierflow.core.api.program.ProgramDefinition;
import org.tierflow.core.api.program.ReviewStep;
import org.tierflow.core.api.program.TierDefinition;

/** A program's dashboard: how many nominations there are by tier, by the level they are at, and by state. */
@Controller
class DashboardController {

    private final ProgramCatalog catalog;
    private final NominationIndex index;
    private final Labels labels;

    DashboardController(ProgramCatalog catalog, NominationIndex index, Labels labels) {
        this.catalog = catalog;
        this.index = index;
        this.labels = labels;
    }

    @GetMapping("/dashboard")
    String dashboard(@RequestParam(required = false) String program, Model model) {
        ProgramDefinition selected = program == null || program.isBlank()
                ? catalog.programs().get(0) : catalog.get(program);
        List<Nomination> nominations = index.all().stream()
                .filter(n -> n.programCode().equals(selected.code())).toList();

        Map<String, Map<NominationState, Long>> byTierAndState = new LinkedHashMap<>();
        for (TierDefinition tier : selected.tiers()) {
            Map<NominationState, Long> counts = new EnumMap<>(NominationState.class);
            Arrays.stream(NominationState.values()).forEach(s -> counts.put(s, 0L));
            nominations.stream().filter(n -> n.tierCode().equals(tier.code()))
                    .forEach(n -> counts.merge(n.state(), 1L, Long::sum));
            byTierAndState.put(tier.code(), counts);
        }

        List<Bar> tierBars = bars(selected.tiers().stream().map(t -> new Bar(labels.text(t.name()),
                byTierAndState.get(t.code()).values().stream().mapToLong(Long::longValue).sum(), 0, "tier")).toList());
        List<OrganisationLevel> levels = selected.tiers().stream()
                .flatMap(t -> {
                    List<ReviewStep> steps = new ArrayList<>(t.reviewChain().steps());
                    t.universityChain().ifPresent(c -> steps.addAll(c.steps()));
                    return steps.stream();
                })
                .map(ReviewStep::level).distinct()
                .sorted(Comparator.comparingInt(OrganisationLevel::rank).thenComparing(Function.identity()))
                .toList();
        Map<OrganisationLevel, Long> waiting = nominations.stream()
                .filter(n -> n.state() == NominationState.IN_REVIEW)
                .collect(Collectors.groupingBy(Nomination::currentLevel, Collectors.counting()));
        List<Bar> levelBars = bars(levels.stream()
                .map(l -> new Bar(labels.level(l), waiting.getOrDefault(l, 0L), 0, "level")).toList());
        Map<NominationState, Long> states = nominations.stream()
                .collect(Collectors.groupingBy(Nomination::state, () -> new EnumMap<>(NominationState.class), Collectors.counting()));
        List<StateBar> stateBars = new ArrayList<>();
        long maxState = Math.max(1, states.values().stream().mapToLong(Long::longValue).max().orElse(1));
        for (NominationState state : NominationState.values()) {
            long count = states.getOrDefault(state, 0L);
            stateBars.add(new StateBar(state, count, (int) (count * 100 / maxState)));
        }

        model.addAttribute("programs", catalog.programs());
        model.addAttribute("program", selected);
        model.addAttribute("total", nominations.size());
        model.addAttribute("states", NominationState.values());
        model.addAttribute("byTierAndState", byTierAndState);
        model.addAttribute("tierBars", tierBars);
        model.addAttribute("levelBars", levelBars);
        model.addAttribute("stateBars", stateBars);
        model.addAttribute("recent", nominations.stream().limit(10).toList());
        return "dashboard";
    }

    private static List<Bar> bars(List<Bar> bars) {
        long max = Math.max(1, bars.stream().mapToLong(Bar::count).max().orElse(1));
        return bars.stream().map(b -> new Bar(b.label(), b.count(), (int) (b.count() * 100 / max), b.kind())).toList();
    }

    /** One bar of a chart: its label, its count and its length in percent of the longest. */
    record Bar(String label, long count, int percent, String kind) {
    }

    /** A bar of the state chart; its label and colour come from the state. */
    record StateBar(NominationState state, long count, int percent) {
    }
}
