package org.tierflow.spring.boot.web;

import java.security.Principal;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tierflow.core.api.HourRecord;
import org.tierflow.core.api.LedgerEntry;
import org.tierflow.core.api.TrainingProgress;
import org.tierflow.core.api.TrainingService;
import org.tierflow.spring.boot.web.TierFlowRequests.TrainingHours;

/**
 * The training-hour ledger of selected candidates. TierFlow does not check who reports hours (a training platform,
 * the host's own form): any signed-in caller may, so hosts restrict these paths in their own security.
 */
@RestController
@RequestMapping(Api.BASE_PATH)
public class TrainingController {

    private final TrainingService training;

    public TrainingController(TrainingService training) {
        this.training = training;
    }

    /** Records hours once; sending the same record again answers with the stored row and changes nothing. */
    @PostMapping("/nominations/{id}/training-hours")
    public LedgerEntry record(@PathVariable String id, @RequestBody TrainingHours body, Principal caller) {
        Callers.id(caller);
        MissingFieldsException.require().field("externalRecordId", body.externalRecordId())
                .field("categoryCode", body.categoryCode()).field("hours", body.hours()).field("date", body.date())
                .field("source", body.source()).check();
        return training.record(new HourRecord(id, body.externalRecordId(), body.categoryCode(), body.hours(),
                body.date(), body.source(), body.description()));
    }

    /** The nomination's ledger, by date. */
    @GetMapping("/nominations/{id}/training-hours")
    public List<LedgerEntry> ledger(@PathVariable String id, Principal caller) {
        Callers.id(caller);
        return training.ledger(id);
    }

    @GetMapping("/nominations/{id}/training-progress")
    public TrainingProgress progress(@PathVariable String id, Principal caller) {
        Callers.id(caller);
        return training.progress(id);
    }
}
