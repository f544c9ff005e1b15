package org.tierflow.spring.boot.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.tierflow.core.api.AuditFinding;
import org.tierflow.core.api.SpotCheck;
import org.tierflow.core.api.SpotCheckItem;
import org.tierflow.core.api.SpotCheckReport;
import org.tierflow.core.api.SpotCheckRequest;
import org.tierflow.core.api.SpotCheckService;
import org.tierflow.core.api.program.SampleSize;

/**
 * Yearly spot checks (抽查): the draw, the audits the caller may complete, findings, and the report (JSON or CSV).
 * The caller acts for the auditing unit; TierFlow asks the host's directory whether they may.
 */
@RestController
@RequestMapping(Api.BASE_PATH)
public class SpotCheckController {

    private final SpotCheckService spotChecks;

    public SpotCheckController(SpotCheckService spotChecks) {
        this.spotChecks = spotChecks;
    }

    /** Draws this year's sample for the program; 201 with the spot check and its open audits. */
    @PostMapping("/programs/{code}/spot-checks")
    public ResponseEntity<SpotCheck> draw(@PathVariable String code, @RequestBody Draw body, Principal caller) {
        String actor = Callers.id(caller);
        MissingFieldsException.require().field("auditingUnitId", body.auditingUnitId()).field("year", body.year())
                .check();
        SpotCheck drawn = spotChecks.draw(new SpotCheckRequest(code, body.auditingUnitId(), body.year(), body.seed(),
                body.candidates(), body.units(), actor));
        String path = ServletUriComponentsBuilder.fromCurrentRequestUri().build().getPath();
        String base = path.substring(0, path.lastIndexOf("/programs/"));
        URI location = ServletUriComponentsBuilder.fromCurrentRequestUri()
                .replacePath(base + "/spot-checks/" + drawn.id()).build().toUri();
        return ResponseEntity.created(location).body(drawn);
    }

    @GetMapping("/spot-checks/{spotCheckId}")
    public SpotCheck get(@PathVariable String spotCheckId, Principal caller) {
        return spotChecks.get(spotCheckId, Callers.id(caller));
    }

    /** The open audits the caller may complete, oldest draw first. */
    @GetMapping("/spot-check-audits")
    public List<SpotCheckItem> openAudits(Principal caller) {
        return spotChecks.openAudits(Callers.id(caller));
    }

    /** Completes one audit with its finding; final. */
    @PostMapping("/spot-check-audits/{itemId}/finding")
    public SpotCheckItem complete(@PathVariable String itemId, @RequestBody Finding body, Principal caller) {
        String actor = Callers.id(caller);
        MissingFieldsException.require().field("finding", body.finding()).check();
        return spotChecks.complete(itemId, actor, body.finding(), body.comment());
    }

    @GetMapping("/spot-checks/{spotCheckId}/report")
    public SpotCheckReport report(@PathVariable String spotCheckId, Principal caller) {
        return spotChecks.report(spotCheckId, Callers.id(caller));
    }

    /** The report as a CSV download (UTF-8). */
    @GetMapping("/spot-checks/{spotCheckId}/report.csv")
    public ResponseEntity<byte[]> reportCsv(@PathVariable String spotCheckId, Principal caller) {
        String csv = spotChecks.reportCsv(spotCheckId, Callers.id(caller));
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"spot-check-" + spotCheckId + ".csv\"")
                .body(csv.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * {@code POST /programs/{code}/spot-checks}.
     *
     * @param auditingUnitId required: the unit at the program's spot-check level that audits
     * @param year           required: the year audited
     * @param seed           optional: the draw's seed (TierFlow picks and records one when absent)
     * @param candidates     optional: how many candidates, e.g. {@code {"basis":"PERCENT","value":10}} or
     *                       {@code {"basis":"COUNT","value":5}}; the definition's default when absent
     * @param units          optional: how many managing units; the definition's default when absent
     */
    public record Draw(String auditingUnitId, Integer year, Long seed, SampleSize candidates, SampleSize units) {
    }

    /** @param finding required: {@code OK} or {@code ISSUES}; @param comment required for ISSUES */
    public record Finding(AuditFinding finding, String comment) {
    }
}
