package org.tierflow.core.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.tierflow.core.api.OrganisationTreeException;
import org.tierflow.core.api.OrganisationTreeException.Problem;
import org.tierflow.core.api.OrganisationUnit;
import org.tierflow.core.api.UnknownOrganisationUnitException;
import org.tierflow.core.api.program.LocalizedText;
import org.tierflow.core.api.program.OrganisationLevel;
import org.tierflow.core.spi.OrganisationDirectory;

class InMemoryOrganisationDirectoryUnitTests {

    private static final InMemoryOrganisationDirectory NINGXIA =
            InMemoryOrganisationDirectory.fromClasspath(InMemoryOrganisationDirectory.NINGXIA);
    private static final InMemoryOrganisationDirectory QINGDAO =
            InMemoryOrganisationDirectory.fromClasspath(InMemoryOrganisationDirectory.QINGDAO);

    private static List<String> ids(List<OrganisationUnit> units) {
        return units.stream().map(OrganisationUnit::id).toList();
    }

    @Nested
    class ShippedTrees {

        @Test
        void ningxiaIsOneRegionWithFiveCitiesAndItsUniversities() {
            assertThat(ids(NINGXIA.roots())).containsExactly("nx");
            OrganisationUnit region = NINGXIA.unit("nx");
            assertThat(region.level()).isEqualTo(OrganisationLevel.PROVINCE);
            assertThat(region.name()).isEqualTo(new LocalizedText("宁夏回族自治区教育厅", "Ningxia Education Department"));
            Map<OrganisationLevel, List<String>> childNames = NINGXIA.children("nx").stream().collect(Collectors.groupingBy(
                    OrganisationUnit::level, Collectors.mapping(u -> u.name().zh(), Collectors.toList())));
            assertThat(childNames.get(OrganisationLevel.CITY))
                    .containsExactly("银川市教育局", "石嘴山市教育局", "吴忠市教育局", "固原市教育局", "中卫市教育局");
            assertThat(childNames.get(OrganisationLevel.UNIVERSITY)).contains("宁夏大学", "北方民族大学");
        }

        @Test
        void everyNingxiaCityHasCountiesAndEveryCountyHasSchools() {
            for (OrganisationUnit city : NINGXIA.children("nx")) {
                if (city.level() != OrganisationLevel.CITY) {
                    continue;
                }
                List<OrganisationUnit> counties = NINGXIA.children(city.id()).stream()
                        .filter(u -> u.level() == OrganisationLevel.DISTRICT).toList();
                assertThat(counties).as(city.id()).hasSizeBetween(2, 3);
                counties.forEach(county -> assertThat(NINGXIA.children(county.id())).as(county.id()).isNotEmpty()
                        .allMatch(u -> u.level() == OrganisationLevel.SCHOOL));
            }
        }

        @Test
        void qingdaoIsRootedAtTheCityWithItsTenDistricts() {
            assertThat(ids(QINGDAO.roots())).containsExactly("qd");
            assertThat(QINGDAO.unit("qd").level()).isEqualTo(OrganisationLevel.CITY);
            List<String> districts = QINGDAO.children("qd").stream().filter(u -> u.level() == OrganisationLevel.DISTRICT)
                    .map(u -> u.name().zh()).toList();
            assertThat(districts).hasSize(10)
                    .allMatch(name -> List.of("市南区", "市北区", "黄岛区", "崂山区", "李沧区", "城阳区", "即墨区", "胶州市", "平度市", "莱西市")
                            .stream().anyMatch(name::startsWith));
            assertThat(QINGDAO.ancestorAt("qd-laixi-no1-middle", OrganisationLevel.PROVINCE)).isEmpty();
            assertThat(ids(QINGDAO.pathToRoot("qd-laixi-no1-middle"))).containsExactly("qd-laixi-no1-middle", "qd-laixi", "qd");
        }

        @Test
        void everyUnitKnowsItsParentAndIsListedAmongItsChildren() {
            for (InMemoryOrganisationDirectory tree : List.of(NINGXIA, QINGDAO)) {
                for (OrganisationUnit unit : tree.units()) {
                    if (!unit.isRoot()) {
                        assertThat(tree.children(unit.parentId())).as(unit.id()).contains(unit);
                    }
                }
                OrganisationUnit root = tree.roots().get(0);
                assertThat(tree.descendants(root.id())).hasSize(tree.units().size() - 1);
            }
        }

        @Test
        void aLeadingSlashInTheResourceNameIsAccepted() {
            assertThat(InMemoryOrganisationDirectory.fromClasspath("/" + InMemoryOrganisationDirectory.QINGDAO).units())
                    .isEqualTo(QINGDAO.units());
        }

        @Test
        void aMissingResourceIsReportedByName() {
            OrganisationTreeException error = catchThrowableOfType(OrganisationTreeException.class,
                    () -> InMemoryOrganisationDirectory.fromClasspath("org/tierflow/organisations/atlantis.yaml"));
            assertThat(error.getMessage()).contains("atlantis.yaml").contains("类路径中找不到").contains("on the classpath");
        }
    }

    @Nested
    class Navigation {

        @Test
        void ancestorsRunFromTheParentUpToTheRoot() {
            assertThat(ids(NINGXIA.ancestors("nx-yinchuan-helan-no1-middle")))
                    .containsExactly("nx-yinchuan-helan", "nx-yinchuan", "nx");
            assertThat(ids(NINGXIA.ancestors("nx-nxu"))).containsExactly("nx");
            assertThat(NINGXIA.ancestors("nx")).isEmpty();
        }

        @Test
        void pathToRootStartsWithTheUnitItself() {
            assertThat(ids(NINGXIA.pathToRoot("nx-yinchuan-no1-middle"))).containsExactly("nx-yinchuan-no1-middle", "nx-yinchuan", "nx");
            assertThat(ids(NINGXIA.pathToRoot("nx"))).containsExactly("nx");
        }

        @Test
        void ancestorAtFindsTheUnitAtThatLevelOnTheWayUp() {
            String school = "nx-guyuan-xiji-middle";
            assertThat(NINGXIA.ancestorAt(school, OrganisationLevel.DISTRICT).map(OrganisationUnit::id)).contains("nx-guyuan-xiji");
            assertThat(NINGXIA.ancestorAt(school, OrganisationLevel.CITY).map(OrganisationUnit::id)).contains("nx-guyuan");
            assertThat(NINGXIA.ancestorAt(school, OrganisationLevel.PROVINCE).map(OrganisationUnit::id)).contains("nx");
            assertThat(NINGXIA.ancestorAt(school, OrganisationLevel.SCHOOL).map(OrganisationUnit::id)).contains(school);
            assertThat(NINGXIA.ancestorAt(school, OrganisationLevel.UNIVERSITY)).isEmpty();
            // A city-run school has no district above it.
            assertThat(NINGXIA.ancestorAt("nx-guyuan-no1-middle", OrganisationLevel.DISTRICT)).isEmpty();
        }

        @Test
        void isWithinHoldsForTheUnitItselfAndEveryAncestorOnly() {
            String school = "nx-zhongwei-haiyuan-no1-middle";
            assertThat(NINGXIA.isWithin(school, school)).isTrue();
            assertThat(NINGXIA.isWithin(school, "nx-zhongwei-haiyuan")).isTrue();
            assertThat(NINGXIA.isWithin(school, "nx-zhongwei")).isTrue();
            assertThat(NINGXIA.isWithin(school, "nx")).isTrue();
            assertThat(NINGXIA.isWithin(school, "nx-yinchuan")).isFalse();
            assertThat(NINGXIA.isWithin("nx-zhongwei", school)).isFalse();
            assertThat(NINGXIA.isWithin("nx-nxu", "nx-yinchuan")).isFalse();
        }

        @Test
        void childrenKeepTheFileOrder() {
            assertThat(ids(NINGXIA.children("nx-yinchuan-xingqing")))
                    .containsExactly("nx-yinchuan-xingqing-experimental-primary", "nx-yinchuan-xingqing-no21-primary");
            assertThat(NINGXIA.children("nx-nxu")).isEmpty();
        }

        @Test
        void descendantsComeInTreeOrderWithoutTheUnitItself() {
            assertThat(ids(NINGXIA.descendants("nx-shizuishan"))).containsExactly(
                    "nx-shizuishan-dawukou", "nx-shizuishan-dawukou-no1-middle",
                    "nx-shizuishan-huinong", "nx-shizuishan-huinong-no3-middle",
                    "nx-shizuishan-pingluo", "nx-shizuishan-pingluo-middle");
            assertThat(NINGXIA.descendants("nx-nmu")).isEmpty();
        }

        @Test
        void anUnknownIdIsRefusedByNameInBothLanguages() {
            for (Runnable call : List.<Runnable>of(
                    () -> NINGXIA.unit("nx-atlantis"),
                    () -> NINGXIA.ancestors("nx-atlantis"),
                    () -> NINGXIA.ancestorAt("nx-atlantis", OrganisationLevel.CITY),
                    () -> NINGXIA.descendants("nx-atlantis"),
                    () -> NINGXIA.children("nx-atlantis"),
                    () -> NINGXIA.isWithin("nx-nxu", "nx-atlantis"),
                    () -> NINGXIA.isWithin("nx-atlantis", "nx"))) {
                assertThatThrownBy(call::run)
                        .isInstanceOfSatisfying(UnknownOrganisationUnitException.class, e -> {
                            assertThat(e.unitId()).isEqualTo("nx-atlantis");
                            assertThat(e.code()).isEqualTo("unknown-organisation-unit");
                        })
                        .hasMessage("组织机构目录中没有 id 为 “nx-atlantis” 的组织单元"
                                + " / the organisation directory has no unit with the id 'nx-atlantis'");
            }
            assertThat(NINGXIA.findUnit("nx-atlantis")).isEmpty();
        }

        @Test
        void theDirectoryCannotBeChangedThroughItsLists() {
            assertThatThrownBy(() -> NINGXIA.children("nx").clear()).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> NINGXIA.units().clear()).isInstanceOf(UnsupportedOperationException.class);
        }
    }

    @Nested
    class MalformedTrees {

        private List<Problem> problemsOf(String yaml) {
            OrganisationTreeException error = catchThrowableOfType(OrganisationTreeException.class,
                    () -> InMemoryOrganisationDirectory.fromYaml("bad.yaml", new StringReader(yaml)));
            assertThat(error).as("the tree should have been refused").isNotNull();
            assertThat(error.problems()).allSatisfy(p -> assertThat(error.getMessage()).contains(p.where()));
            return error.problems();
        }

        private Problem onlyProblem(String yaml) {
            List<Problem> problems = problemsOf(yaml);
            assertThat(problems).hasSize(1);
            return problems.get(0);
        }

        private static void assertProblem(Problem problem, int line, String field, String zh, String en) {
            assertThat(problem.source()).isEqualTo("bad.yaml");
            assertThat(problem.line()).as("line").isEqualTo(line);
            assertThat(problem.field()).as("field").isEqualTo(field);
            assertThat(problem.message().zh()).contains(zh);
            assertThat(problem.message().en()).contains(en);
        }

        @Test
        void aDuplicateIdNamesBothPlaces() {
            Problem problem = onlyProblem("""
                    units:
                      - id: nx
                        name: {zh: 宁夏, en: Ningxia}
                        level: PROVINCE
                        children:
                          - {id: nx-a, name: {zh: 甲, en: A}, level: CITY}
                          - id: nx-a
                            name: {zh: 乙, en: B}
                            level: CITY
                    """);
            assertProblem(problem, 7, "units[0].children[1].id", "“nx-a” 重复",
                    "duplicate organisation unit id 'nx-a', already used at line 6 (units[0].children[0].id)");
        }

        @Test
        void anUnknownLevelListsTheKnownOnes() {
            Problem problem = onlyProblem("""
                    units:
                      - id: nx
                        name: {zh: 宁夏, en: Ningxia}
                        level: REGION
                    """);
            assertProblem(problem, 4, "units[0].level", "未知的级别 “REGION”",
                    "unknown level 'REGION'; expected one of SCHOOL, DISTRICT, UNIVERSITY, CITY, PROVINCE");
        }

        @Test
        void anUnknownFieldIsAnErrorNotIgnored() {
            Problem problem = onlyProblem("""
                    units:
                      - id: nx
                        name: {zh: 宁夏, en: Ningxia}
                        level: PROVINCE
                        childern: []
                    """);
            assertProblem(problem, 5, "units[0].childern", "未知字段 “childern”",
                    "unknown field 'childern'; known fields: children, id, level, name");
        }

        @Test
        void anUnknownFieldInsideANameIsAnError() {
            Problem problem = onlyProblem("""
                    units:
                      - id: nx
                        name: {zh: 宁夏, en: Ningxia, fr: Ningxia}
                        level: PROVINCE
                    """);
            assertProblem(problem, 3, "units[0].name.fr", "未知字段 “fr”", "unknown field 'fr'");
        }

        @Test
        void missingIdNameAndLevelAreEachReportedAtTheUnit() {
            List<Problem> problems = problemsOf("""
                    units:
                      - id: nx
                        name: {zh: 宁夏, en: Ningxia}
                        level: PROVINCE
                        children:
                          - name: {zh: 银川, en: Yinchuan}
                            level: CITY
                          - id: nx-b
                            level: CITY
                          - id: nx-c
                            name: {zh: 吴忠}
                    """);
            assertThat(problems).hasSize(4);
            assertProblem(problems.get(0), 6, "units[0].children[0].id", "缺少必填字段 “id”", "missing required field 'id'");
            assertProblem(problems.get(1), 8, "units[0].children[1].name", "缺少必填字段 “name”", "missing required field 'name'");
            assertProblem(problems.get(2), 10, "units[0].children[2].level", "缺少必填字段 “level”", "missing required field 'level'");
            assertProblem(problems.get(3), 11, "units[0].children[2].name.en", "缺少必填字段 “en”", "missing required field 'en'");
        }

        @Test
        void aBlankIdIsRefused() {
            Problem problem = onlyProblem("""
                    units:
                      - id: ~
                        name: {zh: 宁夏, en: Ningxia}
                        level: PROVINCE
                    """);
            assertProblem(problem, 2, "units[0].id", "不能为空", "must not be blank");
        }

        @Test
        void aChildMustSitBelowItsParentsLevel() {
            List<Problem> problems = problemsOf("""
                    units:
                      - id: nx
                        name: {zh: 宁夏, en: Ningxia}
                        level: PROVINCE
                        children:
                          - id: nx-yinchuan
                            name: {zh: 银川, en: Yinchuan}
                            level: CITY
                            children:
                              - id: nx-wuzhong
                                name: {zh: 吴忠, en: Wuzhong}
                                level: CITY
                          - id: nx-nxu
                            name: {zh: 宁夏大学, en: Ningxia University}
                            level: UNIVERSITY
                            children:
                              - {id: nx-nxu-school, name: {zh: 附中, en: Affiliated school}, level: SCHOOL}
                          - id: nx-helan
                            name: {zh: 贺兰县, en: Helan}
                            level: DISTRICT
                            children:
                              - {id: nx-helan-region, name: {zh: 自治区, en: Region}, level: PROVINCE}
                    """);
            assertThat(problems).hasSize(3);
            assertProblem(problems.get(0), 12, "units[0].children[0].children[0].level",
                    "级别为 市(CITY) 的 “nx-wuzhong” 不能位于级别为 市(CITY) 的 “nx-yinchuan” 之下",
                    "'nx-wuzhong' at level CITY cannot sit under 'nx-yinchuan' at level CITY; CITY sits only under PROVINCE");
            assertProblem(problems.get(1), 17, "units[0].children[1].children[0].level",
                    "不能位于级别为 高校(UNIVERSITY) 的 “nx-nxu” 之下",
                    "'nx-nxu-school' at level SCHOOL cannot sit under 'nx-nxu' at level UNIVERSITY; "
                            + "SCHOOL sits only under DISTRICT or CITY or PROVINCE");
            assertProblem(problems.get(2), 22, "units[0].children[2].children[0].level",
                    "省/自治区 只能是树根", "PROVINCE can only be a root");
        }

        @Test
        void schoolsMaySitUnderADistrictACityOrTheProvince() {
            InMemoryOrganisationDirectory directory = InMemoryOrganisationDirectory.fromYaml("ok.yaml", new StringReader("""
                    units:
                      - id: p
                        name: {zh: 省, en: Province}
                        level: PROVINCE
                        children:
                          - {id: p-school, name: {zh: 区属学校, en: Region-run school}, level: SCHOOL}
                          - {id: p-district, name: {zh: 直管县, en: Directly administered county}, level: DISTRICT}
                          - id: c
                            name: {zh: 市, en: City}
                            level: CITY
                            children:
                              - {id: c-school, name: {zh: 市属学校, en: City-run school}, level: SCHOOL}
                              - id: d
                                name: {zh: 区, en: District}
                                level: DISTRICT
                                children: [{id: d-school, name: {zh: 区属学校, en: District school}, level: SCHOOL}]
                    """));
            assertThat(ids(directory.units())).containsExactly("p", "p-school", "p-district", "c", "c-school", "d", "d-school");
            assertThat(directory.sourceName()).isEqualTo("ok.yaml");
        }

        @Test
        void everyProblemIsReportedAtOnce() {
            List<Problem> problems = problemsOf("""
                    units:
                      - id: a
                        name: {zh: 甲, en: A}
                        level: CAPITAL
                        colour: red
                      - id: a
                        name: 乙
                        level: CITY
                    """);
            assertThat(problems).extracting(Problem::line, Problem::field).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(5, "units[0].colour"),
                    org.assertj.core.groups.Tuple.tuple(4, "units[0].level"),
                    org.assertj.core.groups.Tuple.tuple(6, "units[1].id"),
                    org.assertj.core.groups.Tuple.tuple(7, "units[1].name"));
        }

        @Test
        void theDocumentMustHoldANonEmptyUnitsList() {
            assertProblem(onlyProblem(""), 0, "units", "文件为空", "the file is empty");
            assertProblem(onlyProblem("units: []\n"), 1, "units", "至少要列出一个", "must list at least one unit");
            List<Problem> misnamed = problemsOf("tree:\n  - id: a\n");
            assertThat(misnamed).hasSize(2);
            assertProblem(misnamed.get(0), 1, "tree", "未知字段 “tree”", "unknown field 'tree'; known fields: units");
            assertProblem(misnamed.get(1), 1, "units", "缺少必填字段 “units”", "missing required field 'units'");
            assertProblem(onlyProblem("units: nx\n"), 1, "units", "应为组织单元列表", "expected a list of units");
        }

        @Test
        void aYamlSyntaxErrorNamesItsLine() {
            Problem problem = onlyProblem("""
                    units:
                      - id: nx
                        name: {zh: 宁夏, en: Ningxia
                        level: PROVINCE
                    """);
            assertThat(problem.line()).isBetween(3, 5);
            assertThat(problem.message().zh()).startsWith("YAML 语法错误");
            assertThat(problem.message().en()).startsWith("YAML syntax error");
        }

        @Test
        void aListOfUnitsIsValidatedLikeAFile() {
            LocalizedText name = new LocalizedText("单元", "Unit");
            OrganisationTreeException error = catchThrowableOfType(OrganisationTreeException.class, () ->
                    InMemoryOrganisationDirectory.of(List.of(
                            new OrganisationUnit("c", name, OrganisationLevel.CITY, null),
                            new OrganisationUnit("s", name, OrganisationLevel.SCHOOL, "ghost"),
                            new OrganisationUnit("c", name, OrganisationLevel.CITY, null),
                            new OrganisationUnit("p", name, OrganisationLevel.PROVINCE, "c"))));
            assertThat(error.problems()).extracting(Problem::field)
                    .containsExactly("units[2].id", "units[1].parentId", "units[3].level");
            assertThat(error.problems().get(1).message().en()).contains("'s'").contains("'ghost'");
        }

        @Test
        void aListOfUnitsMayGiveChildrenBeforeParents() {
            LocalizedText name = new LocalizedText("单元", "Unit");
            InMemoryOrganisationDirectory directory = InMemoryOrganisationDirectory.of(List.of(
                    new OrganisationUnit("s", name, OrganisationLevel.SCHOOL, "d"),
                    new OrganisationUnit("d", name, OrganisationLevel.DISTRICT, null)));
            assertThat(ids(directory.ancestors("s"))).containsExactly("d");
            assertThat(ids(directory.roots())).containsExactly("d");
        }
    }

    @Nested
    class HostDataThatLoops {

        /** A host directory over a plain map, trusting whatever its parent and child links say. */
        private record MapDirectory(Map<String, OrganisationUnit> units, Map<String, List<String>> childIds)
                implements OrganisationDirectory {

            @Override
            public Optional<OrganisationUnit> findUnit(String id) {
                return Optional.ofNullable(units.get(id));
            }

            @Override
            public List<OrganisationUnit> children(String id) {
                return childIds.getOrDefault(id, List.of()).stream().map(units::get).toList();
            }
        }

        private static OrganisationUnit unit(String id, OrganisationLevel level, String parentId) {
            return new OrganisationUnit(id, new LocalizedText(id, id), level, parentId);
        }

        private static Map<String, OrganisationUnit> byId(OrganisationUnit... units) {
            return java.util.Arrays.stream(units).collect(Collectors.toMap(OrganisationUnit::id, Function.identity()));
        }

        @Test
        void parentsThatLoopFailNamingTheLoop() {
            OrganisationDirectory directory = new MapDirectory(byId(
                    unit("school", OrganisationLevel.SCHOOL, "district"),
                    unit("district", OrganisationLevel.DISTRICT, "city"),
                    unit("city", OrganisationLevel.CITY, "district")), Map.of());
            for (Runnable call : List.<Runnable>of(
                    () -> directory.ancestors("school"),
                    () -> directory.pathToRoot("school"),
                    () -> directory.ancestorAt("school", OrganisationLevel.PROVINCE),
                    () -> directory.isWithin("school", "city"))) {
                OrganisationTreeException error = catchThrowableOfType(OrganisationTreeException.class, call::run);
                assertThat(error).isNotNull();
                assertThat(error.problems()).singleElement().satisfies(problem -> {
                    assertThat(problem.source()).isEqualTo(MapDirectory.class.getName());
                    assertThat(problem.field()).isEqualTo("city");
                    assertThat(problem.message().zh()).isEqualTo("组织单元的上级关系成环：school → district → city → district");
                    assertThat(problem.message().en()).isEqualTo("the parents of organisation units loop: school → district → city → district");
                });
            }
        }

        @Test
        void aUnitThatIsItsOwnParentFails() {
            OrganisationDirectory directory = new MapDirectory(byId(unit("self", OrganisationLevel.CITY, "self")), Map.of());
            assertThatThrownBy(() -> directory.ancestors("self"))
                    .isInstanceOf(OrganisationTreeException.class)
                    .hasMessageContaining("self → self");
        }

        @Test
        void aParentTheDirectoryDoesNotKnowFailsNamingBothIds() {
            OrganisationDirectory directory = new MapDirectory(byId(unit("school", OrganisationLevel.SCHOOL, "ghost")), Map.of());
            assertThatThrownBy(() -> directory.ancestors("school"))
                    .isInstanceOf(OrganisationTreeException.class)
                    .hasMessageContaining("“school” 的上级 “ghost”")
                    .hasMessageContaining("'school' names the parent 'ghost', which the directory does not know");
        }

        @Test
        void childrenThatLoopFailNamingThePath() {
            OrganisationDirectory directory = new MapDirectory(byId(
                    unit("city", OrganisationLevel.CITY, null),
                    unit("district", OrganisationLevel.DISTRICT, "city"),
                    unit("school", OrganisationLevel.SCHOOL, "district")),
                    Map.of("city", List.of("district"), "district", List.of("school"), "school", List.of("city")));
            OrganisationTreeException error = catchThrowableOfType(OrganisationTreeException.class,
                    () -> directory.descendants("city"));
            assertThat(error).isNotNull();
            assertThat(error.getMessage()).contains("city → district → school → city").contains("“city” 在 “city” 之下出现了两次")
                    .contains("'city' appears twice below 'city'");
        }

        @Test
        void aUnitListedUnderTwoParentsFailsInsteadOfBeingCountedTwice() {
            OrganisationDirectory directory = new MapDirectory(byId(
                    unit("city", OrganisationLevel.CITY, null),
                    unit("east", OrganisationLevel.DISTRICT, "city"),
                    unit("west", OrganisationLevel.DISTRICT, "city"),
                    unit("school", OrganisationLevel.SCHOOL, "east")),
                    Map.of("city", List.of("east", "west"), "east", List.of("school"), "west", List.of("school")));
            assertThatThrownBy(() -> directory.descendants("city"))
                    .isInstanceOf(OrganisationTreeException.class)
                    .hasMessageContaining("'school' appears twice below 'city'");
        }

        @Test
        void aWellFormedHostDirectoryNeedsOnlyTheTwoLookups() {
            OrganisationDirectory directory = new MapDirectory(byId(
                    unit("city", OrganisationLevel.CITY, null),
                    unit("district", OrganisationLevel.DISTRICT, "city"),
                    unit("school", OrganisationLevel.SCHOOL, "district")),
                    Map.of("city", List.of("district"), "district", List.of("school")));
            assertThat(ids(directory.descendants("city"))).containsExactly("district", "school");
            assertThat(directory.ancestorAt("school", OrganisationLevel.CITY).map(OrganisationUnit::id)).contains("city");
            assertThat(directory.isWithin("school", "district")).isTrue();
        }
    }
}
