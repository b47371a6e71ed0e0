package org.yilaoyixiao.facilities.internal;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.yilaoyixiao.audit.AuditRecord;
import org.yilaoyixiao.audit.AuditTrail;
import org.yilaoyixiao.facilities.InstitutionKind;
import org.yilaoyixiao.facilities.OperationModel;
import org.yilaoyixiao.platform.api.ApiException;
import org.yilaoyixiao.platform.api.PageRequest;
import org.yilaoyixiao.platform.api.PageResponse;
import org.yilaoyixiao.platform.security.CurrentUser;

/**
 * Registers, changes and finds institutions within the acting user's scope. An institution outside the scope does
 * not exist as far as the user can tell (404); a change placed outside it is refused (403). Changes are audited.
 */
@Service
class Institutions {

    private final InstitutionRepository institutions;
    private final InstitutionValidation validation;
    private final FacilityScope scope;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final InstitutionOperators operators;

    Institutions(InstitutionRepository institutions, InstitutionValidation validation, FacilityScope scope,
                 AuditTrail audit, TransactionTemplate transactions, InstitutionOperators operators) {
        this.operators = operators;
        this.institutions = institutions;
        this.validation = validation;
        this.scope = scope;
        this.audit = audit;
        this.transactions = transactions;
    }

    InstitutionRecord create(InstitutionCommand command, CurrentUser actor) {
        InstitutionRecord valid = validation.validate(command);
        scope.requireWritable(actor, valid.divisionCode(), "INSTITUTION_CREATED");
        return transactions.execute(status -> {
            long id = institutions.insert(valid, actor.username(), false);
            audit.record(AuditRecord.success("INSTITUTION_CREATED", "institution:" + id,
                    "division=" + valid.divisionCode() + " beds=" + valid.approvedBeds()));
            return institutions.findById(id).orElseThrow();
        });
    }

    InstitutionRecord update(long id, int version, InstitutionCommand command, CurrentUser actor) {
        InstitutionRecord current = read(id, actor);
        InstitutionRecord valid = validation.validate(command);
        scope.requireWritable(actor, valid.divisionCode(), "INSTITUTION_UPDATED");
        return transactions.execute(status -> {
            if (!institutions.update(id, version, valid, actor.username())) {
                throw ApiException.conflict("facility.stale", Integer.toString(current.version()));
            }
            audit.record(AuditRecord.success("INSTITUTION_UPDATED", "institution:" + id,
                    "version=" + (version + 1) + " beds=" + valid.approvedBeds()));
            return institutions.findById(id).orElseThrow();
        });
    }

    /** An institution the actor may see: in their scope, and an operator's own only (404 for any other). */
    InstitutionRecord read(long id, CurrentUser actor) {
        java.util.Optional<Long> own = operators.confinement(actor);
        return institutions.findById(id).filter(i -> scope.visible(actor, i.divisionCode()))
                .filter(i -> own.isEmpty() || own.get() == i.id())
                .orElseThrow(() -> ApiException.notFound("institution.not-found", Long.toString(id)));
    }

    PageResponse<InstitutionRecord> search(String division, OperationModel model, InstitutionKind kind,
                                           PageRequest page, CurrentUser actor) {
        java.util.Optional<Long> own = operators.confinement(actor);
        if (own.isPresent()) {
            java.util.List<InstitutionRecord> mine = institutions.findById(own.get())
                    .filter(i -> scope.visible(actor, i.divisionCode())).stream().toList();
            return new PageResponse<>(page.page() == 0 ? mine : java.util.List.of(), page.page(), page.size(),
                    mine.size());
        }
        return institutions.search(scope.listable(actor, division), model, kind, page);
    }
}
