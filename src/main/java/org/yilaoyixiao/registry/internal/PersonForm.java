package org.yilaoyixiao.registry.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;

/** The create/edit form, bound field by field; checked by {@link PersonValidation} like every other input. */
public class PersonForm {

    private String idNumber;
    private String name;
    private String phone;
    private String residenceDivisionCode;
    private Boolean localHukou = Boolean.TRUE;
    private String economicStatus = "NONE";
    private List<String> livingSituation = new ArrayList<>();
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate deathDate;
    private String status = "ACTIVE";
    private Integer version;
    /** The payee account: its kind (blank: none), the bank of a bank account, the number (blank: keep the stored). */
    private String payeeKind = "";
    private String payeeBank;
    private String payeeNumber;

    static PersonForm of(PersonRecord p) {
        PersonForm form = new PersonForm();
        form.name = p.name();
        form.phone = p.phone();
        form.residenceDivisionCode = p.residenceDivisionCode();
        form.localHukou = p.localHukou();
        form.economicStatus = p.economicStatus().name();
        form.livingSituation = new ArrayList<>(p.livingSituation().stream().map(Enum::name).toList());
        form.deathDate = p.deathDate();
        form.status = p.status().name();
        form.version = p.version();
        return form;
    }

    PersonCommand toCommand() {
        return new PersonCommand(idNumber, name, phone, residenceDivisionCode, localHukou, economicStatus,
                livingSituation, deathDate, status);
    }

    public String getIdNumber() {
        return idNumber;
    }

    public void setIdNumber(String idNumber) {
        this.idNumber = idNumber;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getResidenceDivisionCode() {
        return residenceDivisionCode;
    }

    public void setResidenceDivisionCode(String residenceDivisionCode) {
        this.residenceDivisionCode = residenceDivisionCode;
    }

    public Boolean getLocalHukou() {
        return localHukou;
    }

    public void setLocalHukou(Boolean localHukou) {
        this.localHukou = localHukou;
    }

    public String getEconomicStatus() {
        return economicStatus;
    }

    public void setEconomicStatus(String economicStatus) {
        this.economicStatus = economicStatus;
    }

    public List<String> getLivingSituation() {
        return livingSituation;
    }

    public void setLivingSituation(List<String> livingSituation) {
        this.livingSituation = livingSituation == null ? new ArrayList<>() : livingSituation;
    }

    public LocalDate getDeathDate() {
        return deathDate;
    }

    public void setDeathDate(LocalDate deathDate) {
        this.deathDate = deathDate;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public Integer getVersion() {
        return version;
    }

    public void setVersion(Integer version) {
        this.version = version;
    }

    public String getPayeeKind() {
        return payeeKind;
    }

    public void setPayeeKind(String payeeKind) {
        this.payeeKind = payeeKind == null ? "" : payeeKind;
    }

    public String getPayeeBank() {
        return payeeBank;
    }

    public void setPayeeBank(String payeeBank) {
        this.payeeBank = payeeBank;
    }

    public String getPayeeNumber() {
        return payeeNumber;
    }

    public void setPayeeNumber(String payeeNumber) {
        this.payeeNumber = payeeNumber;
    }
}
