package org.tierflow.core.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.tierflow.core.api.OrganisationTreeException;
import org.tierflow.core.api.OrganisationTreeException.Problem;
import org.tierflow.core.api.OrganisationUnit;
import org.tierflow.core.api.UnknownOrganisationUnitException;
import org.tierflow.core.api.program.LocalizedText;
import org.tierflow.core.api.program.OrganisationLevel;
import org.tierflow.core.spi.OrganisationDirectory;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * An immutable {@link OrganisationDirectory} held in memory, built from a list of units or loaded from a
 * YAML tree file (format: {@code docs/reference/organisation-directory.md}). The tree is validated when it
 * is built and every problem is reported at once in an {@link OrganisationTreeException}: duplicate ids,
 * unknown parents, and children whose level does not sit below their parent's. Safe to share between threads.
 *
 * <p>Two trees ship with TierFlow: {@link #NINGXIA} (a region with cities, counties, universities and schools)
 * and {@link #QINGDAO} (a city with its districts and schools, no province above).
 */
public final class InMemoryOrganisationDirectory implements OrganisationDirectory {

    /** Classpath resource of the Ningxia Hui Autonomous Region tree (region → cities and universities → counties → schools). */
    public static final String NINGXIA = "org/tierflow/organisations/ningxia.yaml";

    /** Classpath resource of the Qingdao tree (city → districts and county-level cities → schools). */
    public static final String QINGDAO = "org/tierflow/organisations/qingdao.yaml";

    private final String sourceName;
    private final Map<String, OrganisationUnit> unitsById;
    private final Map<String, List<OrganisationUnit>> childrenById;

    private InMemoryOrganisationDirectory(String sourceName, List<OrganisationUnit> units) {
        this.sourceName = sourceName;
        Map<String, OrganisationUnit> byId = new LinkedHashMap<>();
        Map<String, List<OrganisationUnit>> children = new HashMap<>();
        for (OrganisationUnit unit : units) {
            byId.put(unit.id(), unit);
            children.put(unit.id(), new ArrayList<>());
        }
        units.stream().filter(u -> !u.isRoot()).forEach(u -> children.get(u.parentId()).add(u));
        children.replaceAll((id, list) -> List.copyOf(list));
        this.unitsById = Collections.unmodifiableMap(byId);
        this.childrenById = Map.copyOf(children);
    }

    /**
     * A directory of these units; parents may come before or after their children.
     *
     * @throws OrganisationTreeException listing every duplicate id, unknown parent and misplaced level
     */
    public static InMemoryOrganisationDirectory of(List<OrganisationUnit> units) {
        String source = "OrganisationUnit list";
        List<Problem> problems = new ArrayList<>();
        Map<String, OrganisationUnit> byId = new HashMap<>();
        for (int i = 0; i < units.size(); i++) {
            OrganisationUnit unit = units.get(i);
            if (unit == null) {
                problems.add(new Problem(source, 0, "units[" + i + "]", text("组织单元不能为 null", "a unit must not be null")));
            } else if (byId.putIfAbsent(unit.id(), unit) != null) {
                problems.add(new Problem(source, 0, "units[" + i + "].id", duplicateId(unit.id(), "units")));
            }
        }
        for (int i = 0; i < units.size(); i++) {
            OrganisationUnit unit = units.get(i);
            if (unit == null || unit.isRoot()) {
                continue;
            }
            OrganisationUnit parent = byId.get(unit.parentId());
            if (parent == null) {
                problems.add(new Problem(source, 0, "units[" + i + "].parentId", text(
                        "组织单元 “" + unit.id() + "” 的上级 “" + unit.parentId() + "” 不在列表中",
                        "organisation unit '" + unit.id() + "' names the parent '" + unit.parentId() + "', which is not in the list")));
            } else {
                String field = "units[" + i + "].level";
                misplaced(unit.id(), unit.level(), parent.id(), parent.level())
                        .ifPresent(m -> problems.add(new Problem(source, 0, field, m)));
            }
        }
        if (!problems.isEmpty()) {
            throw new OrganisationTreeException(problems);
        }
        return new InMemoryOrganisationDirectory(source, List.copyOf(units));
    }

    /**
     * Loads and validates a YAML tree file. The reader is not closed.
     *
     * @param sourceName the file's name as problems should cite it, such as {@code ningxia.yaml}
     * @throws OrganisationTreeException listing every problem with source name, line and field path
     */
    public static InMemoryOrganisationDirectory fromYaml(String sourceName, Reader reader) {
        Objects.requireNonNull(sourceName, "sourceName");
        Objects.requireNonNull(reader, "reader");
        YamlTree tree = new YamlTree(sourceName);
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(reader);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            throw new OrganisationTreeException(List.of(new Problem(sourceName, line, "",
                    text("YAML 语法错误：" + e.getProblem(), "YAML syntax error: " + e.getProblem()))));
        } catch (YAMLException e) {
            throw new OrganisationTreeException(List.of(new Problem(sourceName, 0, "",
                    text("无法读取 YAML：" + e.getMessage(), "cannot read the YAML: " + e.getMessage()))));
        }
        tree.document(root);
        if (!tree.problems.isEmpty()) {
            throw new OrganisationTreeException(tree.problems);
        }
        return new InMemoryOrganisationDirectory(sourceName, tree.units);
    }

    /**
     * Loads and validates a YAML tree file from the classpath, read as UTF-8, such as {@link #NINGXIA}.
     *
     * @param resource the resource path, with or without a leading {@code /}
     * @throws OrganisationTreeException when the resource does not exist or does not validate
     */
    public static InMemoryOrganisationDirectory fromClasspath(String resource) {
        String path = resource.startsWith("/") ? resource.substring(1) : resource;
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        InputStream in = loader == null ? null : loader.getResourceAsStream(path);
        if (in == null) {
            in = InMemoryOrganisationDirectory.class.getClassLoader().getResourceAsStream(path);
        }
        if (in == null) {
            throw new OrganisationTreeException(List.of(new Problem(path, 0, "", text(
                    "类路径中找不到组织机构树文件 “" + path + "”", "no organisation tree file '" + path + "' on the classpath"))));
        }
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return fromYaml(path, reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    @Override
    public Optional<OrganisationUnit> findUnit(String id) {
        return Optional.ofNullable(id == null ? null : unitsById.get(id));
    }

    /**
     * {@inheritDoc}
     *
     * @throws UnknownOrganisationUnitException when the id names no unit
     */
    @Override
    public List<OrganisationUnit> children(String id) {
        List<OrganisationUnit> children = id == null ? null : childrenById.get(id);
        if (children == null) {
            throw new UnknownOrganisationUnitException(id);
        }
        return children;
    }

    /** Every unit, in the order given (for a YAML file: each unit before its children, in file order). */
    public List<OrganisationUnit> units() {
        return List.copyOf(unitsById.values());
    }

    /** The units without a parent: the top of each tree. */
    public List<OrganisationUnit> roots() {
        return unitsById.values().stream().filter(OrganisationUnit::isRoot).toList();
    }

    /** Where the tree came from: a file or resource name, or {@code "OrganisationUnit list"}. */
    public String sourceName() {
        return sourceName;
    }

    @Override
    public String toString() {
        return "InMemoryOrganisationDirectory[" + sourceName + ", " + unitsById.size() + " units]";
    }

    /**
     * Whether a unit at {@code child} level may sit directly under one at {@code parent} level: its rank must be
     * strictly lower, and nothing sits under a university (a university is the entry level of its own chain).
     */
    private static boolean maySitUnder(OrganisationLevel child, OrganisationLevel parent) {
        return child.rank() < parent.rank() && parent != OrganisationLevel.UNIVERSITY;
    }

    private static Optional<LocalizedText> misplaced(String childId, OrganisationLevel child, String parentId,
                                                     OrganisationLevel parent) {
        if (maySitUnder(child, parent)) {
            return Optional.empty();
        }
        List<OrganisationLevel> allowed = Arrays.stream(OrganisationLevel.values()).filter(p -> maySitUnder(child, p)).toList();
        String allowedZh = allowed.isEmpty() ? child.label().zh() + " 只能是树根"
                : child.label().zh() + " 只能位于 " + allowed.stream().map(l -> l.label().zh() + "(" + l + ")").collect(Collectors.joining("、")) + " 之下";
        String allowedEn = allowed.isEmpty() ? child + " can only be a root"
                : child + " sits only under " + allowed.stream().map(Enum::name).collect(Collectors.joining(" or "));
        return Optional.of(text(
                "级别为 " + child.label().zh() + "(" + child + ") 的 “" + childId + "” 不能位于级别为 " + parent.label().zh()
                        + "(" + parent + ") 的 “" + parentId + "” 之下；" + allowedZh + "（下级的级别必须低于上级）",
                "'" + childId + "' at level " + child + " cannot sit under '" + parentId + "' at level " + parent
                        + "; " + allowedEn + " (a child's level must rank below its parent's)"));
    }

    private static LocalizedText duplicateId(String id, String firstAt) {
        return text("组织单元 id “" + id + "” 重复，已在 " + firstAt + " 使用",
                "duplicate organisation unit id '" + id + "', already used at " + firstAt);
    }

    private static LocalizedText text(String zh, String en) {
        return new LocalizedText(zh, en);
    }

    /** Walks a composed YAML document, collecting units in tree order and every problem with its line. */
    private static final class YamlTree {

        private static final Set<String> UNIT_FIELDS = Set.of("id", "name", "level", "children");

        private final String source;
        private final List<Problem> problems = new ArrayList<>();
        private final List<OrganisationUnit> units = new ArrayList<>();
        private final Map<String, String> firstUse = new HashMap<>();

        YamlTree(String source) {
            this.source = source;
        }

        void document(Node root) {
            if (root == null) {
                problem(null, "units", "文件为空，应包含 units 列表", "the file is empty; expected a 'units' list");
                return;
            }
            Map<String, Node> top = fields(root, "", Set.of("units"), List.of("units"));
            Node list = top.get("units");
            if (list instanceof SequenceNode sequence && sequence.getValue().isEmpty()) {
                problem(list, "units", "units 至少要列出一个组织单元", "'units' must list at least one unit");
            }
            units(list, "units", null, null);
        }

        private void units(Node node, String path, String parentId, OrganisationLevel parentLevel) {
            if (node == null) {
                return;
            }
            if (!(node instanceof SequenceNode sequence)) {
                problem(node, path, "应为组织单元列表", "expected a list of units");
                return;
            }
            for (int i = 0; i < sequence.getValue().size(); i++) {
                unit(sequence.getValue().get(i), path + "[" + i + "]", parentId, parentLevel);
            }
        }

        private void unit(Node node, String path, String parentId, OrganisationLevel parentLevel) {
            Map<String, Node> fields = fields(node, path, UNIT_FIELDS, List.of("id", "name", "level"));
            if (!(node instanceof MappingNode)) {
                return;
            }
            String id = scalar(fields.get("id"), path + ".id");
            if (id != null) {
                String at = "line " + line(fields.get("id")) + " (" + path + ".id)";
                String first = firstUse.putIfAbsent(id, at);
                if (first != null) {
                    problems.add(new Problem(source, line(fields.get("id")), path + ".id", duplicateId(id, first)));
                }
            }
            LocalizedText name = name(fields.get("name"), path + ".name");
            OrganisationLevel level = level(fields.get("level"), path + ".level");
            if (level != null && parentLevel != null) {
                String parentName = parentId != null ? parentId : path.substring(0, path.lastIndexOf(".children"));
                misplaced(id != null ? id : path, level, parentName, parentLevel)
                        .ifPresent(m -> problems.add(new Problem(source, line(fields.get("level")), path + ".level", m)));
            }
            if (id != null && name != null && level != null) {
                units.add(new OrganisationUnit(id, name, level, parentId));
            }
            units(fields.get("children"), path + ".children", id, level);
        }

        private LocalizedText name(Node node, String path) {
            if (node == null) {
                return null;
            }
            Map<String, Node> fields = fields(node, path, Set.of("zh", "en"), List.of("zh", "en"));
            String zh = scalar(fields.get("zh"), path + ".zh");
            String en = scalar(fields.get("en"), path + ".en");
            return zh == null || en == null ? null : new LocalizedText(zh, en);
        }

        private OrganisationLevel level(Node node, String path) {
            String value = scalar(node, path);
            if (value == null) {
                return null;
            }
            try {
                return OrganisationLevel.valueOf(value);
            } catch (IllegalArgumentException e) {
                String known = Arrays.stream(OrganisationLevel.values()).map(Enum::name).collect(Collectors.joining(", "));
                problem(node, path, "未知的级别 “" + value + "”，应为 " + known + " 之一",
                        "unknown level '" + value + "'; expected one of " + known);
                return null;
            }
        }

        /** The mapping's fields by name; reports a non-mapping, unknown and repeated fields, and missing required ones. */
        private Map<String, Node> fields(Node node, String path, Set<String> known, List<String> required) {
            Map<String, Node> fields = new LinkedHashMap<>();
            if (!(node instanceof MappingNode mapping)) {
                problem(node, path, "应为包含 " + required + " 的映射", "expected a mapping with " + required);
                return fields;
            }
            String prefix = path.isEmpty() ? "" : path + ".";
            for (NodeTuple tuple : mapping.getValue()) {
                String key = tuple.getKeyNode() instanceof ScalarNode scalar ? scalar.getValue() : String.valueOf(tuple.getKeyNode());
                if (!known.contains(key)) {
                    problem(tuple.getKeyNode(), prefix + key, "未知字段 “" + key + "”，可用字段：" + sorted(known),
                            "unknown field '" + key + "'; known fields: " + sorted(known));
                } else if (fields.putIfAbsent(key, tuple.getValueNode()) != null) {
                    problem(tuple.getKeyNode(), prefix + key, "字段 “" + key + "” 重复", "field '" + key + "' is given twice");
                }
            }
            required.stream().filter(f -> !fields.containsKey(f)).forEach(f ->
                    problem(node, prefix + f, "缺少必填字段 “" + f + "”", "missing required field '" + f + "'"));
            return fields;
        }

        /** A non-blank scalar's value, or null after reporting why not (a missing node was reported by its mapping). */
        private String scalar(Node node, String path) {
            if (node == null) {
                return null;
            }
            if (!(node instanceof ScalarNode scalar)) {
                problem(node, path, "应为单个值", "expected a single value");
                return null;
            }
            if (Tag.NULL.equals(scalar.getTag()) || scalar.getValue().isBlank()) {
                problem(node, path, "不能为空", "must not be blank");
                return null;
            }
            return scalar.getValue().strip();
        }

        private void problem(Node node, String path, String zh, String en) {
            problems.add(new Problem(source, line(node), path, text(zh, en)));
        }

        private static int line(Node node) {
            return node == null || node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
        }

        private static String sorted(Set<String> names) {
            return names.stream().sorted().collect(Collectors.joining(", "));
        }
    }
}
