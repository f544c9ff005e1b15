package org.tierflow.examples.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.core.io.Resource;
import org.tierflow.core.api.program.LocalizedText;
import org.tierflow.core.spi.ApproverDirectory;
import org.tierflow.core.spi.ApproverQuery;
import org.tierflow.core.spi.OrganisationDirectory;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The demo's users and which tree runs which program, read from {@code demo/users.yaml}; also the portal's
 * {@link ApproverDirectory}: a user may act for the units listed under {@code actsFor}, in every program and tier.
 * A real portal answers from its own role tables instead.
 */
final class DemoUsers implements ApproverDirectory {

    private final Map<String, DemoUser> usersById;
    private final Map<String, String> programRoots;

    DemoUsers(List<DemoUser> users, Map<String, String> programRoots) {
        Map<String, DemoUser> byId = new LinkedHashMap<>();
        users.forEach(user -> {
            if (byId.putIfAbsent(user.id(), user) != null) {
                throw new IllegalStateException("演示用户 id 重复 / duplicate demo user id: " + user.id());
            }
        });
        this.usersById = Collections.unmodifiableMap(byId);
        this.programRoots = Map.copyOf(programRoots);
    }

    /** Reads the YAML file and checks every unit it names against the organisation tree. */
    @SuppressWarnings("unchecked")
    static DemoUsers load(Resource resource, OrganisationDirectory organisations) {
        Map<String, Object> document;
        try (InputStream in = resource.getInputStream()) {
            document = new Yaml(new LoaderOptions()).load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the demo users " + resource, e);
        }
        List<DemoUser> users = new ArrayList<>();
        for (Map<String, Object> entry : (List<Map<String, Object>>) document.get("users")) {
            Map<String, String> name = (Map<String, String>) entry.get("name");
            DemoUser user = new DemoUser((String) entry.get("id"), new LocalizedText(name.get("zh"), name.get("en")),
                    DemoRole.valueOf((String) entry.get("role")), (String) entry.get("unit"),
                    (List<String>) entry.get("actsFor"));
            organisations.unit(user.unitId());
            user.actsFor().forEach(organisations::unit);
            users.add(user);
        }
        Map<String, String> programRoots = (Map<String, String>) document.getOrDefault("programs", Map.of());
        programRoots.values().forEach(organisations::unit);
        return new DemoUsers(users, programRoots);
    }

    /** Every user, in file order. */
    List<DemoUser> all() {
        return List.copyOf(usersById.values());
    }

    Optional<DemoUser> find(String id) {
        return Optional.ofNullable(id == null ? null : usersById.get(id));
    }

    /** The user's name in the locale's language, or the id itself for someone the demo does not know. */
    LocalizedText nameOf(String id) {
        return find(id).map(DemoUser::name).orElse(new LocalizedText(String.valueOf(id), String.valueOf(id)));
    }

    /** The root unit of the tree a program runs in, if the demo names one. */
    Optional<String> rootOf(String programCode) {
        return Optional.ofNullable(programRoots.get(programCode));
    }

    @Override
    public List<String> approvers(ApproverQuery query) {
        return usersById.values().stream()
                .filter(user -> user.actsFor().contains(query.unitId()))
                .map(DemoUser::id)
                .toList();
    }
}
