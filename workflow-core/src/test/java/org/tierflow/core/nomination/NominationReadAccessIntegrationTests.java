package org.tierflow.core.nomination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tierflow.core.training.AfterSelectionFixture.NINGXIA;
import static org.tierflow.core.training.AfterSelectionFixture.reviewerOf;

import java.time.LocalDate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.tierflow.core.api.Nomination;
import org.tierflow.core.api.NominationService;
import org.tierflow.core.api.NotAuthorizedException;
import org.tierflow.core.api.NotFoundException;
import org.tierflow.core.training.AfterSelectionFixture;

/**
 * Reads on behalf of a user: a Ningxia teaching talent from a Xingqing school (school → county → city decides →
 * region files). The actor-less reads stay open to the host.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NominationReadAccessIntegrationTests {

    AfterSelectionFixture fixture;
    NominationService nominations;
    Nomination waitingAtSchool;
    Nomination selected;

    @BeforeAll
    void start() {
        fixture = AfterSelectionFixture.onH2("read-access");
        nominations = fixture.tierFlow.nominations();
        waitingAtSchool = fixture.submit(NINGXIA, "teaching-talent", "xingqing-school-1");
        selected = fixture.select(NINGXIA, "teaching-talent", "xingqing-school-1", LocalDate.of(2021, 5, 10));
    }

    @AfterAll
    void stop() throws Exception {
        fixture.close();
    }

    @Test
    void theApplicantAndTheApproversFromTheReachedLevelUpwardsMayRead() {
        String id = waitingAtSchool.id();
        assertThat(nominations.get(id, waitingAtSchool.applicantId()).id()).isEqualTo(id);
        assertThat(nominations.timeline(id, waitingAtSchool.applicantId())).isNotEmpty();
        for (String unit : new String[] {"xingqing-school-1", "xingqing", "yinchuan", "nx"}) {
            assertThat(nominations.get(id, reviewerOf(unit)).id()).as(unit).isEqualTo(id);
        }
    }

    @Test
    void lowerLevelsThatPassedItOnStillMayReadIt() {
        assertThat(nominations.timeline(selected.id(), reviewerOf("xingqing-school-1"))).isNotEmpty();
        assertThat(nominations.get(selected.id(), reviewerOf("xingqing")).state()).isEqualTo(selected.state());
    }

    @Test
    void anyoneElseIsRefusedInBothLanguages() {
        for (String outsider : new String[] {reviewerOf("shinan"), reviewerOf("jinfeng"), reviewerOf("wuzhong"),
                "applicant-somebody-else"}) {
            assertThatThrownBy(() -> nominations.get(waitingAtSchool.id(), outsider)).as(outsider)
                    .isInstanceOf(NotAuthorizedException.class)
                    .hasMessageContaining("无权查看申报").hasMessageContaining("may not read nomination");
            assertThatThrownBy(() -> nominations.timeline(waitingAtSchool.id(), outsider)).as(outsider)
                    .isInstanceOf(NotAuthorizedException.class);
        }
        assertThatThrownBy(() -> nominations.get(waitingAtSchool.id(), null)).isInstanceOf(NotAuthorizedException.class);
        assertThatThrownBy(() -> nominations.get("no-such-id", reviewerOf("nx"))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void theHostReadsWithoutAnActor() {
        assertThat(nominations.get(waitingAtSchool.id()).id()).isEqualTo(waitingAtSchool.id());
        assertThat(nominations.timeline(waitingAtSchool.id())).isNotEmpty();
    }
}
