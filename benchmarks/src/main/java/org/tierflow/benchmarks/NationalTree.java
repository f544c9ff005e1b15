package org.tierflow.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.tierflow.core.api.OrganisationUnit;
import org.tierflow.core.api.program.LocalizedText;
import org.tierflow.core.api.program.OrganisationLevel;
import org.tierflow.core.support.InMemoryApproverDirectory;
import org.tierflow.core.support.InMemoryOrganisationDirectory;

/**
 * A province-sized organisation tree (province → cities → districts → schools) with one approver per unit,
 * {@code approver-<unit id>}, as the in-memory directories of {@code core.support} hold them.
 */
public final class NationalTree {

    public final List<OrganisationUnit> units;
    public final List<OrganisationUnit> schools;
    public final InMemoryOrganisationDirectory organisations;
    public final InMemoryApproverDirectory approvers;
    private final Map<String, OrganisationUnit> byId;

    public NationalTree(int cities, int districtsPerCity, int schoolsPerDistrict) {
        List<OrganisationUnit> all = new ArrayList<>();
        List<OrganisationUnit> leaves = new ArrayList<>();
        all.add(unit("p", OrganisationLevel.PROVINCE, null));
        for (int c = 1; c <= cities; c++) {
            String city = "c" + c;
            all.add(unit(city, OrganisationLevel.CITY, "p"));
            for (int d = 1; d <= districtsPerCity; d++) {
                String district = city + "-d" + d;
                all.add(unit(district, OrganisationLevel.DISTRICT, city));
                for (int s = 1; s <= schoolsPerDistrict; s++) {
                    OrganisationUnit school = unit(district + "-s" + s, OrganisationLevel.SCHOOL, district);
                    all.add(school);
                    leaves.add(school);
                }
            }
        }
        this.units = List.copyOf(all);
        this.schools = List.copyOf(leaves);
        this.organisations = InMemoryOrganisationDirectory.of(all);
        InMemoryApproverDirectory.Builder grants = InMemoryApproverDirectory.builder();
        all.forEach(u -> grants.grant(u.id(), approverOf(u.id())));
        this.approvers = grants.build();
        this.byId = all.stream().collect(Collectors.toMap(OrganisationUnit::id, Function.identity()));
    }

    /** The default: 1 province, 12 cities, 120 districts, 2,400 schools. */
    public static NationalTree standard() {
        return new NationalTree(12, 10, 20);
    }

    public static String approverOf(String unitId) {
        return "approver-" + unitId;
    }

    /** School, district, city, province: the units acting at the four levels of the chain for a school. */
    public List<String> chainUnits(String schoolId) {
        List<String> path = new ArrayList<>();
        for (OrganisationUnit u = byId.get(schoolId); u != null; u = u.parentId() == null ? null : byId.get(u.parentId())) {
            path.add(u.id());
        }
        return path;
    }

    private static OrganisationUnit unit(String id, OrganisationLevel level, String parent) {
        return new OrganisationUnit(id, new LocalizedText("单位 " + id, "Unit " + id), level, parent);
    }
}
