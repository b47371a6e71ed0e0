package org.yilaoyixiao.facilities.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.yilaoyixiao.facilities.ChildcareClass;

/**
 * The childcare provider form. Class rows left empty are ignored, so the form can offer a few spare rows; field
 * problems of the command's classes are mapped back to the rows they came from.
 */
public class ProviderForm {

    static final int SPARE_ROWS = 3;

    private String name;
    private String divisionCode;
    private String kind;
    private boolean filed;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate filedOn;
    private Integer approvedSlots;
    private boolean affordable;
    private String premises = "OWNED";
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate leaseEndsOn;
    private LocalDate completedOn;
    private List<ClassRow> classes = new ArrayList<>();
    private Integer version;

    public static class ClassRow {
        private Long id;
        private String type;
        private Integer capacity;

        public ClassRow() {
        }

        ClassRow(Long id, String type, Integer capacity) {
            this.id = id;
            this.type = type;
            this.capacity = capacity;
        }

        boolean blank() {
            return id == null && (type == null || type.isBlank()) && capacity == null;
        }

        public Long getId() { return id; }
        public void setId(Long id) { this.id = id; }
        public String getType() { return type; }
        public void setType(String type) { this.type = type; }
        public Integer getCapacity() { return capacity; }
        public void setCapacity(Integer capacity) { this.capacity = capacity; }
    }

    static ProviderForm empty() {
        ProviderForm form = new ProviderForm();
        form.addSpareRows();
        return form;
    }

    static ProviderForm of(ProviderRecord r) {
        ProviderForm form = new ProviderForm();
        form.name = r.name();
        form.divisionCode = r.divisionCode();
        form.kind = r.kind().name();
        form.filed = r.filed();
        form.filedOn = r.filedOn();
        form.approvedSlots = r.approvedSlots();
        form.affordable = r.affordable();
        form.premises = r.premises().name();
        form.leaseEndsOn = r.leaseEndsOn();
        form.completedOn = r.completedOn();
        for (ChildcareClass c : r.classes()) {
            form.classes.add(new ClassRow(c.id(), c.type().name(), c.capacity()));
        }
        form.version = r.version();
        form.addSpareRows();
        return form;
    }

    void addSpareRows() {
        for (int i = 0; i < SPARE_ROWS; i++) {
            classes.add(new ClassRow());
        }
    }

    /** Positions in {@link #classes} of the rows sent to the command, in order. */
    List<Integer> filledRows() {
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < classes.size(); i++) {
            if (!classes.get(i).blank()) {
                rows.add(i);
            }
        }
        return rows;
    }

    ProviderCommand toCommand() {
        List<ProviderCommand.ClassInput> inputs = filledRows().stream().map(classes::get)
                .map(row -> new ProviderCommand.ClassInput(row.getId(), row.getType(), row.getCapacity())).toList();
        return new ProviderCommand(name, divisionCode, kind, filed, filedOn, approvedSlots, affordable, premises,
                leaseEndsOn, inputs, completedOn);
    }

    /** The form field of a command field: classes[i] of the command is the i-th filled row of the form. */
    String formField(String apiField) {
        if (apiField.startsWith("classes[")) {
            int close = apiField.indexOf(']');
            int index = Integer.parseInt(apiField.substring("classes[".length(), close));
            return "classes[" + filledRows().get(index) + apiField.substring(close);
        }
        return apiField;
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getDivisionCode() { return divisionCode; }
    public void setDivisionCode(String divisionCode) { this.divisionCode = divisionCode; }
    public String getKind() { return kind; }
    public void setKind(String kind) { this.kind = kind; }
    public boolean isFiled() { return filed; }
    public void setFiled(boolean filed) { this.filed = filed; }
    public LocalDate getFiledOn() { return filedOn; }
    public void setFiledOn(LocalDate filedOn) { this.filedOn = filedOn; }
    public Integer getApprovedSlots() { return approvedSlots; }
    public void setApprovedSlots(Integer approvedSlots) { this.approvedSlots = approvedSlots; }
    public boolean isAffordable() { return affordable; }
    public void setAffordable(boolean affordable) { this.affordable = affordable; }
    public String getPremises() { return premises; }
    public void setPremises(String premises) { this.premises = premises; }
    public LocalDate getLeaseEndsOn() { return leaseEndsOn; }
    public LocalDate getCompletedOn() { return completedOn; }
    public void setCompletedOn(LocalDate completedOn) { this.completedOn = completedOn; }
    public void setLeaseEndsOn(LocalDate leaseEndsOn) { this.leaseEndsOn = leaseEndsOn; }
    public List<ClassRow> getClasses() { return classes; }
    public void setClasses(List<ClassRow> classes) { this.classes = classes; }
    public Integer getVersion() { return version; }
    public void setVersion(Integer version) { this.version = version; }
}
