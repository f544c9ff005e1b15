package org.tierflow.bpmn;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import org.flowable.bpmn.converter.BpmnXMLConverter;
import org.flowable.bpmn.model.BpmnModel;

/** Loads the shipped models the way the engine does, with the BPMN 2.0 schema check switched on. */
final class BpmnTestModels {

    private BpmnTestModels() {
    }

    /** Every model resource of the module. */
    static Stream<String> resources() {
        return TierFlowBpmn.ALL_RESOURCES.stream();
    }

    /** The process id a resource must declare: its file name without {@code .bpmn20.xml}. */
    static String processIdOf(String resource) {
        String fileName = resource.substring(resource.lastIndexOf('/') + 1);
        return fileName.substring(0, fileName.length() - TierFlowBpmn.RESOURCE_SUFFIX.length());
    }

    /** Parses a classpath resource, validating it against the BPMN 2.0 XSD (including BPMNDI). */
    static BpmnModel parse(String resource) {
        assertThat(BpmnTestModels.class.getClassLoader().getResource(resource))
                .as("model resource %s is on the classpath", resource)
                .isNotNull();
        return new BpmnXMLConverter().convertToBpmnModel(() -> open(resource), true, true,
                StandardCharsets.UTF_8.name());
    }

    private static InputStream open(String resource) {
        return BpmnTestModels.class.getClassLoader().getResourceAsStream(resource);
    }
}
