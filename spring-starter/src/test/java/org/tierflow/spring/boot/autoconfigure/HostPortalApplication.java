package org.tierflow.spring.boot.autoconfigure;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.annotation.Transactional;
import org.tierflow.core.TierFlow;
import org.tierflow.core.api.Decision;
import org.tierflow.core.api.TierFlowException;
import org.tierflow.core.spi.NominationEvent;
import org.tierflow.core.spi.NominationListener;
import org.tierflow.core.support.InMemoryApproverDirectory;
import org.tierflow.spring.boot.TierFlowNominationEvent;

/**
 * A host portal as a developer writes it: the starter on the classpath, an approver directory bean, a listener,
 * a transactional service of its own, and (in {@code processes/}) a BPMN process of its own.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(HostPortalApplication.ReviewDesk.class)
class HostPortalApplication {

    @Bean
    InMemoryApproverDirectory approvers() {
        return Ningxia.approvers();
    }

    @Bean
    RecordingListener recordingListener() {
        return new RecordingListener();
    }

    /** Hears TierFlow's events both ways: as a NominationListener and as Spring application events. */
    static class RecordingListener implements NominationListener {
        final List<NominationEvent> heard = new CopyOnWriteArrayList<>();
        final List<TierFlowNominationEvent> applicationEvents = new CopyOnWriteArrayList<>();

        @Override
        public void onEvent(NominationEvent event) {
            heard.add(event);
        }

        @EventListener
        void on(TierFlowNominationEvent event) {
            applicationEvents.add(event);
        }

        List<NominationEvent> heardOf(String nominationId) {
            return heard.stream().filter(e -> e.nominationId().equals(nominationId)).toList();
        }

        List<NominationEvent> publishedOf(String nominationId) {
            return applicationEvents.stream().map(TierFlowNominationEvent::getEvent)
                    .filter(e -> e.nominationId().equals(nominationId)).toList();
        }
    }

    /** The host's own service: records the decision in its archive in the same transaction. */
    static class ReviewDesk {
        private final TierFlow tierFlow;

        ReviewDesk(TierFlow tierFlow) {
            this.tierFlow = tierFlow;
        }

        /** Decides, then the host's archive fails: the whole transaction, TierFlow's decision included, rolls back. */
        @Transactional
        public void decideAndArchive(String taskId, String approver, Decision decision) {
            tierFlow.reviews().decide(taskId, approver, decision);
            throw new IllegalStateException("档案系统不可用 / the archive is unavailable");
        }

        /** Tries to decide; a refusal is the host's answer to show, and its transaction goes on. */
        @Transactional
        public boolean tryToDecide(String taskId, String approver, Decision decision) {
            try {
                tierFlow.reviews().decide(taskId, approver, decision);
                return true;
            } catch (TierFlowException refused) {
                return false;
            }
        }
    }
}
