package org.tierflow.examples.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.flowable.bpmn.model.BpmnModel;
import org.flowable.engine.HistoryService;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.ProcessEngineConfiguration;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.history.HistoricProcessInstance;
import org.flowable.engine.repository.ProcessDefinition;
import org.flowable.engine.runtime.ProcessInstance;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.tierflow.bpmn.TierFlowBpmn;
import org.tierflow.core.api.NominationService;
import org.tierflow.core.api.NotFoundException;
import org.tierflow.core.api.program.LocalizedText;

/**
 * The BPMN diagrams of TierFlow's two processes, as the engine deployed them, and a nomination's diagrams with
 * the activities it is at highlighted (Flowable's own diagram generator).
 */
@Controller
class DiagramController {

    /** The two processes by the short names the URLs use. */
    static final String NOMINATION = "nomination";
    static final String LEVEL_REVIEW = "level-review";

    private final RepositoryService repository;
    private final RuntimeService runtime;
    private final HistoryService history;
    private final ProcessEngineConfiguration engineConfiguration;
    private final NominationService nominations;

    DiagramController(ProcessEngine engine, NominationService nominations) {
        this.repository = engine.getRepositoryService();
        this.runtime = engine.getRuntimeService();
        this.history = engine.getHistoryService();
        this.engineConfiguration = engine.getProcessEngineConfiguration();
        this.nominations = nominations;
    }

    /** The diagram Flowable drew when TierFlow's deployment was made (or drawn now, if the engine draws none). */
    @GetMapping("/diagrams/{process}.png")
    ResponseEntity<byte[]> diagram(@PathVariable String process) {
        ProcessDefinition definition = latest(processKey(process));
        try (InputStream deployed = repository.getProcessDiagram(definition.getId())) {
            byte[] png = deployed != null ? deployed.readAllBytes() : draw(definition, List.of());
            return png(png, CacheControl.noCache());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The nomination's process ({@code process=nomination}) or its current level review
     * ({@code process=level-review}), with the activities it waits in highlighted.
     */
    @GetMapping("/nominations/{id}/diagram.png")
    ResponseEntity<byte[]> nominationDiagram(@PathVariable String id,
                                             @RequestParam(defaultValue = NOMINATION) String process) {
        nominations.get(id);
        List<String> active = new ArrayList<>();
        Optional<ProcessInstance> main = Optional.ofNullable(runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(id).processDefinitionKey(TierFlowBpmn.NOMINATION_PROCESS).singleResult());
        if (LEVEL_REVIEW.equals(process)) {
            main.flatMap(instance -> runtime.createProcessInstanceQuery().superProcessInstanceId(instance.getId())
                            .list().stream().findFirst())
                    .ifPresent(level -> active.addAll(runtime.getActiveActivityIds(level.getId())));
        } else if (main.isPresent()) {
            active.addAll(runtime.getActiveActivityIds(main.get().getId()));
        } else {
            HistoricProcessInstance ended = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(id)
                    .processDefinitionKey(TierFlowBpmn.NOMINATION_PROCESS).singleResult();
            if (ended != null && ended.getEndActivityId() != null) {
                active.add(ended.getEndActivityId());
            }
        }
        return png(draw(latest(processKey(process)), active), CacheControl.noStore());
    }

    private byte[] draw(ProcessDefinition definition, List<String> highlighted) {
        BpmnModel model = repository.getBpmnModel(definition.getId());
        try (InputStream image = engineConfiguration.getProcessDiagramGenerator().generateDiagram(model, "png",
                highlighted, List.of(), engineConfiguration.getActivityFontName(), engineConfiguration.getLabelFontName(),
                engineConfiguration.getAnnotationFontName(), engineConfiguration.getClassLoader(), 1.0, true)) {
            return image.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ProcessDefinition latest(String key) {
        return repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult();
    }

    private static String processKey(String process) {
        return switch (process) {
            case NOMINATION -> TierFlowBpmn.NOMINATION_PROCESS;
            case LEVEL_REVIEW -> TierFlowBpmn.LEVEL_REVIEW_PROCESS;
            default -> throw new NotFoundException(new LocalizedText("没有流程图 “" + process + "”",
                    "no diagram '" + process + "'"));
        };
    }

    private static ResponseEntity<byte[]> png(byte[] png, CacheControl cache) {
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(cache).body(png);
    }
}
