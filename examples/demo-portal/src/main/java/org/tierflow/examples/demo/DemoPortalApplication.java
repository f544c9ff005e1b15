package org.tierflow.examples.demo;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A demo education-bureau portal that embeds TierFlow: the starter on the classpath, a few properties
 * in {@code application.yaml}, nothing else installed (embedded H2).
 */
@SpringBootApplication
public class DemoPortalApplication {

    public static void main(String[] args) {
        SpringApplication.run(DemoPortalApplication.class, args);
    }
}
