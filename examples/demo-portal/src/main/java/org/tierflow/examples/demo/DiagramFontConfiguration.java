package org.tierflow.examples.demo;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.io.InputStream;

import org.flowable.spring.SpringProcessEngineConfiguration;
import org.flowable.spring.boot.EngineConfigurationConfigurer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Flowable draws diagrams with a font named in its configuration; on a machine without a CJK font the
 * Chinese names come out as boxes. The portal ships Noto Sans CJK SC (from Maven Central) and tells the
 * engine to draw with it.
 */
@Configuration(proxyBeanMethods = false)
class DiagramFontConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(DiagramFontConfiguration.class);
    private static final String FONT = "com/github/xingfudeshi/fonts/思源黑体正常_0.ttf";

    @Bean
    EngineConfigurationConfigurer<SpringProcessEngineConfiguration> diagramFontConfigurer() {
        return configuration -> {
            try (InputStream in = DiagramFontConfiguration.class.getClassLoader().getResourceAsStream(FONT)) {
                if (in == null) {
                    LOG.warn("CJK font {} is not on the classpath; diagrams use the engine's default font", FONT);
                    return;
                }
                Font font = Font.createFont(Font.TRUETYPE_FONT, in);
                GraphicsEnvironment.getLocalGraphicsEnvironment().registerFont(font);
                configuration.setActivityFontName(font.getFamily());
                configuration.setLabelFontName(font.getFamily());
                configuration.setAnnotationFontName(font.getFamily());
            } catch (IOException | FontFormatException e) {
                LOG.warn("CJK font {} could not be loaded; diagrams use the engine's default font", FONT, e);
            }
        };
    }
}
