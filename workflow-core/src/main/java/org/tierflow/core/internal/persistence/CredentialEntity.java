package org.tierflow.core.internal.persistence;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;
import org.tierflow.core.api.program.OrganisationLevel;

/**
 * A credential (认定证书) as issued: what the certificate shows is copied at issue. Immutable; a revocation is
 * recorded in {@link CredentialRevocationEntity}.
 */
@Entity
@Immutable
@Table(name = "tierflow_credential")
public class CredentialEntity {

    @Id
    private String id;

    @Column(name = "credential_number", nullable = false, updatable = false)
    private String number;

    @Column(name = "nomination_id", nullable = false, updatable = false)
    private String nominationId;

    @Column(name = "program_code", nullable = false, updatable = false)
    private String programCode;

    @Column(name = "tier_code", nullable = false, updatable = false)
    private String tierCode;

    @Column(name = "holder_id", nullable = false, updatable = false)
    private String holderId;

    @Column(name = "holder_name", updatable = false)
    private String holderName;

    @Column(name = "title_zh", nullable = false, updatable = false)
    private String titleZh;

    @Column(name = "title_en", nullable = false, updatable = false)
    private String titleEn;

    @Column(name = "tier_name_zh", nullable = false, updatable = false)
    private String tierNameZh;

    @Column(name = "tier_name_en", nullable = false, updatable = false)
    private String tierNameEn;

    @Column(name = "program_name_zh", nullable = false, updatable = false)
    private String programNameZh;

    @Column(name = "program_name_en", nullable = false, updatable = false)
    private String programNameEn;

    @Column(name = "issuing_unit_id", nullable = false, updatable = false)
    private String issuingUnitId;

    @Column(name = "issuing_unit_name_zh", nullable = false, updatable = false)
    private String issuingUnitNameZh;

    @Column(name = "issuing_unit_name_en", nullable = false, updatable = false)
    private String issuingUnitNameEn;

    @Enumerated(EnumType.STRING)
    @Column(name = "issuing_level", nullable = false, updatable = false)
    private OrganisationLevel issuingLevel;

    @Column(name = "issued_by", nullable = false, updatable = false)
    private String issuedBy;

    @Column(name = "issued_at", nullable = false, updatable = false)
    private Instant issuedAt;

    @Column(name = "issued_on", nullable = false, updatable = false)
    private LocalDate issuedOn;

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getNumber() { return number; }
    public void setNumber(String number) { this.number = number; }
    public String getNominationId() { return nominationId; }
    public void setNominationId(String nominationId) { this.nominationId = nominationId; }
    public String getProgramCode() { return programCode; }
    public void setProgramCode(String programCode) { this.programCode = programCode; }
    public String getTierCode() { return tierCode; }
    public void setTierCode(String tierCode) { this.tierCode = tierCode; }
    public String getHolderId() { return holderId; }
    public void setHolderId(String holderId) { this.holderId = holderId; }
    public String getHolderName() { return holderName; }
    public void setHolderName(String holderName) { this.holderName = holderName; }
    public String getTitleZh() { return titleZh; }
    public void setTitleZh(String titleZh) { this.titleZh = titleZh; }
    public String getTitleEn() { return titleEn; }
    public void setTitleEn(String titleEn) { this.titleEn = titleEn; }
    public String getTierNameZh() { return tierNameZh; }
    public void setTierNameZh(String tierNameZh) { this.tierNameZh = tierNameZh; }
    public String getTierNameEn() { return tierNameEn; }
    public void setTierNameEn(String tierNameEn) { this.tierNameEn = tierNameEn; }
    public String getProgramNameZh() { return programNameZh; }
    public void setProgramNameZh(String programNameZh) { this.programNameZh = programNameZh; }
    public String getProgramNameEn() { return programNameEn; }
    public void setProgramNameEn(String programNameEn) { this.programNameEn = programNameEn; }
    public String getIssuingUnitId() { return issuingUnitId; }
    public void setIssuingUnitId(String issuingUnitId) { this.issuingUnitId = issuingUnitId; }
    public String getIssuingUnitNameZh() { return issuingUnitNameZh; }
    public void setIssuingUnitNameZh(String issuingUnitNameZh) { this.issuingUnitNameZh = issuingUnitNameZh; }
    public String getIssuingUnitNameEn() { return issuingUnitNameEn; }
    public void setIssuingUnitNameEn(String issuingUnitNameEn) { this.issuingUnitNameEn = issuingUnitNameEn; }
    public OrganisationLevel getIssuingLevel() { return issuingLevel; }
    public void setIssuingLevel(OrganisationLevel issuingLevel) { this.issuingLevel = issuingLevel; }
    public String getIssuedBy() { return issuedBy; }
    public void setIssuedBy(String issuedBy) { this.issuedBy = issuedBy; }
    public Instant getIssuedAt() { return issuedAt; }
    public void setIssuedAt(Instant issuedAt) { this.issuedAt = issuedAt; }
    public LocalDate getIssuedOn() { return issuedOn; }
    public void setIssuedOn(LocalDate issuedOn) { this.issuedOn = issuedOn; }
}
