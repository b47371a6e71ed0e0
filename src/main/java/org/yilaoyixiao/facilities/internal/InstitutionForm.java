package org.yilaoyixiao.facilities.internal;

import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.yilaoyixiao.facilities.BedType;
import org.yilaoyixiao.facilities.InstitutionBeds;

/** The institution form: flat fields, beds as one row per type, turned into the same command as the API's. */
public class InstitutionForm {

    private String name;
    private String divisionCode;
    private String operationModel;
    private String profitType = "NON_PROFIT";
    private String kind;
    private Integer starRating;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate starRatedOn;
    private String premises = "OWNED";
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate leaseEndsOn;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate openedOn;
    private boolean medicalPartnership;
    private boolean smartCareHome;
    private Integer nursingApproved = 0;
    private Integer nursingCognitive = 0;
    private Integer assistedApproved = 0;
    private Integer assistedCognitive = 0;
    private Integer version;

    static InstitutionForm of(InstitutionRecord r) {
        InstitutionForm form = new InstitutionForm();
        form.name = r.name();
        form.divisionCode = r.divisionCode();
        form.operationModel = r.operationModel().name();
        form.profitType = r.profitType().name();
        form.kind = r.kind().name();
        form.starRating = r.starRating();
        form.starRatedOn = r.starRatedOn();
        form.premises = r.premises().name();
        form.leaseEndsOn = r.leaseEndsOn();
        form.openedOn = r.openedOn();
        form.medicalPartnership = r.medicalPartnership();
        form.smartCareHome = r.smartCareHome();
        for (InstitutionBeds b : r.beds()) {
            if (b.type() == BedType.NURSING) {
                form.nursingApproved = b.approved();
                form.nursingCognitive = b.cognitive();
            } else {
                form.assistedApproved = b.approved();
                form.assistedCognitive = b.cognitive();
            }
        }
        form.version = r.version();
        return form;
    }

    InstitutionCommand toCommand() {
        return new InstitutionCommand(name, divisionCode, operationModel, profitType, kind, starRating, starRatedOn,
                premises, leaseEndsOn, openedOn, medicalPartnership, smartCareHome,
                List.of(new InstitutionCommand.Beds("NURSING", nursingApproved, nursingCognitive),
                        new InstitutionCommand.Beds("ASSISTED", assistedApproved, assistedCognitive)));
    }

    /** The form field an API field problem belongs to (beds[0] is the nursing row, beds[1] the assisted one). */
    static String formField(String apiField) {
        return switch (apiField) {
            case "beds[0].approved" -> "nursingApproved";
            case "beds[0].cognitive", "beds[0].type" -> "nursingCognitive";
            case "beds[1].approved" -> "assistedApproved";
            case "beds[1].cognitive", "beds[1].type" -> "assistedCognitive";
            default -> apiField;
        };
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getDivisionCode() { return divisionCode; }
    public void setDivisionCode(String divisionCode) { this.divisionCode = divisionCode; }
    public String getOperationModel() { return operationModel; }
    public void setOperationModel(String operationModel) { this.operationModel = operationModel; }
    public String getProfitType() { return profitType; }
    public void setProfitType(String profitType) { this.profitType = profitType; }
    public String getKind() { return kind; }
    public void setKind(String kind) { this.kind = kind; }
    public Integer getStarRating() { return starRating; }
    public void setStarRating(Integer starRating) { this.starRating = starRating; }
    public LocalDate getStarRatedOn() { return starRatedOn; }
    public void setStarRatedOn(LocalDate starRatedOn) { this.starRatedOn = starRatedOn; }
    public String getPremises() { return premises; }
    public void setPremises(String premises) { this.premises = premises; }
    public LocalDate getLeaseEndsOn() { return leaseEndsOn; }
    public void setLeaseEndsOn(LocalDate leaseEndsOn) { this.leaseEndsOn = leaseEndsOn; }
    public LocalDate getOpenedOn() { return openedOn; }
    public void setOpenedOn(LocalDate openedOn) { this.openedOn = openedOn; }
    public boolean isMedicalPartnership() { return medicalPartnership; }
    public void setMedicalPartnership(boolean medicalPartnership) { this.medicalPartnership = medicalPartnership; }
    public boolean isSmartCareHome() { return smartCareHome; }
    public void setSmartCareHome(boolean smartCareHome) { this.smartCareHome = smartCareHome; }
    public Integer getNursingApproved() { return nursingApproved; }
    public void setNursingApproved(Integer nursingApproved) { this.nursingApproved = nursingApproved; }
    public Integer getNursingCognitive() { return nursingCognitive; }
    public void setNursingCognitive(Integer nursingCognitive) { this.nursingCognitive = nursingCognitive; }
    public Integer getAssistedApproved() { return assistedApproved; }
    public void setAssistedApproved(Integer assistedApproved) { this.assistedApproved = assistedApproved; }
    public Integer getAssistedCognitive() { return assistedCognitive; }
    public void setAssistedCognitive(Integer assistedCognitive) { this.assistedCognitive = assistedCognitive; }
    public Integer getVersion() { return version; }
    public void setVersion(Integer version) { this.version = version; }
}
