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

    Institutions(InstitutionRepository institutions, InstitutionValidation validation, FacilityScope scope,
                 AuditTrail audit, TransactionTemplate transactions) {
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

    InstitutionRecord read(long id, CurrentUser actor) {
        return institutions.findById(id).filter(i -> scope.visible(actor, i.divisionCode()))
                .orElseThrow(() -> ApiException.notFound("institution.not-found", Long.toString(id)));
    }

    PageResponse<InstitutionRecord> search(String division, OperationModel model, InstitutionKind kind,
                                           PageRequest page, CurrentUser actor) {
        return institutions.search(scope.listable(actor, division), model, kind, page);
    }
}
