package org.tierflow.spring.boot.autoconfigure;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Configuration of TierFlow in a Spring Boot application, under {@code tierflow.*}.
 */
@ConfigurationProperties("tierflow")
public class TierFlowProperties {

    /**
     * Program definitions to load.
     */
    private final Programs programs;

    /**
     * The organisation tree, when the host does not provide its own OrganisationDirectory bean.
     */
    private final Organisations organisations;

    public TierFlowProperties(@DefaultValue Programs programs, @DefaultValue Organisations organisations) {
        this.programs = programs;
        this.organisations = organisations;
    }

    public Programs getPrograms() {
        return programs;
    }

    public Organisations getOrganisations() {
        return organisations;
    }

    /**
     * Where program definition files are read from.
     */
    public static class Programs {

        /**
         * Resource patterns of program definition files (YAML). Every match is loaded and validated at
         * start-up; any problem stops the start with every problem listed. The five seed programs TierFlow
         * ships are at "classpath*:org/tierflow/programs/*.yaml".
         */
        private final List<String> locations;

        public Programs(@DefaultValue("classpath*:tierflow/programs/*.yaml") List<String> locations) {
            this.locations = List.copyOf(locations);
        }

        public List<String> getLocations() {
            return locations;
        }
    }

    /**
     * An in-memory organisation tree, for hosts without their own organisation directory.
     */
    public static class Organisations {

        /**
         * Resource of an organisation tree in YAML (see docs/reference/organisation-directory.md), used
         * only when the host defines no OrganisationDirectory bean. TierFlow ships
         * "classpath:org/tierflow/organisations/ningxia.yaml" and "classpath:org/tierflow/organisations/qingdao.yaml".
         */
        private final String location;

        public Organisations(String location) {
            this.location = location;
        }

        public String getLocation() {
            return location;
        }
    }
}
