package org.tierflow.spring.boot.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The OpenAPI 3.0 description of TierFlow's REST API, {@code META-INF/tierflow/openapi.yaml}, with its server URL
 * set to where the API is mapped in this application. Public.
 */
@RestController
@RequestMapping(Api.BASE_PATH)
public class OpenApiController {

    /** Where the description lives on the classpath. */
    public static final String LOCATION = "META-INF/tierflow/openapi.yaml";

    /** The server URL written in the file, replaced when served. */
    static final String SERVER_PLACEHOLDER = "url: /tierflow/api";

    private final String description;
    private final String basePath;

    public OpenApiController(String basePath) {
        this.basePath = basePath;
        try (InputStream in = new ClassPathResource(LOCATION, OpenApiController.class.getClassLoader()).getInputStream()) {
            this.description = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("TierFlow's " + LOCATION + " is missing from the starter", e);
        }
    }

    @GetMapping(value = "/openapi.yaml", produces = {"application/yaml;charset=UTF-8", "text/yaml;charset=UTF-8", "text/plain;charset=UTF-8"})
    public String openApi(HttpServletRequest request) {
        return description.replace(SERVER_PLACEHOLDER, "url: " + request.getContextPath() + basePath);
    }
}
