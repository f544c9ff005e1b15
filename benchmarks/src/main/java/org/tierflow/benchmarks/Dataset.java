package org.tierflow.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.tierflow.core.api.OrganisationUnit;
import org.tierflow.core.api.SelectionRound;
import org.tierflow.core.api.program.OrganisationLevel;

/**
 * The seeded database of scenarios b and d. Template nominations are made through TierFlow's API, then copied by
 * {@link Cloner}: a tenth of the open reviews wait at the target district ({@link #TARGET_DISTRICT}), the rest at
 * schools, districts and cities elsewhere; completed nominations (walked to the end: history and TierFlow's
 * records only) are added in proportion.
 */
final class Dataset {

    static final String TARGET_DISTRICT = "c1-d1";

    private final Cloner cloner;
    private final double completedRatio;
    private final Group target = new Group();
    private final Group others = new Group();
    private final Group done = new Group();

    Dataset(TierFlowContender tierFlow, NationalTree tree, Cloner cloner, double completedRatio, int templates) {
        int otherTemplates = templates;
        int completedTemplates = Math.max(1, templates / 3);
        int targetTemplates = Math.max(1, Math.min(20, templates / 3));
        this.cloner = cloner;
        this.completedRatio = completedRatio;
        int sequence = 0;
        for (OrganisationUnit school : tree.schools) {
            if (school.parentId().equals(TARGET_DISTRICT) && target.templates.size() < targetTemplates) {
                String id = tierFlow.submit(Engines.TIER, school.id(), sequence++);
                tierFlow.pass(id, school.id());
                target.add(cloner.capture(id));
            }
        }
        List<OrganisationUnit> elsewhere = tree.schools.stream()
                .filter(s -> !s.parentId().equals(TARGET_DISTRICT)).toList();
        for (int i = 0; i < otherTemplates + completedTemplates; i++) {
            OrganisationUnit school = elsewhere.get((i * 97) % elsewhere.size());
            List<String> units = tree.chainUnits(school.id());
            String id = tierFlow.submit(Engines.TIER, school.id(), sequence++);
            int levels = i < otherTemplates ? i % 3 : 4;
            for (int level = 0; level < levels; level++) {
                tierFlow.pass(id, units.get(level));
            }
            (i < otherTemplates ? others : done).add(cloner.capture(id));
        }
    }

    /** Rows one open review and one completed nomination leave in the database (averaged over the templates). */
    String rowsPerNomination() {
        return String.format(java.util.Locale.ROOT, "%.0f rows per open nomination, %.0f per completed one",
                others.templates.stream().mapToInt(Cloner.Template::rowCount).average().orElse(0),
                done.templates.stream().mapToInt(Cloner.Template::rowCount).average().orElse(0));
    }

    /** Copies templates until {@code size} reviews are open and {@code size × ratio} nominations completed. */
    void growTo(int size) {
        target.growTo(cloner, size / 10);
        others.growTo(cloner, size - size / 10);
        done.growTo(cloner, (int) Math.round(size * completedRatio));
    }

    /** The nominations (the templates) waiting at the target district. */
    List<String> openAtTarget() {
        return target.templates.stream().map(Cloner.Template::nominationId).toList();
    }

    int open() {
        return target.count + others.count;
    }

    int completed() {
        return done.count;
    }

    /**
     * Scenario c's starting point, for either batch mode: {@code count} nominations of the batch tier waiting at the
     * province, the quotas recounted and the statistics refreshed, and the province's selection round open.
     */
    static SelectionRound provinceRound(TierFlowContender tierFlow, NationalTree tree, Cloner cloner, int count,
                                        int most) {
        waitingAtProvince(tierFlow, tree, cloner, count, most);
        cloner.recount();
        cloner.analyze();
        Instant now = tierFlow.engine.getProcessEngineConfiguration().getClock().getCurrentTime().toInstant();
        return tierFlow.tierFlow.selection().openRound(Engines.PROGRAM, Engines.BATCH_TIER, "p",
                OrganisationLevel.PROVINCE, now, now.plus(Duration.ofDays(30)), NationalTree.approverOf("p"));
    }

    /** {@code count} nominations of the batch tier waiting at the province (scenario c). */
    static void waitingAtProvince(TierFlowContender tierFlow, NationalTree tree, Cloner cloner, int count, int most) {
        Group group = new Group();
        int templates = Math.max(1, Math.min(most, count));
        for (int i = 0; i < templates; i++) {
            OrganisationUnit school = tree.schools.get((i * 113) % tree.schools.size());
            List<String> units = tree.chainUnits(school.id());
            String id = tierFlow.submit(Engines.BATCH_TIER, school.id(), i);
            for (int level = 0; level < 3; level++) {
                tierFlow.pass(id, units.get(level));
            }
            group.add(cloner.capture(id));
        }
        group.growTo(cloner, count);
    }

    /** Templates of one kind and how often each has been copied. */
    private static final class Group {
        final List<Cloner.Template> templates = new ArrayList<>();
        final List<Integer> copies = new ArrayList<>();
        int count;

        void add(Cloner.Template template) {
            templates.add(template);
            copies.add(0);
            count++;
        }

        void growTo(Cloner cloner, int wanted) {
            int missing = wanted - count;
            for (int i = 0; i < templates.size() && missing > 0; i++) {
                int share = (int) Math.ceil(missing / (double) (templates.size() - i));
                cloner.copy(templates.get(i), share, copies.get(i) + 1L);
                copies.set(i, copies.get(i) + share);
                count += share;
                missing -= share;
            }
        }
    }
}
