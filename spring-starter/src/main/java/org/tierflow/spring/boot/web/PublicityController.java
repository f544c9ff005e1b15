package org.tierflow.spring.boot.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.tierflow.core.api.Objection;
import org.tierflow.core.api.ObjectionOutcome;
import org.tierflow.core.api.ObjectionResolution;
import org.tierflow.core.api.Publication;
import org.tierflow.core.api.PublicityExportFormat;
import org.tierflow.core.api.PublicityService;

/** Publicity (公示): publications of selected candidates, objections, closing, and the list as CSV or Excel. */
@RestController
@RequestMapping(Api.BASE_PATH)
public class PublicityController {

    private final PublicityService publicity;

    public PublicityController(PublicityService publicity) {
        this.publicity = publicity;
    }

    /** Body of a publication: the unit whose selection is published. */
    public record Publishing(String unitId) {
    }

    /** Body of an objection. */
    public record ObjectionFiling(String nominationId, String reason) {
    }

    /** Body of a resolution. */
    public record ObjectionResolving(ObjectionOutcome outcome, String reason) {
    }

    /** The caller, an approver of the unit, publishes its selected candidates; 201 with the publication. */
    @PostMapping("/programs/{code}/tiers/{tier}/publications")
    public ResponseEntity<Publication> publish(@PathVariable String code, @PathVariable String tier,
                                               @RequestBody Publishing body, Principal caller) {
        String actor = Callers.id(caller);
        MissingFieldsException.require().field("unitId", body.unitId()).check();
        Publication publication = publicity.publish(code, tier, body.unitId(), actor);
        String path = ServletUriComponentsBuilder.fromCurrentRequestUri().build().getPath();
        String base = path.substring(0, path.lastIndexOf("/programs/"));
        URI location = ServletUriComponentsBuilder.fromCurrentRequestUri()
                .replacePath(base + "/publications/" + publication.id()).build().toUri();
        return ResponseEntity.created(location).body(publication);
    }

    /** The publications of a tier, newest first. */
    @GetMapping("/programs/{code}/tiers/{tier}/publications")
    public List<Publication> publications(@PathVariable String code, @PathVariable String tier, Principal caller) {
        Callers.id(caller);
        return publicity.publications(code, tier);
    }

    @GetMapping("/publications/{publicationId}")
    public Publication publication(@PathVariable String publicationId, Principal caller) {
        Callers.id(caller);
        return publicity.publication(publicationId);
    }

    /** The publicity list as a file: {@code format=CSV} (UTF-8 with a byte-order mark) or {@code XLSX}. */
    @GetMapping("/publications/{publicationId}/export")
    public ResponseEntity<byte[]> export(@PathVariable String publicationId,
                                         @RequestParam(defaultValue = "CSV") PublicityExportFormat format,
                                         Principal caller) {
        Callers.id(caller);
        byte[] file = publicity.export(publicationId, format);
        ContentDisposition disposition = ContentDisposition.attachment()
                .filename("publicity-" + publicationId + "." + format.extension(), StandardCharsets.UTF_8).build();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(format.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .body(file);
    }

    /** The caller files an objection to a published candidate during the period; 201 with the objection. */
    @PostMapping("/publications/{publicationId}/objections")
    public ResponseEntity<Objection> fileObjection(@PathVariable String publicationId, @RequestBody ObjectionFiling body,
                                                   Principal caller) {
        String objector = Callers.id(caller);
        MissingFieldsException.require().field("nominationId", body.nominationId()).field("reason", body.reason())
                .check();
        Objection objection = publicity.fileObjection(publicationId, body.nominationId(), objector, body.reason());
        return ResponseEntity.status(201).body(objection);
    }

    /** The objections of a publication; for the publishing unit's approvers. */
    @GetMapping("/publications/{publicationId}/objections")
    public List<Objection> objections(@PathVariable String publicationId, Principal caller) {
        return publicity.objections(publicationId, Callers.id(caller));
    }

    /** The caller, an approver of the publishing unit, resolves an objection: UPHELD or DISMISSED. */
    @PostMapping("/objections/{objectionId}/resolution")
    public ObjectionResolution resolve(@PathVariable String objectionId, @RequestBody ObjectionResolving body,
                                       Principal caller) {
        String reviewer = Callers.id(caller);
        MissingFieldsException.require().field("outcome", body.outcome()).field("reason", body.reason()).check();
        return publicity.resolveObjection(objectionId, reviewer, body.outcome(), body.reason());
    }

    /** Closes a publication whose period is over (TierFlow's timer does this too): confirms candidates. */
    @PostMapping("/publications/{publicationId}/closing")
    public Publication close(@PathVariable String publicationId, Principal caller) {
        return publicity.close(publicationId, Callers.id(caller));
    }
}
