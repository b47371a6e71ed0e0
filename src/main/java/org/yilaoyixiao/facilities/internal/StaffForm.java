package org.yilaoyixiao.facilities.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The staff form: the employer chosen with the facility picker (an institution or a childcare provider; the older
 * single choice "I-12" / "P-7" is still read) and one certificate; more certificates go through the API.
 */
public class StaffForm {

    private String name;
    private String role;
    private String employer;
    private Long institutionId;
    private Long providerId;
    private String certificateType;
    private String certificateNumber;
    private String certificateLevel;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate certificateValidUntil;
    private List<String> talentTitles = new ArrayList<>();

    Staff.Command toCommand() {
        Long institution = institutionId != null ? institutionId
                : employer != null && employer.startsWith("I-") ? parse(employer) : null;
        Long provider = providerId != null ? providerId
                : employer != null && employer.startsWith("P-") ? parse(employer) : null;
        boolean certificate = notBlank(certificateType) || notBlank(certificateNumber) || certificateValidUntil != null;
        return new Staff.Command(name, role, institution, provider,
                certificate ? List.of(new Staff.CertificateInput(certificateType, certificateNumber, certificateLevel,
                        certificateValidUntil)) : List.of(), talentTitles);
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }

    private static Long parse(String choice) {
        try {
            return Long.valueOf(choice.substring(2));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The form field of a command field. */
    static String formField(String apiField) {
        return switch (apiField) {
            case "institutionId", "providerId" -> "employer";
            case "certificates[0].type" -> "certificateType";
            case "certificates[0].number" -> "certificateNumber";
            case "certificates[0].level" -> "certificateLevel";
            case "certificates[0].validUntil" -> "certificateValidUntil";
            default -> apiField;
        };
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getRole() { return role; }
    public void setRole(String role) { this.role = role; }
    public String getEmployer() { return employer; }
    public void setEmployer(String employer) { this.employer = employer; }
    public Long getInstitutionId() { return institutionId; }
    public void setInstitutionId(Long institutionId) { this.institutionId = institutionId; }
    public Long getProviderId() { return providerId; }
    public void setProviderId(Long providerId) { this.providerId = providerId; }
    public String getCertificateType() { return certificateType; }
    public void setCertificateType(String certificateType) { this.certificateType = certificateType; }
    public String getCertificateNumber() { return certificateNumber; }
    public void setCertificateNumber(String certificateNumber) { this.certificateNumber = certificateNumber; }
    public String getCertificateLevel() { return certificateLevel; }
    public void setCertificateLevel(String certificateLevel) { this.certificateLevel = certificateLevel; }
    public LocalDate getCertificateValidUntil() { return certificateValidUntil; }
    public void setCertificateValidUntil(LocalDate certificateValidUntil) { this.certificateValidUntil = certificateValidUntil; }
    public List<String> getTalentTitles() { return talentTitles; }
    public void setTalentTitles(List<String> talentTitles) { this.talentTitles = talentTitles; }
}
