package org.tierflow.spring.boot.autoconfigure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternUtils;
import org.tierflow.core.TierFlow;

/** Hands the models of {@code tierflow.bpmn.models} and the units' level reviews to TierFlow's builder. */
final class BpmnModelResources {

    private BpmnModelResources() {
    }

    static void apply(TierFlow.Builder builder, TierFlowBpmnProperties properties, ResourceLoader resourceLoader) {
        ResourcePatternResolver resolver = ResourcePatternUtils.getResourcePatternResolver(resourceLoader);
        Map<String, Resource> byName = new LinkedHashMap<>();
        for (String location : properties.getModels()) {
            Resource[] found = resolve(resolver, location);
            if (found.length == 0 || (found.length == 1 && !found[0].exists())) {
                throw new IllegalStateException("tierflow.bpmn.models 中的 “" + location + "” 没有找到任何模型文件"
                        + " / tierflow.bpmn.models entry '" + location + "' matches no model file");
            }
            for (Resource resource : found) {
                String name = resource.getFilename();
                Resource before = byName.putIfAbsent(name, resource);
                if (before != null && !sameFile(before, resource)) {
                    throw new IllegalStateException("tierflow.bpmn.models 中有两个同名模型文件 " + name + "：" + before.getDescription()
                            + " 和 " + resource.getDescription() + " / tierflow.bpmn.models names two model files called "
                            + name + ": " + before.getDescription() + " and " + resource.getDescription());
                }
            }
        }
        byName.forEach((name, resource) -> {
            try {
                builder.bpmnModel(name, resource.getContentAsString(StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("tierflow.bpmn.models: " + e.getMessage(), e);
            } catch (IOException e) {
                throw new UncheckedIOException("无法读取 BPMN 模型 / cannot read the BPMN model " + resource.getDescription(), e);
            }
        });
        properties.getLevelReviewProcesses().forEach((unitId, processKey) -> {
            try {
                builder.levelReviewProcess(unitId, processKey);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("tierflow.bpmn.level-review-processes[" + unitId + "]: " + e.getMessage(), e);
            }
        });
    }

    private static boolean sameFile(Resource one, Resource other) {
        try {
            return one.getURL().equals(other.getURL());
        } catch (IOException e) {
            return false;
        }
    }

    private static Resource[] resolve(ResourcePatternResolver resolver, String location) {
        try {
            return resolver.getResources(location);
        } catch (IOException e) {
            throw new UncheckedIOException("无法解析 BPMN 模型位置 / cannot resolve tierflow.bpmn.models entry '" + location + "'", e);
        }
    }
}
