package org.tierflow.spring.boot.web;

import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.tierflow.core.api.Credential;
import org.tierflow.core.api.CredentialService;
import org.tierflow.core.api.CredentialVerification;
import org.tierflow.core.api.NotFoundException;
import org.tierflow.core.api.program.LocalizedText;
import org.tierflow.spring.boot.web.TierFlowRequests.CredentialIssue;
import org.tierflow.spring.boot.web.TierFlowRequests.Reason;

/**
 * Credentials: issued and revoked by the issuing authority, verified by anyone holding a number (the one
 * endpoint that needs no caller), printed as an HTML page.
 */
@RestController
@RequestMapping(Api.BASE_PATH)
public class CredentialController {

    private final CredentialService credentials;
    private final Locale defaultLocale;

    public CredentialController(CredentialService credentials, Locale defaultLocale) {
        this.credentials = credentials;
        this.defaultLocale = defaultLocale;
    }

    /** The caller, acting for the issuing authority, issues the tier's credential; 201 with its location. */
    @PostMapping("/nominations/{id}/credentials")
    public ResponseEntity<Credential> issue(@PathVariable String id,
                                            @RequestBody(required = false) CredentialIssue body, Principal caller) {
        String actor = Callers.id(caller);
        Credential credential = credentials.issue(id, actor, body == null ? null : body.holderName());
        // {context}{base}/nominations/{id}/credentials → {context}{base}/credentials/{number}
        ServletUriComponentsBuilder here = ServletUriComponentsBuilder.fromCurrentRequestUri();
        String base = here.build().getPath().replaceFirst("/nominations/[^/]+/credentials/?$", "");
        URI location = here.replacePath(base).path("/credentials/{number}").buildAndExpand(credential.number()).toUri();
        return ResponseEntity.created(location).body(credential);
    }

    /** The nomination's credentials, oldest first, revoked ones included. */
    @GetMapping("/nominations/{id}/credentials")
    public List<Credential> ofNomination(@PathVariable String id, Principal caller) {
        Callers.id(caller);
        return credentials.ofNomination(id);
    }

    /** Public: what the certificate shows and whether it stands. No caller needed. */
    @GetMapping("/credentials/{number}")
    public CredentialVerification verify(@PathVariable String number) {
        return credentials.verify(number).orElseThrow(() -> unknown(number));
    }

    @PostMapping("/credentials/{number}/revocation")
    public Credential revoke(@PathVariable String number, @RequestBody Reason body, Principal caller) {
        return credentials.revoke(number, body.reason(), Callers.id(caller));
    }

    /** The certificate as a printable, self-contained HTML page, the request's language first. */
    @GetMapping(value = "/credentials/{number}/printable", produces = "text/html;charset=UTF-8")
    public String printable(@PathVariable String number, Principal caller, HttpServletRequest request) {
        Callers.id(caller);
        return credentials.renderPrintable(number, RequestLanguage.of(request, defaultLocale));
    }

    private static NotFoundException unknown(String number) {
        return new NotFoundException(new LocalizedText("没有编号为 " + number + " 的证书",
                "no credential has the number " + number));
    }
}
