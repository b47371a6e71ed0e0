package org.yilaoyixiao.facilities.internal;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.yilaoyixiao.audit.AuditRecord;
import org.yilaoyixiao.audit.AuditTrail;
import org.yilaoyixiao.facilities.ChildcareProviderKind;
import org.yilaoyixiao.platform.api.ApiException;
import org.yilaoyixiao.platform.api.PageRequest;
import org.yilaoyixiao.platform.api.PageResponse;
import org.yilaoyixiao.platform.security.CurrentUser;

/** Registers, changes and finds childcare providers within the acting user's scope; changes are audited. */
@Service
class ChildcareProviders {

    private final ProviderRepository providers;
    private final ProviderValidation validation;
    private final FacilityScope scope;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;

    ChildcareProviders(ProviderRepository providers, ProviderValidation validation, FacilityScope scope,
                       AuditTrail audit, TransactionTemplate transactions) {
        this.providers = providers;
        this.validation = validation;
        this.scope = scope;
        this.audit = audit;
        this.transactions = transactions;
    }

    ProviderRecord create(ProviderCommand command, CurrentUser actor) {
        ProviderRecord valid = validation.validate(command);
        scope.requireWritable(actor, valid.divisionCode(), "CHILDCARE_PROVIDER_CREATED");
        return transactions.execute(status -> {
            long id = providers.insert(valid, actor.username(), false);
            audit.record(AuditRecord.success("CHILDCARE_PROVIDER_CREATED", "childcare-provider:" + id,
                    "division=" + valid.divisionCode() + " slots=" + valid.approvedSlots() + " filed=" + valid.filed()));
            return providers.findById(id).orElseThrow();
        });
    }

    ProviderRecord update(long id, int version, ProviderCommand command, CurrentUser actor) {
        ProviderRecord current = read(id, actor);
        ProviderRecord valid = validation.validate(command);
        scope.requireWritable(actor, valid.divisionCode(), "CHILDCARE_PROVIDER_UPDATED");
        return transactions.execute(status -> {
            if (!providers.update(id, version, valid, actor.username())) {
                throw ApiException.conflict("facility.stale", Integer.toString(current.version()));
            }
            audit.record(AuditRecord.success("CHILDCARE_PROVIDER_UPDATED", "childcare-provider:" + id,
                    "version=" + (version + 1) + " slots=" + valid.approvedSlots() + " filed=" + valid.filed()));
            return providers.findById(id).orElseThrow();
        });
    }

    ProviderRecord read(long id, CurrentUser actor) {
        return providers.findById(id).filter(p -> scope.visible(actor, p.divisionCode()))
                .orElseThrow(() -> ApiException.notFound("provider.not-found", Long.toString(id)));
    }

    PageResponse<ProviderRecord> search(String division, ChildcareProviderKind kind, Boolean filed, PageRequest page,
                                        CurrentUser actor) {
        return providers.search(scope.listable(actor, division), kind, filed, page);
    }
}
