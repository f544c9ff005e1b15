package org.tierflow.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.tierflow.bpmn.TierFlowBpmn;

/**
 * The same BPMN for every contender: TierFlow's two shipped models (nomination, level review as a call activity).
 * Plain Flowable deploys them as they are; Camunda 7 reads them with the extension namespace renamed.
 */
final class ChainModels {

    private ChainModels() {
    }

    /** Resource name → XML of TierFlow's shipped models. */
    static Map<String, String> flowable() {
        Map<String, String> models = new LinkedHashMap<>();
        for (String resource : TierFlowBpmn.NOMINATION_RESOURCES) {
            try (InputStream in = TierFlowBpmn.class.getClassLoader().getResourceAsStream(resource)) {
                models.put(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return models;
    }

    /**
     * The same models for Camunda 7: {@code flowable:} extension attributes become {@code camunda:} ones (same
     * meaning: delegateExpression, candidateUsers, in/out), and the inherited business key is Camunda's
     * {@code <camunda:in businessKey=.../>}.
     */
    static Map<String, String> camunda() {
        Map<String, String> models = new LinkedHashMap<>();
        flowable().forEach((resource, xml) -> models.put(resource.substring(resource.lastIndexOf('/') + 1), xml
                .replace("xmlns:flowable=\"http://flowable.org/bpmn\"", "xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\"")
                .replace(" flowable:inheritBusinessKey=\"true\"", "")
                .replace("<extensionElements>\n        <flowable:in source=\"nominationId\"",
                        "<extensionElements>\n        <camunda:in businessKey=\"#{execution.processBusinessKey}\"/>\n"
                                + "        <flowable:in source=\"nominationId\"")
                .replace("flowable:", "camunda:")));
        return models;
    }

    /**
     * The hand-written glue of a plain-engine host: which units act for a nomination at each step, kept in memory
     * as a host would look it up in its own tables. Shared by the plain Flowable and the Camunda contender.
     */
    static final class Glue {
        final Map<String, List<String>> unitsByNomination = new ConcurrentHashMap<>();
        final NationalTree tree;

        Glue(NationalTree tree) {
            this.tree = tree;
        }

        void register(String nominationId, String schoolId) {
            unitsByNomination.put(nominationId, tree.chainUnits(schoolId));
        }

        String unitAt(String nominationId, int step) {
            return unitsByNomination.get(nominationId).get(step);
        }

        void forget(String nominationId) {
            unitsByNomination.remove(nominationId);
        }
    }
}
