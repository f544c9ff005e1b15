package org.tierflow.core.internal.program;

import java.math.BigDecimal;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.tierflow.core.api.program.LocalizedText;
import org.tierflow.core.api.program.OrganisationLevel;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads typed values out of YAML nodes, reporting a node of the wrong type with what was expected and what was
 * found. Every reader accepts {@code null} (a field already reported missing, or absent) and then returns
 * {@code null} without reporting again.
 */
final class Nodes {

    static final Pattern CODE = Pattern.compile("[a-z0-9-]+");
    static final Pattern FACT_CODE = Pattern.compile("[a-zA-Z][a-zA-Z0-9]*");

    private static final int SHOWN_VALUE_LENGTH = 40;
    private static final Set<String> TRUE_WORDS = Set.of("true", "yes", "on");

    private final Problems problems;

    Nodes(Problems problems) {
        this.problems = problems;
    }

    Problems problems() {
        return problems;
    }

    YamlMapping mapping(Node node, String path, List<String> allowed) {
        return node == null ? null : YamlMapping.of(problems, node, path, allowed);
    }

    /** The items of a list; {@code null} (reported) when the node is not a list. */
    List<Node> list(Node node, String path) {
        if (node == null) {
            return null;
        }
        if (node instanceof SequenceNode sequence) {
            return sequence.getValue();
        }
        problems.report(node, path, ProblemCode.EXPECTED_LIST, describe(node));
        return null;
    }

    /** The items of an optional list; empty when absent, {@code null} (reported) when not a list. */
    List<Node> optionalList(Node node, String path) {
        return node == null ? List.of() : list(node, path);
    }

    /** Items of a list read with {@code reader}, dropping the ones that failed (they were reported). */
    <T> List<T> each(List<Node> items, String path, ItemReader<T> reader) {
        List<T> values = new ArrayList<>();
        if (items != null) {
            for (int i = 0; i < items.size(); i++) {
                T value = reader.read(items.get(i), FieldPath.index(path, i));
                if (value != null) {
                    values.add(value);
                }
            }
        }
        return values;
    }

    /** Text, which may be blank; any scalar counts (YAML's {@code 2020} is the text "2020" here). */
    String anyText(Node node, String path) {
        if (node == null) {
            return null;
        }
        if (node instanceof ScalarNode scalar && !isNull(node)) {
            return scalar.getValue();
        }
        problems.report(node, path, ProblemCode.EXPECTED_TEXT, describe(node));
        return null;
    }

    /** Text that is not blank. */
    String text(Node node, String path) {
        String text = anyText(node, path);
        if (text != null && text.isBlank()) {
            problems.report(node, path, ProblemCode.TEXT_BLANK);
            return null;
        }
        return text;
    }

    /** A code matching {@code pattern}, reported with {@code formatProblem} otherwise. */
    String code(Node node, String path, Pattern pattern, ProblemCode formatProblem) {
        String code = text(node, path);
        if (code != null && !pattern.matcher(code).matches()) {
            problems.report(node, path, formatProblem, code);
            return null;
        }
        return code;
    }

    /** A text in both languages: {@code {zh: ..., en: ...}}. */
    LocalizedText localized(Node node, String path) {
        if (node == null) {
            return null;
        }
        if (!(node instanceof MappingNode)) {
            problems.report(node, path, ProblemCode.EXPECTED_LOCALIZED_TEXT, describe(node));
            return null;
        }
        YamlMapping text = mapping(node, path, List.of("zh", "en"));
        String zh = text(text.required("zh"), text.path("zh"));
        String en = text(text.required("en"), text.path("en"));
        return zh == null || en == null ? null : new LocalizedText(zh, en);
    }

    /** A number: YAML integer or decimal, never quoted text. */
    BigDecimal number(Node node, String path) {
        if (node == null) {
            return null;
        }
        BigDecimal number = numberOrNull(node);
        if (number == null) {
            problems.report(node, path, ProblemCode.EXPECTED_NUMBER, describe(node));
        }
        return number;
    }

    /** A whole number that fits an {@code int}. */
    Integer wholeNumber(Node node, String path) {
        if (node == null) {
            return null;
        }
        BigDecimal number = numberOrNull(node);
        if (number == null || !isWhole(number)) {
            problems.report(node, path, ProblemCode.EXPECTED_WHOLE_NUMBER, describe(node));
            return null;
        }
        return number.intValueExact();
    }

    Boolean bool(Node node, String path) {
        if (node == null) {
            return null;
        }
        Boolean value = boolOrNull(node);
        if (value == null) {
            problems.report(node, path, ProblemCode.EXPECTED_BOOLEAN, describe(node));
        }
        return value;
    }

    /** An ISO-8601 period such as {@code P6M}, which must be longer than zero. */
    Period positivePeriod(Node node, String path) {
        String text = text(node, path);
        if (text == null) {
            return null;
        }
        Period period;
        try {
            period = Period.parse(text);
        } catch (DateTimeParseException e) {
            problems.report(node, path, ProblemCode.PERIOD_INVALID, text);
            return null;
        }
        if (period.isZero() || period.isNegative()) {
            problems.report(node, path, ProblemCode.PERIOD_NOT_POSITIVE, text);
            return null;
        }
        return period;
    }

    /** An enum constant, written exactly as its name; otherwise reported with the allowed names. */
    <E extends Enum<E>> E enumValue(Node node, String path, Class<E> type, ProblemCode unknown) {
        String text = text(node, path);
        if (text == null) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(text)) {
                return constant;
            }
        }
        problems.report(node, path, unknown, text, allowed(type));
        return null;
    }

    OrganisationLevel level(Node node, String path) {
        return enumValue(node, path, OrganisationLevel.class, ProblemCode.LEVEL_UNKNOWN);
    }

    /** A level as messages show it: {@code CITY（市）} / {@code CITY (city)}. */
    static LocalizedText levelText(OrganisationLevel level) {
        return new LocalizedText(level.name() + "（" + level.label().zh() + "）",
                level.name() + " (" + level.label().en() + ")");
    }

    /** Levels as messages show them, separated by commas. */
    static LocalizedText levelsText(List<OrganisationLevel> levels) {
        return joined(levels, Nodes::levelText);
    }

    /** A list of values as messages show them, or "none". */
    static <T> LocalizedText joined(List<T> values, Function<T, LocalizedText> text) {
        if (values.isEmpty()) {
            return new LocalizedText("（无）", "(none)");
        }
        return new LocalizedText(
                values.stream().map(v -> text.apply(v).zh()).collect(Collectors.joining("、")),
                values.stream().map(v -> text.apply(v).en()).collect(Collectors.joining(", ")));
    }

    /** Plain codes as messages show them, or "none". */
    static LocalizedText codes(List<String> codes) {
        return joined(codes, code -> new LocalizedText(code, code));
    }

    private static <E extends Enum<E>> LocalizedText allowed(Class<E> type) {
        if (type == OrganisationLevel.class) {
            return levelsText(Arrays.asList(OrganisationLevel.values()));
        }
        return codes(Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
    }

    static boolean isNull(Node node) {
        return node instanceof ScalarNode && Tag.NULL.equals(node.getTag());
    }

    static boolean isWhole(BigDecimal number) {
        return number.signum() == 0 || number.stripTrailingZeros().scale() <= 0
                && number.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0
                && number.compareTo(BigDecimal.valueOf(Integer.MIN_VALUE)) >= 0;
    }

    /** The number a scalar tagged int or float holds; {@code null} for anything else. */
    static BigDecimal numberOrNull(Node node) {
        if (!(node instanceof ScalarNode scalar)) {
            return null;
        }
        if (!Tag.INT.equals(node.getTag()) && !Tag.FLOAT.equals(node.getTag())) {
            return null;
        }
        try {
            return new BigDecimal(scalar.getValue().replace("_", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The boolean a scalar tagged bool holds ({@code true/false}, YAML 1.1's {@code yes/no/on/off}). */
    static Boolean boolOrNull(Node node) {
        if (!(node instanceof ScalarNode scalar) || !Tag.BOOL.equals(node.getTag())) {
            return null;
        }
        return TRUE_WORDS.contains(scalar.getValue().toLowerCase(Locale.ROOT));
    }

    /** What a node holds, for "expected ..., found ..." messages. */
    static LocalizedText describe(Node node) {
        if (node instanceof MappingNode) {
            return new LocalizedText("字段映射", "a mapping");
        }
        if (node instanceof SequenceNode) {
            return new LocalizedText("列表", "a list");
        }
        if (!(node instanceof ScalarNode scalar) || isNull(node)) {
            return new LocalizedText("空值", "nothing");
        }
        String value = scalar.getValue();
        if (value.length() > SHOWN_VALUE_LENGTH) {
            value = value.substring(0, SHOWN_VALUE_LENGTH) + "…";
        }
        if (numberOrNull(node) != null) {
            return new LocalizedText("数字 " + value, "the number " + value);
        }
        if (boolOrNull(node) != null) {
            return new LocalizedText("布尔值 " + value, "the boolean " + value);
        }
        return new LocalizedText("文本“" + value + "”", "the text \"" + value + "\"");
    }

    /** Reads one list item at its path. */
    @FunctionalInterface
    interface ItemReader<T> {
        T read(Node item, String path);
    }
}
