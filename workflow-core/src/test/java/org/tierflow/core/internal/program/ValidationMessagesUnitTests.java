package org.tierflow.core.internal.program;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.tierflow.core.api.program.LocalizedText;

/** The message catalogs: one Chinese and one English message per problem code, and nothing else. */
class ValidationMessagesUnitTests {

    @ParameterizedTest
    @EnumSource(ProblemCode.class)
    void everyProblemCodeHasAChineseAndAnEnglishMessageThatFormats(ProblemCode code) {
        assertThat(Messages.pattern(code, Locale.CHINESE)).as("zh message for %s", code).isNotBlank();
        assertThat(Messages.pattern(code, Locale.ENGLISH)).as("en message for %s", code).isNotBlank();

        LocalizedText message = Messages.format(code, "A", "B", "C");

        assertThat(message.zh()).as("zh %s", code).doesNotContainPattern("\\{\\d").matches(s -> s.codePoints()
                .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN), "has Chinese text");
        assertThat(message.en()).as("en %s", code).doesNotContainPattern("\\{\\d")
                .matches(s -> s.codePoints().noneMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)
                        || code == ProblemCode.EXPECTED_LOCALIZED_TEXT, "has no Chinese text");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ValidationMessages_zh.properties", "ValidationMessages_en.properties"})
    void catalogHoldsNoKeyWithoutAProblemCode(String catalog) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Messages.class.getResourceAsStream(catalog)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        Set<String> codes = Arrays.stream(ProblemCode.values()).map(Enum::name).collect(Collectors.toSet());

        assertThat(properties.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(codes);
    }
}
