package org.tierflow.examples.plainjava;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.tierflow.core.api.Nomination;
import org.tierflow.core.api.NominationState;

class PlainJavaEmbeddingTests {

    @Test
    void theWalkThroughSelectsTheTeacherAndFilesWithTheRegion() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        Nomination nomination = PlainJavaEmbedding.run(new PrintStream(printed, true, StandardCharsets.UTF_8));

        assertThat(nomination.state()).isEqualTo(NominationState.SELECTED);
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("city-reviewer passed it")
                .contains("FILED PROVINCE nx")
                .contains("event: REACHED_TOP");
    }
}
