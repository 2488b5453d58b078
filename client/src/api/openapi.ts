/**
 * Generated from the server’s OpenAPI document by `npm run api:types`: do not edit by hand.
 * A test fails when the server’s description and this file differ.
 */
export type paths = {
    "/api/absences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["AbsencesController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/administrations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["DirectoryController_administrations"];
        put?: never;
        /** 409 when an administration of the département already has the name (case-insensitive) */
        post: operations["DirectoryController_createAdministration"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/administrations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch: operations["DirectoryController_updateAdministration"];
        trace?: never;
    };
    "/api/agents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["AgentsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/agents/{id}/absences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["AgentsController_listAbsences"];
        put?: never;
        post: operations["AgentsController_declareAbsence"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/agents/{id}/absences/{absenceId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete: operations["AgentsController_removeAbsence"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/agents/{id}/absences/{absenceId}/impact": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["AgentsController_absenceImpact"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/agents/{id}/availability": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["AgentsController_availability"];
        put: operations["AgentsController_setAvailability"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/agents/{id}/availability/impact": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["AgentsController_availabilityImpact"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/agents/{id}/bookings-to-settle": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["AgentsController_bookingsToSettle"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["AuditController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/account": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["PasswordsController_mine"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["AuthController_login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["AuthController_logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["AuthController_me"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/oidc/callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["OidcController_callback"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/oidc/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["OidcController_login"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put: operations["PasswordsController_change"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/password/forgot": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["PasswordsController_forgot"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/password/link": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["PasswordsController_inspect"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/password/reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["PasswordsController_setWithLink"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/providers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["OidcController_providers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/booths/{boothId}/pairing-codes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["DevicesController_createPairingCode"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/booths/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch: operations["DirectoryController_renameBooth"];
        trace?: never;
    };
    "/api/booths/{id}/reinstate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Puts a retired booth back in service: it can be booked and paired again (its old terminals stay revoked)
         * @description 409 when the booth is in service.
         */
        post: operations["DirectoryController_reinstateBooth"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/booths/{id}/retire": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Takes the booth out of service: no new booking or pairing, its terminals revoked, its history kept
         * @description 409 while consultations are still scheduled on it ahead (move or cancel them first), or when already retired.
         */
        post: operations["DirectoryController_retireBooth"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/callback-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["CallbackRequestsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/callback-requests/{id}/handle": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["CallbackRequestsController_handle"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/calls/join-window": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["CallMediaController_joinWindow"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/calls/media-capabilities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The SFU routers' RTP capabilities (the same for every consultation): the call page loads its device with them while the camera opens */
        get: operations["CallMediaController_mediaCapabilities"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/checklist-templates/defaults": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ChecklistController_defaults"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/citizen/appointments/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["CitizenAppointmentsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/citizen/appointments/{token}/callback-request": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["CitizenAppointmentsController_requestCallback"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/citizen/appointments/{token}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["CitizenAppointmentsController_cancel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/consultation-types": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ConsultationTypesController_list"];
        put?: never;
        post: operations["ConsultationTypesController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/consultation-types/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch: operations["ConsultationTypesController_update"];
        trace?: never;
    };
    "/api/consultation-types/{id}/checklist-template": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ChecklistController_template"];
        put: operations["ChecklistController_saveTemplate"];
        post?: never;
        delete: operations["ChecklistController_resetTemplate"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/consultations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ConsultationsController_list"];
        put?: never;
        post: operations["ConsultationsController_book"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/consultations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ConsultationsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch: operations["ConsultationsController_reschedule"];
        trace?: never;
    };
    "/api/consultations/{id}/booth-message": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["BoothMessageController_send"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/consultations/{id}/call-feedback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put: operations["SurveyController_callFeedback"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/consultations/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["ConsultationsController_cancel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/consultations/{id}/cancellation-notice": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["NotificationsController_cancellationNotice"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/consultations/{id}/desk-messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["DeskController_send"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/consultations/{id}/documents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["DocumentsController_list"];
        put?: never;
        post: operations["DocumentsController_upload"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/consultations/{id}/outcome": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["ConsultationsController_outcome"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/consultations/{id}/propose-slot": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["SlotProposalController_book"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/consultations/{id}/proposed-slot": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["SlotProposalController_preview"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/consultations/{id}/reassign": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["ConsultationsController_reassign"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/consultations/{id}/slip.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["CallbackRequestsController_slip"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/consultations/{id}/support": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ChecklistController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch: operations["ChecklistController_patch"];
        trace?: never;
    };
    "/api/consultations/{id}/support/consents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["ChecklistController_giveConsent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/consultations/{id}/support/consents/{kind}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete: operations["ChecklistController_revokeConsent"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/consultations/{id}/survey": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["SurveyController_open"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/desk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["DeskController_day"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/desk-messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["DeskController_messages"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/desk-messages/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["DeskController_agentStream"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/desk/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["DeskController_stream"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/devices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["DevicesController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/devices/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete: operations["DevicesController_revoke"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/devices/me/check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["DevicesController_reportCheck"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/devices/me/facilitator-unlock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["DevicesController_facilitatorUnlock"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/devices/me/heartbeat": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["DevicesController_heartbeat"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/devices/me/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["DevicesController_settings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/devices/me/unpair": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["DevicesController_unpair"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/devices/pair": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["DevicesController_pair"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/documents/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete: operations["DocumentsController_delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/documents/{id}/files/{position}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["DocumentsController_file"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/documents/{id}/pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["DocumentsController_pdf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/documents/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["DocumentsController_details"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["HealthController_check"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ics/{file}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["NotificationsController_feed"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/mass-cancellations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["MassCancellationController_list"];
        put?: never;
        post: operations["MassCancellationController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/mass-cancellations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["MassCancellationController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/mass-cancellations/{id}/report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["MassCancellationController_report"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/mass-cancellations/message-preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["MassCancellationController_previewMessages"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/mass-cancellations/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["MassCancellationController_preview"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/msap-sites": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["DirectoryController_sites"];
        put?: never;
        /** Coordinators create sites of their own département only; 409 on a name already used in the département */
        post: operations["DirectoryController_createSite"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/msap-sites/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch: operations["DirectoryController_updateSite"];
        trace?: never;
    };
    "/api/msap-sites/{id}/bookings-to-settle": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["SiteCalendarController_bookingsToSettle"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/msap-sites/{id}/booths": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["DirectoryController_booths"];
        put?: never;
        /** 409 when a booth of the MSAP (retired ones included) already has the name */
        post: operations["DirectoryController_createBooth"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/msap-sites/{id}/closures": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["SiteCalendarController_closures"];
        put?: never;
        post: operations["SiteCalendarController_addClosure"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/msap-sites/{id}/closures/{closureId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete: operations["SiteCalendarController_removeClosure"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/msap-sites/{id}/closures/impact": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["SiteCalendarController_closureImpact"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/msap-sites/{id}/opening-hours": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["SiteCalendarController_openingHours"];
        put: operations["SiteCalendarController_setOpeningHours"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/msap-sites/{id}/opening-hours/impact": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["SiteCalendarController_openingHoursImpact"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications/ics-feed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["NotificationsController_feedStatus"];
        put?: never;
        post: operations["NotificationsController_createFeed"];
        delete: operations["NotificationsController_revokeFeed"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications/outbox": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["NotificationsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["PublicStatsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/stats/{departement}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["PublicStatsController_report"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/retention": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["RetentionController_status"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/slots": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["SlotsController_search"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["StatsController_report"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/stats/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["StatsExportController_export"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/stats/options": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["StatsController_options"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/stats/publications/{departement}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put: operations["PublicStatsController_publish"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/support-activity": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["DeskController_exportActivity"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/surveys/{token}/answers/{question}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put: operations["SurveyController_answer"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/to-call": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ToCallController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/to-call/{id}/handled": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["ToCallController_handled"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["UsersController_list"];
        put?: never;
        post: operations["UsersController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch: operations["UsersController_update"];
        trace?: never;
    };
    "/api/users/{id}/disable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["UsersController_disable"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{id}/enable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["UsersController_enable"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{id}/invitation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["UsersController_resendInvitation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{id}/password-reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["UsersController_sendPasswordReset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{id}/role": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch: operations["UsersController_changeRole"];
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["HealthController_prometheus"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
};
export type webhooks = Record<string, never>;
export type components = {
    schemas: {
        AbsenceImpactView: {
            absence: components["schemas"]["UnavailabilityView"];
            /** @description Scheduled bookings of the agent during the absence, earliest first (at most 500) */
            affected: components["schemas"]["AffectedConsultationView"][];
        };
        AbsenceListItemView: {
            /** @example DDFIP du Loiret */
            administrationName: string;
            /** Format: uuid */
            agentId: string;
            /** @example Antoine Agent */
            agentName: string;
            /** Format: uuid */
            createdById: string | null;
            /** @example 2026-04-11T00:00:00+02:00 */
            endsAt: string;
            /** Format: uuid */
            id: string;
            /**
             * @description Empty when none was given
             * @example Formation
             */
            reason: string;
            /** @example 2026-04-06T00:00:00+02:00 */
            startsAt: string;
            /**
             * @description Bookings it still hits (scheduled with that agent over that time): to reassign, move or cancel
             * @example 2
             */
            toSettle: number;
        };
        /** @enum {string} */
        AccountStatus: "active" | "invited" | "disabled" | "pseudonymised";
        ActivityRecordView: {
            /** @description The administration consulted */
            administration: string;
            animateurPresent: boolean | null;
            /** @enum {string|null} */
            autonomie: "entierement_accompagne" | "partiellement_autonome" | "autonome" | null;
            codePostal: string;
            commune: string;
            /**
             * Format: uuid
             * @description The consultation (to find it again here)
             */
            consultationId: string;
            /** @example 2026-11-14 */
            date: string;
            /** @description Minutes: the call as held (admission to end), else as booked */
            dureeMinutes: number;
            /** @description The France Services site */
            lieu: string;
            materiel: ("ordinateur" | "telephone" | "tablette" | "autre" | "aucun")[];
            notes: string;
            objet: string | null;
            /** @enum {string|null} */
            structureDeRedirection: "operateur_ou_organisme_en_charge" | "aide_aux_demarches_administratives" | "administration" | "mediation_numerique" | "autre" | null;
            thematiques: ("papiers_elections_citoyennete" | "famille_scolarite" | "social_sante" | "travail_formation" | "logement" | "transports_mobilite" | "argent_impots" | "justice" | "etrangers_europe" | "loisirs_sports_culture")[];
            /**
             * @description Activity type: aide aux démarches administratives
             * @enum {string}
             */
            type: "demarche";
            /** @enum {string} */
            typeLieu: "lieu_activite";
        };
        AdministrationOption: {
            departement: string;
            /** Format: uuid */
            id: string;
            name: string;
        };
        AdministrationView: {
            /** @example 2026-03-30T09:30:00+02:00 */
            createdAt: string;
            /** @example 45 */
            departement: string;
            /** Format: uuid */
            id: string;
            /** @example DDFIP du Loiret */
            name: string;
            /**
             * @description The office's latitude in decimal degrees (WGS 84); null when not given
             * @example 47.9029
             */
            officeLatitude: number | null;
            /**
             * @description The office's longitude in decimal degrees (WGS 84); null when not given
             * @example 1.9093
             */
            officeLongitude: number | null;
        };
        AffectedConsultationView: {
            consultation: components["schemas"]["ConsultationListItem"];
            /** @description Agents of the same administration available, not absent and not booked over that interval */
            replacements: components["schemas"]["ReplacementView"][];
        };
        AgentOption: {
            /** Format: uuid */
            administrationId: string;
            /** Format: uuid */
            id: string;
            name: string;
        };
        AgentView: {
            /** Format: uuid */
            administrationId: string;
            /** @example Antoine Agent */
            displayName: string;
            /** Format: uuid */
            id: string;
            /** @example Inspecteur des finances publiques */
            title: string;
            /** Format: uuid */
            userId: string;
        };
        AnswerDto: {
            comment?: string;
            /** @example identite */
            itemId: string;
            /** @enum {string} */
            state: "done" | "not_applicable" | "not_done";
        };
        /** @enum {string} */
        AntivirusState: "starting" | "ready" | "unavailable" | "not_installed";
        AntivirusStatusView: {
            databaseDate: string | null;
            databaseVersion: number | null;
            /** @example ClamAV 1.4.6 */
            engine: string | null;
            lastError: string | null;
            /** @enum {string} */
            mode: "embedded" | "external";
            signatures: components["schemas"]["SignatureSetView"] | null;
            state: components["schemas"]["AntivirusState"];
            /** @example unix:///var/lib/visio-msap/clamav/clamd.sock */
            target: string | null;
            /** @description What is wrong, in plain words (English, for operators) */
            warning: string | null;
        };
        /** @enum {string} */
        AppointmentState: "upcoming" | "started" | "over" | "cancelled";
        /** @enum {string} */
        AuditAction: "login.succeeded" | "login.failed" | "login.rate_limited" | "logout" | "user.created" | "user.role_changed" | "user.invited" | "user.invitation_resent" | "user.updated" | "user.disabled" | "user.enabled" | "user.password_set" | "user.password_changed" | "user.password_reset_sent" | "user.password_reset_requested" | "device.pairing_code_created" | "device.paired" | "device.pairing_failed" | "device.revoked" | "device.check_reported" | "device.unlocked" | "device.unlock_failed" | "device.unlock_refused" | "administration.created" | "administration.updated" | "msap_site.created" | "msap_site.updated" | "booth.created" | "booth.renamed" | "booth.retired" | "booth.reinstated" | "consultation.booked" | "consultation.rescheduled" | "consultation.reassigned" | "consultation.cancelled" | "consultation.outcome_recorded" | "consultation.call_feedback_recorded" | "mass_cancellation.started" | "opening_hours.changed" | "closure.created" | "closure.deleted" | "availability.changed" | "absence.declared" | "absence.deleted" | "consultation_type.created" | "consultation_type.updated" | "citizen_link.viewed" | "callback.requested" | "callback.handled" | "to_call.handled" | "document.uploaded" | "document.rejected" | "document.viewed" | "document.downloaded" | "document.deleted" | "document.purged" | "checklist_template.saved" | "checklist_template.deleted" | "support.updated" | "consent.given" | "consent.revoked" | "desk.message_sent" | "support.exported" | "audit.exported" | "outbox.exported" | "mass_cancellation.report_exported" | "slip.printed" | "stats.exported" | "stats.publication_changed";
        AuditActorView: {
            email: string | null;
            id: string | null;
            /** @enum {string} */
            kind: "user" | "device" | "system";
            /** @description The account’s name (pseudonym once erased) or the screen’s label */
            name: string | null;
        };
        AuditEventView: {
            action: components["schemas"]["AuditAction"];
            actor: components["schemas"]["AuditActorView"];
            at: string;
            /** @description Before/after and context; never passwords, tokens or citizens’ free text */
            details: {
                [key: string]: unknown;
            };
            /** @description Increasing with time */
            id: string;
            ip: string | null;
            /** @description The HTTP request (X-Request-Id), to find it in the logs */
            requestId: string | null;
            subject: components["schemas"]["AuditSubjectView"] | null;
        };
        AuditPageView: {
            items: components["schemas"]["AuditEventView"][];
            /** @description Pass as `before` for the next (older) page; null at the end */
            nextBefore: string | null;
        };
        AuditSubjectView: {
            id: string;
            /** @description e.g. the site’s name, the account’s, "12/01/2027 14:00 · Cabine 1" */
            label: string | null;
            /** @example consultation */
            type: string;
        };
        /** @enum {string} */
        Autonomy: "entierement_accompagne" | "partiellement_autonome" | "autonome";
        BookConsultationDto: {
            /** Format: uuid */
            agentId: string;
            /** Format: uuid */
            boothId: string;
            citizen: components["schemas"]["CitizenDto"];
            /** Format: uuid */
            consultationTypeId: string;
            /**
             * @description Defaults to startsAt + the type duration
             * @example 2026-03-30T09:30:00+02:00
             */
            endsAt?: string;
            /** @example 2026-03-30T09:00:00+02:00 */
            startsAt: string;
        };
        BoothCheckDto: {
            /** @enum {string} */
            camera: "passed" | "failed" | "pending";
            /** @enum {string} */
            microphone: "passed" | "failed" | "pending";
            /** @enum {string} */
            network: "passed" | "failed" | "pending";
            /** @enum {string} */
            outcome: "passed" | "warning" | "failed";
            /** @enum {string} */
            route?: "udp" | "tcp" | "relay" | "none";
            rttMs?: number;
            uplinkKbps?: number;
        };
        BoothCheckView: {
            at: string;
            /** @description camera, microphone and network: passed, failed or pending */
            camera: string;
            microphone: string;
            network: string;
            /** @enum {string} */
            outcome: "passed" | "warning" | "failed";
            /** @description udp, tcp, relay or none */
            route: string | null;
            rttMs: number | null;
            uplinkKbps: number | null;
        };
        BoothMessageView: {
            /** @example 2026-12-03T10:32:00.000Z */
            sentAt: string;
            /** @example J’arrive dans 5 minutes. */
            text: string;
        };
        BoothNameDto: {
            /** @example Cabine 1 */
            name: string;
        };
        BoothSettingsView: {
            /**
             * @description Seconds a booth page other than the welcome screen and the call may stay untouched before its countdown to the privacy wipe
             * @example 90
             */
            idleSeconds: number;
        };
        /** @enum {string} */
        BoothState: "offline" | "online" | "checked";
        BoothView: {
            /** @example 2026-03-30T09:30:00+02:00 */
            createdAt: string;
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            msapSiteId: string;
            /** @example Cabine 1 */
            name: string;
            /**
             * @description Set once the booth is retired: no new booking, no pairing, history kept
             * @example 2026-03-30T09:30:00+02:00
             */
            retiredAt: string | null;
        };
        CallbackRequestView: {
            administrationName: string;
            boothName: string;
            /** @example Jeanne Martin */
            citizenName: string;
            /** Format: uuid */
            consultationId: string;
            consultationStatus: components["schemas"]["ConsultationStatus"];
            handledAt: string | null;
            handledByName: string | null;
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            msapSiteId: string;
            msapSiteName: string;
            /** @description The citizen’s short note */
            note: string | null;
            /** @description Where to call (E.164); null once erased with the citizen’s data */
            phone: string | null;
            requestedAt: string;
            /** @description The appointment */
            startsAt: string;
            subject: string | null;
        };
        CallFeedbackDto: {
            /** @example Le son coupait toutes les deux minutes. */
            note?: string;
            /**
             * @description Empty: no problem
             * @example [
             *       "sound",
             *       "cuts"
             *     ]
             */
            problems: components["schemas"]["CallProblem"][];
        };
        CallFeedbackView: {
            /** @enum {string} */
            authorRole: "agent" | "facilitator";
            /** Format: uuid */
            consultationId: string;
            note: string | null;
            problems: components["schemas"]["CallProblem"][];
        };
        /**
         * @description Empty: no problem
         * @enum {string}
         */
        CallProblem: "sound" | "image" | "cuts" | "documents" | "other";
        CancelConsultationDto: {
            /** @description Why, as the statistics group it: the agent is away, the site is closed, or the service for another reason (left out: service) */
            cause?: components["schemas"]["StaffCancellationCause"];
            /** @example Agent absent (formation) */
            reason: string;
        };
        /**
         * @description Why it was cancelled, as the statistics group it (set if and only if the status is cancelled)
         * @enum {string}
         */
        CancellationCause: "citizen" | "agent_absence" | "site_closure" | "mass" | "service";
        CancellationNoticeView: {
            citizenName: string;
            /** @description The SMS and/or e-mail exactly as they would be written; a single `call` when neither can reach the citizen (the reason is then told by phone) */
            messages: components["schemas"]["CitizenMessageView"][];
        };
        ChangePasswordDto: {
            /** Format: password */
            currentPassword: string;
            /** Format: password */
            newPassword: string;
        };
        ChangeRoleDto: {
            role: components["schemas"]["Role"];
        };
        ChecklistDefaultView: {
            items: components["schemas"]["ChecklistItemView"][];
            theme: components["schemas"]["TemplateTheme"];
        };
        ChecklistItemDto: {
            /**
             * @description Stable id (lowercase letters, digits, dashes): keep it when the wording changes
             * @example compte-impots
             */
            id: string;
            /** @example Accès à l’espace particulier impots.gouv.fr */
            label: string;
            /** @enum {string} */
            part: "before" | "during" | "after";
        };
        ChecklistItemView: {
            id: string;
            label: string;
            part: components["schemas"]["ChecklistPart"];
        };
        /** @enum {string} */
        ChecklistPart: "before" | "during" | "after";
        ChecklistTemplateView: {
            /** Format: uuid */
            consultationTypeId: string;
            /** @description Filled checklists pinned to one of its versions */
            inUse: number;
            items: components["schemas"]["ChecklistItemView"][];
            savedAt: string | null;
            savedBy: string | null;
            theme: components["schemas"]["TemplateTheme"];
            /** @description 0 while the type uses the default checklist of its theme (never saved) */
            version: number;
        };
        CitizenAppointmentView: {
            /** @example DDFIP du Loiret */
            administration: string;
            /** @description The latest callback request */
            callback: components["schemas"]["CitizenCallbackView"] | null;
            /** @description Upcoming: it can still be cancelled here */
            canCancel: boolean;
            /** @description Upcoming and no request waiting: a callback can be asked for */
            canRequestCallback: boolean;
            /** @description The papers to bring */
            documents: string[];
            /** @example 2026-03-30T10:00:00+02:00 */
            endsAt: string;
            /** @description When this link stops working */
            expiresAt: string;
            /** @description The citizen gets SMS or e-mails (a mobile or an address): a cancellation is confirmed to them by message */
            messaged: boolean;
            /** @description The phone the booking holds (E.164: the mobile, else the landline), to prefill a callback request */
            phone: string | null;
            /** @example 2 rue de la Couronne, 45300 Pithiviers */
            siteAddress: string;
            /** @example France Services de Pithiviers */
            siteName: string;
            /** @description The France Services phone (E.164), when the directory has it */
            sitePhone: string | null;
            /** @example 2026-03-30T09:30:00+02:00 */
            startsAt: string;
            state: components["schemas"]["AppointmentState"];
            /** @example Impôt sur le revenu */
            subject: string | null;
        };
        CitizenCallbackView: {
            /** @description When the France Services or the coordination closed it */
            handledAt: string | null;
            requestedAt: string;
        };
        CitizenDto: {
            /** @example jeanne.martin@example.fr */
            email?: string;
            /**
             * @description A French landline (01–05, 09), normalised to E.164, on which staff call a citizen who has neither mobile nor e-mail; never sent an SMS. A mobile or a foreign number is refused (NOT_A_LANDLINE): it goes in phone
             * @example 02 38 30 12 34
             */
            landline?: string;
            /** @example Jeanne Martin */
            name: string;
            /**
             * @description A mobile (SMS), normalised to E.164 (+33…); a landline is refused (NOT_A_MOBILE): it goes in landline
             * @example 06 12 34 56 78
             */
            phone?: string;
        };
        CitizenMessageView: {
            /**
             * @description call: neither a mobile nor an e-mail; the MSAP or the coordination calls them
             * @enum {string}
             */
            channel: "sms" | "email" | "call";
            /** @description The mobile (E.164) or e-mail address; for a call, the number to call, or empty when there is none */
            recipient: string;
            sms: components["schemas"]["SmsMeasureView"] | null;
            subject: string | null;
            /** @description Exactly the text written to the outbox (SMS: in the encoding chosen, see sms) */
            text: string;
        };
        CitizensToCallView: {
            items: components["schemas"]["CitizenToCallView"][];
            page: number;
            pageSize: number;
            total: number;
        };
        CitizenToCallView: {
            boothName: string;
            citizenName: string;
            /** Format: uuid */
            consultationId: string;
            email: string | null;
            /** @description The landline to call (E.164) */
            landline: string | null;
            msapSiteName: string;
            /** @description The mobile the booking holds (E.164) */
            phone: string | null;
            /** @enum {string} */
            reason: "no_contact" | "failed";
            startsAt: string;
            /**
             * @description In French, for the phone call
             * @example lundi 30 mars à 9 h 30
             */
            when: string;
        };
        CitizenView: {
            /** @example jeanne.martin@example.fr */
            email: string | null;
            /**
             * @description A French landline to call the citizen on (never an SMS), E.164
             * @example +33238301234
             */
            landline: string | null;
            /** @example Jeanne Martin */
            name: string;
            /**
             * @description The mobile (SMS), E.164
             * @example +33612345678
             */
            phone: string | null;
        };
        /** @enum {string} */
        ConsentKind: "video" | "documents" | "facilitator_presence";
        ConsentRecordView: {
            collectedBy: string;
            grantedAt: string;
            kind: components["schemas"]["ConsentKind"];
            revokedAt: string | null;
            revokedBy: string | null;
            textVersion: string;
        };
        ConsentTextView: {
            kind: components["schemas"]["ConsentKind"];
            text: string;
            version: string;
        };
        ConsultationListItem: {
            /** Format: uuid */
            administrationId: string;
            /** @example DDFIP du Loiret */
            administrationName: string;
            /** Format: uuid */
            agentId: string;
            /** @example Antoine Agent */
            agentName: string;
            /** Format: uuid */
            boothId: string;
            /** @example Cabine 1 */
            boothName: string;
            /** @description When the call ended */
            callEndedAt: string | null;
            /** @description When the agent first admitted someone into the call */
            callStartedAt: string | null;
            /** @description Why it was cancelled, as the statistics group it (set if and only if the status is cancelled) */
            cancellationCause: components["schemas"]["CancellationCause"] | null;
            cancellationReason: string | null;
            cancelledAt: string | null;
            citizen: components["schemas"]["CitizenView"];
            /** Format: uuid */
            consultationTypeId: string | null;
            createdAt: string;
            /** Format: uuid */
            createdById: string | null;
            /** @example 2026-03-30T10:00:00+02:00 */
            endsAt: string;
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            msapSiteId: string;
            /** @example France Services de Pithiviers */
            msapSiteName: string;
            /** @description The agent's note on the outcome (not shown to booth terminals) */
            outcomeNote: string | null;
            /** @description The papers the consultation type asks the citizen to bring (none without a type) */
            papers: string[];
            /** @example 2026-03-30T09:30:00+02:00 */
            startsAt: string;
            status: components["schemas"]["ConsultationStatus"];
            /** @description The consultation type, when the booking has one */
            subject: string | null;
            updatedAt: string;
        };
        /** @enum {string} */
        ConsultationStatus: "scheduled" | "in_progress" | "ended" | "cancelled" | "done" | "no_show";
        ConsultationTypeView: {
            /** @description Retired types stay for past consultations but are not offered any more */
            active: boolean;
            /** Format: uuid */
            administrationId: string;
            /**
             * @example [
             *       "Dernier avis d’imposition"
             *     ]
             */
            documents: string[];
            /** @example 30 */
            durationMinutes: number;
            /** Format: uuid */
            id: string;
            /** @example Impôt sur le revenu */
            subject: string;
        };
        ConsultationView: {
            /** Format: uuid */
            administrationId: string;
            /** Format: uuid */
            agentId: string;
            /** Format: uuid */
            boothId: string;
            /** @description When the call ended */
            callEndedAt: string | null;
            /** @description When the agent first admitted someone into the call */
            callStartedAt: string | null;
            /** @description Why it was cancelled, as the statistics group it (set if and only if the status is cancelled) */
            cancellationCause: components["schemas"]["CancellationCause"] | null;
            cancellationReason: string | null;
            cancelledAt: string | null;
            citizen: components["schemas"]["CitizenView"];
            /** Format: uuid */
            consultationTypeId: string | null;
            createdAt: string;
            /** Format: uuid */
            createdById: string | null;
            /** @example 2026-03-30T10:00:00+02:00 */
            endsAt: string;
            /** Format: uuid */
            id: string;
            /** @description The agent's note on the outcome (not shown to booth terminals) */
            outcomeNote: string | null;
            /** @example 2026-03-30T09:30:00+02:00 */
            startsAt: string;
            status: components["schemas"]["ConsultationStatus"];
            updatedAt: string;
        };
        CreateAdministrationDto: {
            /** @example 45 */
            departement: string;
            /** @example DDFIP du Loiret */
            name: string;
            /**
             * @description latitude in decimal degrees (WGS 84), given with officeLongitude; null for both removes the position
             * @example 47.9029
             */
            officeLatitude?: number | null;
            /**
             * @description longitude in decimal degrees (WGS 84), given with officeLatitude; null for both removes the position
             * @example 1.9093
             */
            officeLongitude?: number | null;
        };
        CreateConsultationTypeDto: {
            /** Format: uuid */
            administrationId: string;
            /**
             * @example [
             *       "Pièce d'identité",
             *       "Dernier avis d’imposition"
             *     ]
             */
            documents?: string[];
            /** @example 30 */
            durationMinutes: number;
            /** @example Impôt sur le revenu : déclaration */
            subject: string;
        };
        CreateMassCancellationDto: {
            /** Format: uuid */
            administrationId?: string;
            /**
             * Format: uuid
             * @description An agent, or give administrationId
             */
            agentId?: string;
            /** @example 2026-03-30T00:00:00+02:00 */
            from: string;
            /** @example Bonjour {nom}, votre rendez-vous du {date} à {msap} est annulé. Nous vous rappellerons. */
            message: string;
            /** Format: uuid */
            msapSiteId?: string;
            /**
             * @description At most one year after from
             * @example 2026-04-04T00:00:00+02:00
             */
            to: string;
        };
        CreateMsapSiteDto: {
            /** @example 2 rue de la Couronne */
            address: string;
            /** @example Pithiviers */
            city: string;
            /** @example 45 */
            departement: string;
            /**
             * @description latitude in decimal degrees (WGS 84), given with longitude; null for both removes the position
             * @example 48.1719
             */
            latitude?: number | null;
            /**
             * @description longitude in decimal degrees (WGS 84), given with latitude; null for both removes the position
             * @example 2.2519
             */
            longitude?: number | null;
            /** @example France Services de Pithiviers */
            name: string;
            /**
             * @description Given to citizens in their SMS as the number to call back; empty or null removes it
             * @example 02 38 30 12 34
             */
            phone?: string | null;
            /** @example 45300 */
            postalCode: string;
        };
        CreateUserDto: {
            /** Format: uuid */
            administrationId?: string;
            /** @example Conseillère fiscale */
            agentTitle?: string;
            /** @example 45 */
            departement?: string;
            /** @example Camille Martin */
            displayName: string;
            /** @example camille.martin@loiret.gouv.fr */
            email: string;
            /** Format: uuid */
            msapSiteId?: string;
            /** Format: password */
            password?: string;
            role: components["schemas"]["Role"];
        };
        /** @enum {string} */
        DeskAlertKind: "lobby_wait" | "booth_offline";
        DeskAlertView: {
            /** Format: uuid */
            consultationId: string;
            kind: components["schemas"]["DeskAlertKind"];
            /** @description Since when the condition holds (lobby entry, or the last heartbeat; null: never seen) */
            since: string | null;
        };
        DeskBoothView: {
            /** Format: uuid */
            id: string;
            lastCheck: components["schemas"]["BoothCheckView"] | null;
            /** @description Last heartbeat of an open booth page */
            lastSeenAt: string | null;
            name: string;
            state: components["schemas"]["BoothState"];
        };
        DeskConsultationView: {
            administrationName: string;
            /** @description The agent is in the call page (lobby or call) now */
            agentConnected: boolean;
            agentName: string;
            /** Format: uuid */
            boothId: string;
            boothName: string;
            citizenName: string;
            endsAt: string;
            /** Format: uuid */
            id: string;
            live: components["schemas"]["LiveState"];
            /** @description Since when the citizen waits in the lobby */
            lobbySince: string | null;
            startsAt: string;
            status: components["schemas"]["ConsultationStatus"];
            subject: string | null;
            support: components["schemas"]["SupportSummaryView"];
        };
        DeskDayView: {
            alerts: components["schemas"]["DeskAlertView"][];
            booths: components["schemas"]["DeskBoothView"][];
            consultations: components["schemas"]["DeskConsultationView"][];
            /** @example 2026-12-03 */
            date: string;
            generatedAt: string;
            /** @description When the day must be read again even if nothing is heard (a threshold passes) */
            recheckAt: string | null;
            settings: components["schemas"]["DeskSettingsView"];
            /** Format: uuid */
            siteId: string;
            siteName: string;
        };
        DeskMessageView: {
            body: string;
            /** Format: uuid */
            consultationId: string;
            createdAt: string;
            /** Format: uuid */
            id: string;
            senderName: string;
        };
        DeskSettingsView: {
            boothOfflineSeconds: number;
            lobbyAlertMinutes: number;
            offlineAlertMinutes: number;
        };
        DeviceBoothView: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            msapSiteId: string;
            /** @example Cabine 1 */
            name: string;
        };
        DevicePrincipalView: {
            /** Format: uuid */
            boothId: string;
            /** @description Sent back in the X-CSRF-Token header of state-changing calls */
            csrfToken: string;
            /** Format: uuid */
            deviceId: string;
            /** @enum {string} */
            kind: "device";
            /** Format: uuid */
            msapSiteId: string;
        };
        DeviceView: {
            booth: components["schemas"]["DeviceBoothView"] | null;
            /** Format: uuid */
            boothId: string;
            expiresAt: string;
            /** Format: uuid */
            id: string;
            /**
             * @description The booth’s name unless the screen was given another one when paired
             * @example Cabine 1
             */
            label: string;
            lastSeenAt: string | null;
            pairedAt: string;
            revokedAt: string | null;
        };
        /** @enum {string} */
        DocumentDirection: "to_agent" | "to_citizen";
        DocumentFileView: {
            height: number | null;
            /** @description Found from the bytes */
            mediaType: components["schemas"]["DocumentMediaType"];
            position: number;
            /**
             * @description SHA-256 (hex) as received
             * @example e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
             */
            sha256: string;
            /** @description Bytes as received */
            size: number;
            /** @description Signed for the caller’s session, short-lived; null until ready. Add download=1 to save it. */
            url: string | null;
            width: number | null;
        };
        DocumentLimitsView: {
            maxBytes: number;
            maxPages: number;
            maxPixels: number;
            retentionDays: number;
            /** @enum {string} */
            storage: "local" | "s3";
        };
        /**
         * @description Found from the bytes
         * @enum {string}
         */
        DocumentMediaType: "image/jpeg" | "image/png" | "application/pdf";
        /** @enum {string} */
        DocumentRejection: "too_large" | "type_refused" | "too_many_pages" | "virus" | "active_content" | "encrypted_pdf" | "mixed_content" | "image_too_large" | "damaged";
        /** @enum {string} */
        DocumentSenderRole: "booth" | "agent" | "facilitator";
        DocumentsStatusView: {
            antivirus: components["schemas"]["AntivirusStatusView"];
            limits: components["schemas"]["DocumentLimitsView"];
            scanning: components["schemas"]["ScanBacklogView"];
        };
        /** @enum {string} */
        DocumentStatus: "uploading" | "scanning" | "ready" | "rejected";
        DocumentView: {
            canDelete: boolean;
            /** Format: uuid */
            consultationId: string;
            /** @example 2026-03-23T10:05:00+01:00 */
            createdAt: string;
            direction: components["schemas"]["DocumentDirection"];
            /** @description A copy goes to the citizen’s e-mail (asked by the agent, with the citizen’s agreement) */
            emailCopy: boolean;
            files: components["schemas"]["DocumentFileView"][];
            /** Format: uuid */
            id: string;
            pages: number | null;
            /** @description The whole document as one PDF; null until ready */
            pdfUrl: string | null;
            readyAt: string | null;
            rejection: components["schemas"]["DocumentRejection"] | null;
            senderName: string;
            senderRole: components["schemas"]["DocumentSenderRole"];
            /** @description The virus signature found, if any */
            signature: string | null;
            size: number;
            status: components["schemas"]["DocumentStatus"];
            /** @example Avis d’imposition 2026 */
            title: string;
            waiting: components["schemas"]["DocumentWait"] | null;
        };
        /** @enum {string} */
        DocumentWait: "antivirus_unavailable";
        /** @enum {string} */
        Equipment: "ordinateur" | "telephone" | "tablette" | "autre" | "aucun";
        ErrorBody: {
            code: components["schemas"]["ErrorCode"];
            errors?: components["schemas"]["FieldErrors"];
            /** @description For developers, in English; clients word the code for their users. */
            message: string;
            requestId?: string;
            /** @example 422 */
            statusCode: number;
        };
        /** @enum {string} */
        ErrorCode: "VALIDATION_FAILED" | "INVALID_JSON" | "UNSUPPORTED_MEDIA_TYPE" | "PAYLOAD_TOO_LARGE" | "NOT_FOUND" | "UNAUTHENTICATED" | "SESSION_EXPIRED" | "INVALID_CREDENTIALS" | "CSRF_MISMATCH" | "FORBIDDEN" | "OUTSIDE_WINDOW" | "CONSULTATION_ENDED" | "CONSULTATION_CANCELLED" | "CONSULTATION_NOT_SCHEDULED" | "CONSULTATION_NOT_STARTED" | "BOOTH_TAKEN" | "AGENT_TAKEN" | "INTERVAL_TAKEN" | "OUTSIDE_OPENING_HOURS" | "MSAP_CLOSED" | "OUTSIDE_AVAILABILITY" | "AGENT_ABSENT" | "BOOTH_RETIRED" | "BOOTH_IN_USE" | "NAME_TAKEN" | "EMAIL_TAKEN" | "NOTHING_TO_CANCEL" | "RATE_LIMITED" | "CONFLICT" | "PAIRING_CODE_INVALID" | "PAIRING_CODE_EXPIRED" | "DEVICE_REVOKED" | "NOT_BOOTH_FACILITATOR" | "NOT_CONSULTATION_AGENT" | "OIDC_DISABLED" | "OIDC_FAILED" | "DOCUMENT_TOO_LARGE" | "DOCUMENT_TYPE_REFUSED" | "DOCUMENT_TOO_MANY_PAGES" | "UPLOAD_INCOMPLETE" | "UPLOAD_TIMEOUT" | "DOCUMENT_NOT_READY" | "LINK_EXPIRED" | "TOKEN_EXPIRED" | "TOKEN_USED" | "TOKEN_REPLACED" | "ACCOUNT_DISABLED" | "ACCOUNT_PSEUDONYMISED" | "OWN_ACCOUNT" | "EDIT_CONFLICT" | "CONSENT_TEXT_STALE" | "TEMPLATE_VERSION_STALE" | "TEMPLATE_IN_USE" | "ABSENCE_OVERLAP" | "NO_FREE_SLOT" | "LINK_UNKNOWN" | "TOO_LATE" | "CALLBACK_ALREADY_REQUESTED" | "SURVEY_NOT_AVAILABLE" | "SURVEY_ALREADY_OPENED" | "SURVEY_UNKNOWN" | "OUTSIDE_SCOPE" | "PERIOD_TOO_LONG" | "SERVICE_UNAVAILABLE" | "INTERNAL";
        FacilitatorCredentialsDto: {
            /** Format: email */
            email: string;
            password: string;
        };
        FacilitatorUnlockView: {
            /** @example Fanny Facilitatrice */
            displayName: string;
        };
        /** @enum {string} */
        FieldErrorCode: "REQUIRED" | "UNKNOWN_FIELD" | "INVALID_TYPE" | "INVALID_ID" | "INVALID_FORMAT" | "INVALID_DATE_TIME" | "INVALID_PHONE" | "NOT_A_MOBILE" | "NOT_A_LANDLINE" | "INVALID_EMAIL" | "INVALID_POSTAL_CODE" | "INVALID_DEPARTEMENT" | "NOT_ALLOWED" | "TOO_SHORT" | "TOO_LONG" | "TOO_SMALL" | "TOO_LARGE" | "TOO_MANY" | "NUL_CHARACTER" | "CONTROL_CHARACTER" | "IN_THE_PAST" | "TOO_FAR_AHEAD" | "END_BEFORE_START" | "DURATION_TOO_LONG" | "RANGE_TOO_LONG" | "NOT_STARTED" | "OUTSIDE_OPENING_HOURS" | "MSAP_CLOSED" | "OUTSIDE_AVAILABILITY" | "AGENT_ABSENT" | "BOOTH_TAKEN" | "AGENT_TAKEN" | "INTERVAL_TAKEN" | "UNKNOWN" | "RETIRED" | "WRONG_ADMINISTRATION" | "OUTSIDE_SCOPE" | "NAME_TAKEN" | "NAME_OF_RETIRED_BOOTH" | "EMAIL_TAKEN" | "ALREADY_RETIRED" | "IN_SERVICE" | "BOOKINGS_AHEAD" | "AGENT_NEEDS_ADMINISTRATION" | "PASSWORD_TOO_SHORT" | "WRONG_PASSWORD" | "CONSULTATIONS_AHEAD" | "NOTHING_TO_CHANGE" | "AGENT_OR_ADMINISTRATION" | "NOTHING_SELECTED" | "UNKNOWN_PLACEHOLDERS" | "UNKNOWN_ITEM" | "CHANGED_ELSEWHERE" | "DUPLICATE" | "ABSENCE_OVERLAP" | "OVERLAPS" | "ALREADY_CLOSED";
        /** @description Field path → codes, nested like the request body, e.g. {"citizen": {"phone": ["INVALID_PHONE"]}}. */
        FieldErrors: {
            [key: string]: components["schemas"]["FieldErrorCode"][] | components["schemas"]["FieldErrors"];
        };
        ForgotPasswordDto: {
            /** @example camille.martin@loiret.gouv.fr */
            email: string;
        };
        GiveConsentDto: {
            /** @enum {string} */
            kind: "video" | "documents" | "facilitator_presence";
            /** @description The version of the text shown to the citizen */
            textVersion: string;
        };
        IcsFeedCreatedView: {
            /** @example 2026-03-30T09:30:00+02:00 */
            createdAt: string;
            /** @example https://visio.example.fr/api/ics/6mV8…Q.ics */
            url: string;
        };
        IcsFeedStatusView: {
            /** @description A feed URL exists and works */
            active: boolean;
            /**
             * @description When the current URL was created
             * @example 2026-03-30T09:30:00+02:00
             */
            createdAt: string | null;
            /**
             * @description Last time a calendar app read it
             * @example 2026-03-30T10:00:00+02:00
             */
            lastUsedAt: string | null;
        };
        /** @enum {string} */
        IndicatorId: "booked" | "held" | "cancelled" | "cancelled_citizen" | "cancelled_agent_absence" | "cancelled_site_closure" | "cancelled_mass" | "cancelled_service" | "no_show_citizen" | "no_show_agent" | "no_outcome" | "upcoming" | "opening_hours" | "booked_hours" | "held_hours" | "occupancy_booked" | "occupancy_held" | "lead_time_median_days" | "wait_median_minutes" | "admitted_late_rate" | "duration_median_minutes" | "booked_duration_median_minutes" | "overrun_rate" | "calls_measured" | "audio_only_rate" | "reconnection_rate" | "ice_restarts" | "rtt_median_ms" | "loss_median_pct" | "connect_failed" | "connect_failed_ice_failed" | "connect_failed_ice_timeout" | "connect_failed_dtls_failed" | "connect_failed_no_media" | "connect_failed_worker_died" | "documents_exchanged" | "documents_rejected" | "documents_rejected_too_large" | "documents_rejected_type_refused" | "documents_rejected_too_many_pages" | "documents_rejected_virus" | "documents_rejected_active_content" | "documents_rejected_encrypted_pdf" | "documents_rejected_mixed_content" | "documents_rejected_image_too_large" | "documents_rejected_damaged" | "survey_responses" | "satisfaction_score" | "satisfaction_good" | "satisfaction_medium" | "satisfaction_bad" | "clarity_mean" | "support_recorded" | "autonomy_entierement_accompagne" | "autonomy_partiellement_autonome" | "autonomy_autonome" | "theme_papiers_elections_citoyennete" | "theme_famille_scolarite" | "theme_social_sante" | "theme_travail_formation" | "theme_logement" | "theme_transports_mobilite" | "theme_argent_impots" | "theme_justice" | "theme_etrangers_europe" | "theme_loisirs_sports_culture" | "travel_km_avoided" | "co2_kg_avoided" | "travel_unknown";
        /** @enum {string} */
        ItemState: "done" | "not_applicable" | "not_done";
        JoinWindowView: {
            /**
             * @description and closes this many minutes after the booked end
             * @example 15
             */
            minutesAfterEnd: number;
            /**
             * @description The call opens this many minutes before the booked start
             * @example 15
             */
            minutesBeforeStart: number;
            /**
             * @description The server's time when it answered: a page counts down from it, not from its own clock
             * @example 2026-03-30T09:12:04.120Z
             */
            serverTime: string;
        };
        /** @enum {string} */
        LiveState: "offline" | "online" | "checked" | "lobby" | "in_call" | "ended" | "cancelled";
        LoginDto: {
            /** Format: email */
            email: string;
            password: string;
        };
        LoginProvidersView: {
            /** @description OpenID Connect (ProConnect) is enabled */
            oidc: boolean;
            password: boolean;
        };
        LossBucketView: {
            /** @enum {string} */
            bucket: "lt1" | "1to3" | "3to5" | "ge5";
            calls: number;
        };
        MassCancellationCriteriaView: {
            /** Format: uuid */
            administrationId: string | null;
            /** Format: uuid */
            agentId: string | null;
            from: string;
            /** Format: uuid */
            msapSiteId: string | null;
            to: string;
        };
        MassCancellationItemView: {
            administration: string;
            agentName: string;
            boothName: string;
            citizenName: string;
            endsAt: string;
            hasEmail: boolean;
            /** @description Has a mobile: gets the SMS (a landline does not) */
            hasPhone: boolean;
            /** Format: uuid */
            id: string;
            msapSiteName: string;
            startsAt: string;
        };
        MassCancellationJobView: {
            cancelled: number;
            createdAt: string;
            criteria: components["schemas"]["MassCancellationCriteriaView"];
            /** @description Citizens on whom every channel failed */
            failed: number;
            finishedAt: string | null;
            /** Format: uuid */
            id: string;
            /** @description The coordinator’s message, placeholders unfilled */
            message: string;
            /** @description Citizens with neither a mobile nor an e-mail */
            noContact: number;
            /** @description Citizens whose messages are still being sent */
            pending: number;
            processed: number;
            /** @description Citizens reached by at least one channel */
            sent: number;
            /** @description No longer scheduled when reached (cancelled or moved meanwhile): left untouched */
            skipped: number;
            /** @enum {string} */
            state: "running" | "completed";
            total: number;
        };
        MassCancellationMessageItemView: {
            citizenName: string;
            /** Format: uuid */
            consultationId: string;
            /** @description Exactly what the outbox will hold for them once confirmed */
            messages: components["schemas"]["CitizenMessageView"][];
            startsAt: string;
        };
        MassCancellationMessagesView: {
            /** @description The first ones, in time order */
            items: components["schemas"]["MassCancellationMessageItemView"][];
            /** @description Consultations the selection cancels */
            total: number;
        };
        MassCancellationPreviewView: {
            items: components["schemas"]["MassCancellationItemView"][];
            page: number;
            pageSize: number;
            total: number;
            /** @description Citizens with neither a mobile nor an e-mail: to be called */
            withoutContact: number;
        };
        MassCancellationReportView: {
            cancelled: number;
            createdAt: string;
            criteria: components["schemas"]["MassCancellationCriteriaView"];
            /** @description Citizens on whom every channel failed */
            failed: number;
            finishedAt: string | null;
            /** Format: uuid */
            id: string;
            /** @description The coordinator’s message, placeholders unfilled */
            message: string;
            /** @description Citizens with neither a mobile nor an e-mail */
            noContact: number;
            /** @description Citizens whose messages are still being sent */
            pending: number;
            processed: number;
            /** @description Citizens reached by at least one channel */
            sent: number;
            /** @description No longer scheduled when reached (cancelled or moved meanwhile): left untouched */
            skipped: number;
            /** @enum {string} */
            state: "running" | "completed";
            toCall: components["schemas"]["CitizensToCallView"];
            total: number;
        };
        MsapSiteView: {
            /** @example 2 rue de la Couronne */
            address: string;
            /** @example Pithiviers */
            city: string;
            /** @example 2026-03-30T09:30:00+02:00 */
            createdAt: string;
            /** @example 45 */
            departement: string;
            /** Format: uuid */
            id: string;
            /**
             * @description Latitude in decimal degrees (WGS 84); null when not given
             * @example 48.1719
             */
            latitude: number | null;
            /**
             * @description Longitude in decimal degrees (WGS 84); null when not given
             * @example 2.2519
             */
            longitude: number | null;
            /** @example France Services de Pithiviers */
            name: string;
            /**
             * @description E.164; null when unknown
             * @example +33238301234
             */
            phone: string | null;
            /** @example 45300 */
            postalCode: string;
        };
        MyAccountView: {
            displayName: string;
            email: string;
            /** @description Signs in with a password (which can be changed here) */
            hasPassword: boolean;
            /** @enum {string|null} */
            provider: "oidc" | null;
            role: components["schemas"]["Role"];
        };
        OutboxConsultationView: {
            boothName: string;
            citizenName: string;
            msapSiteName: string;
            startsAt: string;
        };
        OutboxItemView: {
            attempts: number;
            /**
             * @description call: not sent; the citizen (neither a mobile nor an e-mail) is to be phoned
             * @enum {string}
             */
            channel: "sms" | "email" | "agent_email" | "call";
            /** @description Null for a message about an account */
            consultation: components["schemas"]["OutboxConsultationView"] | null;
            /**
             * Format: uuid
             * @description Null for a message about an account
             */
            consultationId: string | null;
            createdAt: string;
            /** @description When retention erased its recipient, text and invitation */
            erasedAt: string | null;
            /**
             * @description booked, rescheduled, reassigned, unassigned, cancelled, reminder_<offset>, document_sent; about accounts: account_invitation, password_reset, password_forgotten
             * @example booked
             */
            event: string;
            hasCalendarInvite: boolean;
            /** Format: uuid */
            id: string;
            lastError: string | null;
            nextAttemptAt: string | null;
            recipient: string;
            sentAt: string | null;
            sms: components["schemas"]["SmsMeasureView"] | null;
            /**
             * @description to_call / called: a call (channel call) waiting, or made
             * @enum {string}
             */
            status: "pending" | "sending" | "sent" | "failed" | "to_call" | "called";
            subject: string | null;
            /** @description Exactly the text sent (SMS: after transliteration to GSM-7 when possible) */
            text: string;
            /** @description Where it went: the SMS provider, SMTP, or the local outbox */
            transport: string | null;
            /**
             * Format: uuid
             * @description The account a message is about (admins only)
             */
            userId: string | null;
        };
        OutboxPageView: {
            items: components["schemas"]["OutboxItemView"][];
            page: number;
            pageSize: number;
            total: number;
        };
        PairDeviceDto: Record<string, never>;
        PairingCodeView: {
            /** Format: uuid */
            boothId: string;
            /**
             * @description 8 digits, typed on the terminal
             * @example 12345678
             */
            code: string;
            expiresAt: string;
        };
        /** @enum {string} */
        PasswordLinkPurpose: "invitation" | "password_reset";
        PasswordTokenDto: {
            token: string;
        };
        PasswordTokenView: {
            displayName: string;
            /** @description The account’s e-mail, to sign in with afterwards */
            email: string;
            expiresAt: string;
            purpose: components["schemas"]["PasswordLinkPurpose"];
        };
        PatchSupportDto: {
            /** @description At most one answer per item */
            answers?: components["schemas"]["AnswerDto"][];
            /** @enum {string|null} */
            autonomy?: "entierement_accompagne" | "partiellement_autonome" | "autonome" | null;
            /** @description The revision the sender last read */
            base: number;
            equipment?: ("ordinateur" | "telephone" | "tablette" | "autre" | "aucun")[];
            /** @description The facilitator stays in the room during the call */
            facilitatorPresent?: boolean | null;
            notes?: string;
            /** @enum {string|null} */
            redirection?: "operateur_ou_organisme_en_charge" | "aide_aux_demarches_administratives" | "administration" | "mediation_numerique" | "autre" | null;
            themes?: ("papiers_elections_citoyennete" | "famille_scolarite" | "social_sante" | "travail_formation" | "logement" | "transports_mobilite" | "argent_impots" | "justice" | "etrangers_europe" | "loisirs_sports_culture")[];
        };
        PreviewMassCancellationMessageDto: {
            /** Format: uuid */
            administrationId?: string;
            /**
             * Format: uuid
             * @description An agent, or give administrationId
             */
            agentId?: string;
            /**
             * @description How many citizens, in time order
             * @default 5
             */
            count: number;
            /** @example 2026-03-30T00:00:00+02:00 */
            from: string;
            /** @example Bonjour {nom}, votre rendez-vous du {date} à {msap} est annulé. Nous vous rappellerons. */
            message: string;
            /** Format: uuid */
            msapSiteId?: string;
            /**
             * @description At most one year after from
             * @example 2026-04-04T00:00:00+02:00
             */
            to: string;
        };
        ProposedSlotView: {
            /** Format: uuid */
            agentId: string;
            /** @example Claire Collègue */
            agentName: string;
            /** Format: uuid */
            boothId: string;
            /** @example Cabine 1 */
            boothName: string;
            /** @example 2026-04-07T11:00:00+02:00 */
            endsAt: string;
            /** @description True when the booking keeps its agent */
            sameAgent: boolean;
            /** @example 2026-04-07T10:30:00+02:00 */
            startsAt: string;
        };
        ProposeSlotDto: {
            /**
             * Format: uuid
             * @description agentId of the proposal
             */
            agentId?: string;
            /**
             * @description startsAt of the proposal
             * @example 2026-04-07T10:30:00+02:00
             */
            startsAt?: string;
            /**
             * @description What left the booking without a slot, recorded in the audit trail
             * @default absence
             * @enum {string}
             */
            via: "absence" | "schedule";
        };
        PublicationView: {
            /** @example 45 */
            departement: string;
            /** @description Whether the public page shows it */
            published: boolean;
            /** Format: date-time */
            publishedAt: string | null;
        };
        PublicStatsPeriodView: {
            /** @example 2026-01-01 */
            from: string;
            /** @enum {string} */
            granularity: "week" | "month";
            /** @example 2026-12-31 */
            to: string;
        };
        PublicStatsReportView: {
            computedAt: string;
            /** @example 45 */
            departement: string;
            /** @description Counts from 1 to this minus one, and figures computed over fewer, are suppressed */
            minCount: number;
            period: components["schemas"]["PublicStatsPeriodView"];
            series: components["schemas"]["PublicStatsSeriesPointView"][];
            suppressed: components["schemas"]["IndicatorId"][];
            travel: components["schemas"]["PublicTravelMethodView"];
            /** @description One value per indicator; null: no data, or suppressed (then listed in `suppressed`) */
            values: {
                admitted_late_rate?: number | null;
                audio_only_rate?: number | null;
                autonomy_autonome?: number | null;
                autonomy_entierement_accompagne?: number | null;
                autonomy_partiellement_autonome?: number | null;
                booked?: number | null;
                booked_duration_median_minutes?: number | null;
                booked_hours?: number | null;
                calls_measured?: number | null;
                cancelled?: number | null;
                cancelled_agent_absence?: number | null;
                cancelled_citizen?: number | null;
                cancelled_mass?: number | null;
                cancelled_service?: number | null;
                cancelled_site_closure?: number | null;
                clarity_mean?: number | null;
                co2_kg_avoided?: number | null;
                connect_failed?: number | null;
                connect_failed_dtls_failed?: number | null;
                connect_failed_ice_failed?: number | null;
                connect_failed_ice_timeout?: number | null;
                connect_failed_no_media?: number | null;
                connect_failed_worker_died?: number | null;
                documents_exchanged?: number | null;
                documents_rejected?: number | null;
                documents_rejected_active_content?: number | null;
                documents_rejected_damaged?: number | null;
                documents_rejected_encrypted_pdf?: number | null;
                documents_rejected_image_too_large?: number | null;
                documents_rejected_mixed_content?: number | null;
                documents_rejected_too_large?: number | null;
                documents_rejected_too_many_pages?: number | null;
                documents_rejected_type_refused?: number | null;
                documents_rejected_virus?: number | null;
                duration_median_minutes?: number | null;
                held?: number | null;
                held_hours?: number | null;
                ice_restarts?: number | null;
                lead_time_median_days?: number | null;
                loss_median_pct?: number | null;
                no_outcome?: number | null;
                no_show_agent?: number | null;
                no_show_citizen?: number | null;
                occupancy_booked?: number | null;
                occupancy_held?: number | null;
                opening_hours?: number | null;
                overrun_rate?: number | null;
                reconnection_rate?: number | null;
                rtt_median_ms?: number | null;
                satisfaction_bad?: number | null;
                satisfaction_good?: number | null;
                satisfaction_medium?: number | null;
                satisfaction_score?: number | null;
                support_recorded?: number | null;
                survey_responses?: number | null;
                theme_argent_impots?: number | null;
                theme_etrangers_europe?: number | null;
                theme_famille_scolarite?: number | null;
                theme_justice?: number | null;
                theme_logement?: number | null;
                theme_loisirs_sports_culture?: number | null;
                theme_papiers_elections_citoyennete?: number | null;
                theme_social_sante?: number | null;
                theme_transports_mobilite?: number | null;
                theme_travail_formation?: number | null;
                travel_km_avoided?: number | null;
                travel_unknown?: number | null;
                upcoming?: number | null;
                wait_median_minutes?: number | null;
            };
        };
        PublicStatsSeriesPointView: {
            /** @description null: below the threshold (suppressed) */
            booked: number | null;
            /** @description null: below the threshold (suppressed) */
            cancelled: number | null;
            /** @description null: below the threshold (suppressed) */
            held: number | null;
            /** @description null: below the threshold (suppressed) */
            noShowAgent: number | null;
            /** @description null: below the threshold (suppressed) */
            noShowCitizen: number | null;
            /** @description null: below the threshold (suppressed) */
            satisfactionScore: number | null;
            /**
             * @description Monday of the ISO week, or first day of the month
             * @example 2026-01-05
             */
            start: string;
            /** @description null: below the threshold (suppressed) */
            surveyResponses: number | null;
        };
        PublicTravelMethodView: {
            /** @example 0.218 */
            co2KgPerKm: number;
            /** @example 1.3 */
            roadFactor: number;
            source: string;
        };
        ReassignConsultationDto: {
            /**
             * Format: uuid
             * @description Another agent of the same administration, free at that time
             */
            agentId: string;
        };
        RecordOutcomeDto: {
            /** @example Dossier complet, avis envoyé par courrier. */
            note?: string;
            /** @enum {string} */
            status: "done" | "no_show";
        };
        /** @enum {string} */
        Redirection: "operateur_ou_organisme_en_charge" | "aide_aux_demarches_administratives" | "administration" | "mediation_numerique" | "autre";
        ReplacementView: {
            /** Format: uuid */
            agentId: string;
            /** @example Claire Collègue */
            displayName: string;
        };
        RequestCallbackDto: {
            /** @example Plutôt le matin */
            note?: string;
            /**
             * @description Normalised to E.164 (+33…)
             * @example 06 12 34 56 78
             */
            phone: string;
        };
        RescheduleConsultationDto: {
            /**
             * Format: uuid
             * @description Another agent of the same administration
             */
            agentId?: string;
            /**
             * Format: uuid
             * @description Another booth; defaults to the current one
             */
            boothId?: string;
            /** @description Defaults to startsAt + the current length */
            endsAt?: string;
            /** @example 2026-03-31T14:00:00+02:00 */
            startsAt?: string;
        };
        RetentionPolicyView: {
            /**
             * @description Days the audit log is kept
             * @example 365
             */
            auditDays: number;
            /**
             * @description Rows erased or deleted per statement
             * @example 500
             */
            batchSize: number;
            /**
             * @description Days after a consultation's end or cancellation before the citizen's name, phone, e-mail and the cancellation reason are erased; also after an absence's or closure's end (its reason) and a mass cancellation's end (its message)
             * @example 90
             */
            citizenDataDays: number;
            /**
             * @description Days a revoked or expired booth terminal is kept
             * @example 365
             */
            devicesDays: number;
            /**
             * @description Days an account stays disabled before it is pseudonymised (RETENTION_DISABLED_ACCOUNT_DAYS)
             * @example 365
             */
            disabledAccountDays: number;
            /** @description The background sweep runs in this instance (RETENTION_ENABLED) */
            enabled: boolean;
            /**
             * @description What a pseudonymised account shows instead of its holder's name
             * @example Compte (effacé)
             */
            erasedAccountName: string;
            /**
             * @description What an erased consultation shows instead of the citizen's name
             * @example Usager (effacé)
             */
            erasedCitizenName: string;
            /**
             * @description What an erased absence or closure reason and mass cancellation message show instead
             * @example (effacé)
             */
            erasedText: string;
            /**
             * @description Minutes between two sweeps
             * @example 60
             */
            intervalMinutes: number;
            /**
             * @description Days after a message was sent or failed before its recipient, text and calendar invitation are erased
             * @example 30
             */
            outboxDays: number;
            /**
             * @description Days an expired pairing code is kept
             * @example 1
             */
            pairingCodesDays: number;
        };
        RetentionRunView: {
            /**
             * @description Agents' absences whose reason was erased
             * @example 3
             */
            absenceReasonsErased: number;
            /**
             * @description Accounts disabled for too long that were pseudonymised
             * @example 0
             */
            accountsPseudonymised: number;
            /** @example 0 */
            auditEventsDeleted: number;
            /**
             * @description MSAP closures whose reason was erased
             * @example 1
             */
            closureReasonsErased: number;
            /**
             * @description Consultations whose citizen data were erased
             * @example 120
             */
            consultationsErased: number;
            /** @example 0 */
            devicesDeleted: number;
            /** @description Why the run stopped early; what it erased before stays erased */
            error: string | null;
            /** @example 2026-03-30T03:00:02+02:00 */
            finishedAt: string;
            /** @example 42 */
            id: string;
            /**
             * @description Finished mass cancellations whose message was erased
             * @example 0
             */
            massCancellationMessagesErased: number;
            /**
             * @description Outbox messages whose recipient and text were erased
             * @example 250
             */
            outboxErased: number;
            /** @example 2 */
            pairingCodesDeleted: number;
            /**
             * @description Expired or signed-out sessions deleted
             * @example 14
             */
            sessionsDeleted: number;
            /** @example 2026-03-30T03:00:00+02:00 */
            startedAt: string;
            /**
             * @description Booth survey comments erased (they may name someone)
             * @example 0
             */
            surveyCommentsErased: number;
        };
        RetentionStatusView: {
            /** @description The latest sweep, even one that found nothing to erase */
            lastRun: components["schemas"]["RetentionRunView"] | null;
            policy: components["schemas"]["RetentionPolicyView"];
            /** @description The latest sweeps (up to 10) that erased or deleted something, or failed */
            recentRuns: components["schemas"]["RetentionRunView"][];
        };
        /** @enum {string} */
        Role: "admin" | "coordinator" | "agent" | "facilitator";
        RttBucketView: {
            /** @enum {string} */
            bucket: "lt50" | "50to100" | "100to200" | "200to400" | "ge400";
            calls: number;
        };
        SaveTemplateDto: {
            /** @description The version the editor started from (0: the default, never saved). A newer one saved meanwhile is a 409. */
            baseVersion: number;
            items: components["schemas"]["ChecklistItemDto"][];
            /** @enum {string} */
            theme: "papiers" | "impots" | "logement" | "travail" | "social" | "etrangers" | "famille" | "transports" | "justice" | "argent";
        };
        ScanBacklogView: {
            oldestSeconds: number | null;
            waiting: number;
        };
        ScheduleImpactView: {
            /** @description Scheduled bookings ahead that the schedule leaves outside, earliest first (at most 500). `replacements` lists free colleagues for a change of an agent’s availability; it is empty for an MSAP’s opening hours or closure (another agent would not open the MSAP). */
            affected: components["schemas"]["AffectedConsultationView"][];
            /** @description How many bookings the schedule leaves outside (more than `affected` lists past 500) */
            total: number;
        };
        SendBoothMessageDto: {
            /** @example J’arrive dans 5 minutes. */
            text: string;
        };
        SendDeskMessageDto: {
            /** @example Mme Martin vous attend en cabine depuis 10 minutes. */
            body: string;
        };
        SetPasswordDto: {
            /** Format: password */
            password: string;
            token: string;
        };
        SetPublicationDto: {
            /** @description true: the département’s aggregated figures appear on the public page; false: they are withdrawn at once */
            published: boolean;
        };
        SignatureFileView: {
            /** @description Build time of an official database (ISO) */
            builtAt: string | null;
            /** @example daily.cvd */
            name: string;
            signatures: number | null;
            version: number | null;
        };
        /** @enum {string} */
        SignatureKind: "official" | "test-only" | "custom" | "missing";
        SignatureSetView: {
            ageDays: number | null;
            files: components["schemas"]["SignatureFileView"][];
            kind: components["schemas"]["SignatureKind"];
            newestAt: string | null;
        };
        SiteOption: {
            departement: string;
            /** Format: uuid */
            id: string;
            name: string;
        };
        SlotAgentView: {
            displayName: string;
            /** Format: uuid */
            id: string;
        };
        SlotBoothView: {
            /** Format: uuid */
            id: string;
            name: string;
        };
        SlotSearchResult: {
            /** @description The agents considered, referenced by index from slots */
            agents: components["schemas"]["SlotAgentView"][];
            booths: components["schemas"]["SlotBoothView"][];
            /** Format: uuid */
            consultationTypeId: string;
            durationMinutes: number;
            slots: components["schemas"]["SlotView"][];
            /** @description True when `limit` cut the list */
            truncated: boolean;
        };
        SlotView: {
            /** @description Indexes into `agents`: every agent free for the whole slot */
            agents: number[];
            /** @description Indexes into `booths`: every booth free for the whole slot */
            booths: number[];
            /** @example 2026-03-30T10:00:00+02:00 */
            endsAt: string;
            /** @example 2026-03-30T09:30:00+02:00 */
            startsAt: string;
        };
        SmsMeasureView: {
            characters: number;
            /** @enum {string} */
            encoding: "GSM-7" | "UCS-2";
            segments: number;
        };
        /**
         * @description Why, as the statistics group it: the agent is away, the site is closed, or the service for another reason (left out: service)
         * @enum {string}
         */
        StaffCancellationCause: "agent_absence" | "site_closure" | "service";
        StatsFiltersView: {
            /** Format: uuid */
            administrationId?: string;
            /** Format: uuid */
            agentId?: string;
            /** Format: uuid */
            consultationTypeId?: string;
            departement?: string;
            /** Format: uuid */
            siteId?: string;
        };
        StatsOptionsView: {
            administrations: components["schemas"]["AdministrationOption"][];
            agents: components["schemas"]["AgentOption"][];
            consultationTypes: components["schemas"]["TypeOption"][];
            departements: string[];
            /** @description The filters the viewer cannot change (their département, site or agent id) */
            fixed: components["schemas"]["StatsFiltersView"];
            sites: components["schemas"]["SiteOption"][];
        };
        StatsPeriodView: {
            /** @example 2026-01-01 */
            from: string;
            /** @enum {string} */
            granularity: "week" | "month";
            /** @example 2026-12-31 */
            to: string;
        };
        StatsQualityView: {
            loss: components["schemas"]["LossBucketView"][];
            rtt: components["schemas"]["RttBucketView"][];
        };
        StatsReportView: {
            computedAt: string;
            /** @description The filters applied, the viewer’s scope filled in */
            filters: components["schemas"]["StatsFiltersView"];
            period: components["schemas"]["StatsPeriodView"];
            quality: components["schemas"]["StatsQualityView"];
            series: components["schemas"]["StatsSeriesPointView"][];
            sites: components["schemas"]["StatsSiteRowView"][];
            travel: components["schemas"]["TravelMethodView"];
            /** @description One value per indicator of shared/stats/indicators.ts; null: no data to compute it from */
            values: {
                admitted_late_rate?: number | null;
                audio_only_rate?: number | null;
                autonomy_autonome?: number | null;
                autonomy_entierement_accompagne?: number | null;
                autonomy_partiellement_autonome?: number | null;
                booked?: number | null;
                booked_duration_median_minutes?: number | null;
                booked_hours?: number | null;
                calls_measured?: number | null;
                cancelled?: number | null;
                cancelled_agent_absence?: number | null;
                cancelled_citizen?: number | null;
                cancelled_mass?: number | null;
                cancelled_service?: number | null;
                cancelled_site_closure?: number | null;
                clarity_mean?: number | null;
                co2_kg_avoided?: number | null;
                connect_failed?: number | null;
                connect_failed_dtls_failed?: number | null;
                connect_failed_ice_failed?: number | null;
                connect_failed_ice_timeout?: number | null;
                connect_failed_no_media?: number | null;
                connect_failed_worker_died?: number | null;
                documents_exchanged?: number | null;
                documents_rejected?: number | null;
                documents_rejected_active_content?: number | null;
                documents_rejected_damaged?: number | null;
                documents_rejected_encrypted_pdf?: number | null;
                documents_rejected_image_too_large?: number | null;
                documents_rejected_mixed_content?: number | null;
                documents_rejected_too_large?: number | null;
                documents_rejected_too_many_pages?: number | null;
                documents_rejected_type_refused?: number | null;
                documents_rejected_virus?: number | null;
                duration_median_minutes?: number | null;
                held?: number | null;
                held_hours?: number | null;
                ice_restarts?: number | null;
                lead_time_median_days?: number | null;
                loss_median_pct?: number | null;
                no_outcome?: number | null;
                no_show_agent?: number | null;
                no_show_citizen?: number | null;
                occupancy_booked?: number | null;
                occupancy_held?: number | null;
                opening_hours?: number | null;
                overrun_rate?: number | null;
                reconnection_rate?: number | null;
                rtt_median_ms?: number | null;
                satisfaction_bad?: number | null;
                satisfaction_good?: number | null;
                satisfaction_medium?: number | null;
                satisfaction_score?: number | null;
                support_recorded?: number | null;
                survey_responses?: number | null;
                theme_argent_impots?: number | null;
                theme_etrangers_europe?: number | null;
                theme_famille_scolarite?: number | null;
                theme_justice?: number | null;
                theme_logement?: number | null;
                theme_loisirs_sports_culture?: number | null;
                theme_papiers_elections_citoyennete?: number | null;
                theme_social_sante?: number | null;
                theme_transports_mobilite?: number | null;
                theme_travail_formation?: number | null;
                travel_km_avoided?: number | null;
                travel_unknown?: number | null;
                upcoming?: number | null;
                wait_median_minutes?: number | null;
            };
        };
        StatsSeriesPointView: {
            booked: number;
            cancelled: number;
            held: number;
            noShowAgent: number;
            noShowCitizen: number;
            satisfactionScore: number | null;
            /**
             * @description Monday of the ISO week, or first day of the month
             * @example 2026-01-05
             */
            start: string;
            surveyResponses: number;
        };
        StatsSiteRowView: {
            booked: number;
            cancelled: number;
            departement: string;
            held: number;
            /** @description Held consultations per bucket of the series */
            heldSeries: number[];
            name: string;
            occupancyHeld: number | null;
            satisfactionScore: number | null;
            /** Format: uuid */
            siteId: string;
        };
        SupportItemView: {
            comment: string;
            id: string;
            label: string;
            part: components["schemas"]["ChecklistPart"];
            state: components["schemas"]["ItemState"];
        };
        SupportSummaryView: {
            answered: number;
            consentGiven: boolean;
            facilitatorPresent: boolean | null;
            /** @description "Before" items not done yet */
            notReady: string[];
            papersReady: boolean;
            total: number;
        };
        /** @enum {string} */
        SupportTheme: "papiers_elections_citoyennete" | "famille_scolarite" | "social_sante" | "travail_formation" | "logement" | "transports_mobilite" | "argent_impots" | "justice" | "etrangers_europe" | "loisirs_sports_culture";
        SupportView: {
            autonomy: components["schemas"]["Autonomy"] | null;
            /** @description Whether the caller may fill it (the facilitators of its France Services) */
            canEdit: boolean;
            /** @description Every consent given, standing or revoked, oldest first */
            consents: components["schemas"]["ConsentRecordView"][];
            /** @description The texts to read to the citizen now */
            consentTexts: components["schemas"]["ConsentTextView"][];
            /** Format: uuid */
            consultationId: string;
            equipment: components["schemas"]["Equipment"][];
            facilitatorPresent: boolean | null;
            /** @description Field → revision that last changed it */
            fieldRevisions: {
                [key: string]: number;
            };
            items: components["schemas"]["SupportItemView"][];
            notes: string;
            /** @description The notes and comments were erased with the citizen’s data (retention) */
            notesErased: boolean;
            redirection: components["schemas"]["Redirection"] | null;
            revision: number;
            /** @description In the answer to a change: the revision it wrote (the record shown may already hold a later one from another device) */
            savedRevision: number | null;
            summary: components["schemas"]["SupportSummaryView"];
            /** @description Template version the checklist is filled with (0: the default, not yet pinned) */
            templateVersion: number | null;
            themes: components["schemas"]["SupportTheme"][];
            updatedAt: string | null;
            updatedBy: string | null;
        };
        SurveyAnswerDto: {
            /**
             * @description satisfaction: bad | medium | good; clarity: 1–5; sound, image: good | medium | bad; documents: also not_concerned; comment: text ≤ 500, no control character
             * @example good
             */
            value: string | number;
        };
        SurveyAnswerView: {
            question: components["schemas"]["SurveyQuestion"];
            /** @description As stored (a comment trimmed) */
            value: string | number;
        };
        /** @enum {string} */
        SurveyQuestion: "satisfaction" | "clarity" | "sound" | "image" | "documents" | "comment";
        SurveyTicketView: {
            /** @description The answers are refused after it (410 TOKEN_EXPIRED) */
            expiresAt: string;
            /** @description Signed by the server; sent back in the path of each answer; stored nowhere but as its hash, from the first answer */
            token: string;
        };
        /** @enum {string} */
        TemplateTheme: "papiers" | "impots" | "logement" | "travail" | "social" | "etrangers" | "famille" | "transports" | "justice" | "argent";
        ToCallItemView: {
            administration: string;
            boothName: string;
            citizenName: string;
            /** Format: uuid */
            consultationId: string;
            /** @description When the change was made */
            createdAt: string;
            /** @description Earlier changes of the same appointment not told either (this call covers them) */
            earlier: number;
            /**
             * @description What happened: the latest change not yet told
             * @enum {string}
             */
            event: "booked" | "rescheduled" | "cancelled";
            /**
             * Format: uuid
             * @description The call to make (an outbox row, channel call): what POST /api/to-call/:id/handled takes
             */
            id: string;
            /** @description What to tell them: the SMS they would have received (with the reason of a cancellation) */
            message: string;
            msapSiteName: string;
            /** @description The number to call (E.164): the landline given at booking, else a number that cannot receive an SMS; null: the citizen left none */
            phone: string | null;
            /** @description The appointment (after a cancellation: the one cancelled) */
            startsAt: string;
        };
        ToCallPageView: {
            items: components["schemas"]["ToCallItemView"][];
            page: number;
            pageSize: number;
            total: number;
        };
        TravelMethodView: {
            /** @example 0.218 */
            co2KgPerKm: number;
            /** @example 1.3 */
            roadFactor: number;
            source: string;
        };
        TypeOption: {
            /** Format: uuid */
            administrationId: string;
            /** Format: uuid */
            id: string;
            name: string;
        };
        UnavailabilityDto: {
            /** @example 2026-04-11T00:00:00+02:00 */
            endsAt: string;
            /** @example Formation */
            reason?: string;
            /** @example 2026-04-06T00:00:00+02:00 */
            startsAt: string;
        };
        UnavailabilityView: {
            /** Format: uuid */
            createdById: string | null;
            /** @example 2026-04-11T00:00:00+02:00 */
            endsAt: string;
            /** Format: uuid */
            id: string;
            /**
             * @description Empty when none was given
             * @example Formation
             */
            reason: string;
            /** @example 2026-04-06T00:00:00+02:00 */
            startsAt: string;
        };
        UpdateAdministrationDto: {
            /** @example 45 */
            departement?: string;
            /** @example DDFIP du Loiret */
            name?: string;
            /**
             * @description latitude in decimal degrees (WGS 84), given with officeLongitude; null for both removes the position
             * @example 47.9029
             */
            officeLatitude?: number | null;
            /**
             * @description longitude in decimal degrees (WGS 84), given with officeLatitude; null for both removes the position
             * @example 1.9093
             */
            officeLongitude?: number | null;
        };
        UpdateConsultationTypeDto: {
            active?: boolean;
            documents?: string[];
            durationMinutes?: number;
            subject?: string;
        };
        UpdateMsapSiteDto: {
            address?: string;
            city?: string;
            /** @example 45 */
            departement?: string;
            /**
             * @description latitude in decimal degrees (WGS 84), given with longitude; null for both removes the position
             * @example 48.1719
             */
            latitude?: number | null;
            /**
             * @description longitude in decimal degrees (WGS 84), given with latitude; null for both removes the position
             * @example 2.2519
             */
            longitude?: number | null;
            name?: string;
            /**
             * @description Given to citizens in their SMS as the number to call back; empty or null removes it
             * @example 02 38 30 12 34
             */
            phone?: string | null;
            /** @example 45300 */
            postalCode?: string;
        };
        UpdateUserDto: {
            /** Format: uuid */
            administrationId?: string;
            /** @example Conseillère fiscale */
            agentTitle?: string;
            /** @example 45 */
            departement?: string;
            displayName?: string;
            /** Format: uuid */
            msapSiteId?: string;
            role?: components["schemas"]["Role"];
        };
        UserPrincipalView: {
            /** @description Sent back in the X-CSRF-Token header of state-changing calls */
            csrfToken: string;
            /** @example 45 */
            departement: string | null;
            /** @example Antoine Agent */
            displayName: string;
            /** @enum {string} */
            kind: "user";
            /** Format: uuid */
            msapSiteId: string | null;
            role: components["schemas"]["Role"];
            /** Format: uuid */
            userId: string;
        };
        UserView: {
            /**
             * Format: uuid
             * @description An agent’s administration
             */
            administrationId: string | null;
            /** @description An agent’s title */
            agentTitle: string | null;
            /** @description Consultations still to hold (an agent’s): disabling the account leaves them to hand over or cancel */
            consultationsAhead: number;
            createdAt: string;
            /** @description A coordinator’s département */
            departement: string | null;
            /** @description Set once the account is disabled */
            disabledAt: string | null;
            /** @example Antoine Agent */
            displayName: string;
            /** @example agent@demo.visio-msap.fr */
            email: string;
            /** @description Signs in with a password */
            hasPassword: boolean;
            /** Format: uuid */
            id: string;
            /** @description End of the last link sent (invitation or reset) while it is neither used nor replaced */
            linkExpiresAt: string | null;
            /**
             * Format: uuid
             * @description A facilitator’s MSAP
             */
            msapSiteId: string | null;
            /**
             * @description Linked to the identity provider (ProConnect) on a first sign-in there
             * @enum {string|null}
             */
            provider: "oidc" | null;
            /** @description When retention erased the account (disabled for too long) */
            pseudonymisedAt: string | null;
            role: components["schemas"]["Role"];
            status: components["schemas"]["AccountStatus"];
        };
        WeeklyRangeDto: {
            /**
             * @description Local time (Europe/Paris), after start; 24:00 for midnight
             * @example 12:30
             */
            end: string;
            /**
             * @description Local time (Europe/Paris)
             * @example 09:00
             */
            start: string;
            /** @description ISO weekday, 1 = Monday */
            weekday: number;
        };
        WeeklyRangeView: {
            /** @example 12:30 */
            end: string;
            /** @example 09:00 */
            start: string;
            /** @description ISO weekday, 1 = Monday */
            weekday: number;
        };
        WeeklyScheduleDto: {
            /** @description Replaces the whole weekly schedule */
            ranges: components["schemas"]["WeeklyRangeDto"][];
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
};
export type $defs = Record<string, never>;
export interface operations {
    AbsencesController_list: {
        parameters: {
            query: {
                /** @description One agent; when absent, every agent the caller manages */
                agentId?: string;
                from: string;
                to: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AbsenceListItemView"][];
                };
            };
            /** @description Refused: the code says why, `errors` which fields */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    DirectoryController_administrations: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdministrationView"][];
                };
            };
            /** @description Refused: the code says why, `errors` which fields */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    DirectoryController_createAdministration: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateAdministrationDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdministrationView"];
                };
            };
            /** @description Refused: the code says why, `errors` which fields */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    DirectoryController_updateAdministration: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateAdministrationDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdministrationView"];
                };
            };
            /** @description Refused: the code says why, `errors` which fields */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    AgentsController_list: {
        parameters: {
            query?: {
                administrationId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgentView"][];
                };
            };
            /** @description Refused: the code says why, `errors` which fields */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    AgentsController_listAbsences: {
        parameters: {
            query: {
                from: string;
                to: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnavailabilityView"][];
                };
            };
            /** @description Refused: the code says why, `errors` which fields */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    AgentsController_declareAbsence: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UnavailabilityDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AbsenceImpactView"];
                };
            };
            /** @description Refused: the code says why, `errors` which fields */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    AgentsController_removeAbsence: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                absenceId: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Refused: the code says why, `errors` which fields */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    AgentsController_absenceImpact: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                absenceId: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AbsenceImpactView"];
                };
            };
            /** @description Refused: the code says why, `errors` which fields */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    AgentsController_availability: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WeeklyRangeView"][];
                };
            };
            /** @description Refused: the code says why, `errors` which fields */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    AgentsController_setAvailability: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WeeklyScheduleDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WeeklyRangeView"][];
                };
            };
            /** @description Refused: the code says why, `errors` which fields */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    AgentsController_availabilityImpact: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WeeklyScheduleDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScheduleImpactView"];
                };
            };
            /** @description Refused: the code says why, `errors` which fields */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    AgentsController_bookingsToSettle: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScheduleImpactView"];
                };
            };
            /** @description Refused: the code says why, `errors` which fields */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    AuditController_list: {
        parameters: {
            query?: {
                action?: components["schemas"]["AuditAction"];
                /** @description The account that acted */
                actorUserId?: string;
                /** @description Returns events older than this id (the previous page’s `nextBefore`) */
                before?: string;
                /** @description Every action of a family (consultation, user, …) */
                family?: "login" | "logout" | "user" | "device" | "administration" | "msap_site" | "booth" | "consultation" | "mass_cancellation" | "opening_hours" | "closure" | "availability" | "absence" | "consultation_type" | "citizen_link" | "callback" | "to_call" | "document" | "checklist_template" | "support" | "consent" | "desk" | "audit" | "outbox" | "slip" | "stats";
                /** @description csv: the whole filtered log, streamed (no paging) */
                format?: "json" | "csv";
                /** @description First day (Paris time) */
                from?: string;
                limit?: number;
                /** @description What was acted on: its id (a consultation, an account, a site…) */
                subjectId?: string;
                /** @description Last day, included (Paris time) */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditPageView"];
                    "text/csv": components["schemas"]["AuditPageView"];
                };
            };
            /** @description Refused: the code says why, `errors` which fields */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    PasswordsController_mine: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MyAccountView"];
                };
            };
            /** @description Refused: the code says why, `errors` which fields */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    AuthController_login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserPrincipalView"] | components["schemas"]["DevicePrincipalView"];
                };
            };
            /** @description Refused: the code says why, `errors` which fields */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    AuthController_logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Refused: the code says why, `errors` which fields */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    AuthController_me: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserPrincipalView"] | components["schemas"]["DevicePrincipalView"];
                };
            };
            /** @description Refused: the code says why, `errors` which fields */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    OidcController_callback: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Refused: the code says why, `errors` which fields */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    OidcController_login: {
        parameters: {
            query?: {
                /** @description A path of this site to come back to once signed in; anything else is ignored */
                retour?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Refused: the code says why, `errors` which fields */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    PasswordsController_change: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangePasswordDto"];
            };
        };
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Refused: the code says why, `errors` which fields */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    PasswordsController_forgot: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ForgotPasswordDto"];
            };
        };
        responses: {
            /** @description An e-mail with a link is on its way if an enabled account has this address */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Refused: the code says why, `errors` which fields */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    PasswordsController_inspect: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PasswordTokenDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PasswordTokenView"];
                };
            };
            /** @description Refused: the code says why, `errors` which fields */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    PasswordsController_setWithLink: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SetPasswordDto"];
            };
        };
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Refused: the code says why, `errors` which fields */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    OidcController_providers: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoginProvidersView"];
                };
            };
            /** @description Refused: the code says why, `errors` which fields */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    DevicesController_createPairingCode: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                boothId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PairingCodeView"];
                };
            };
            /** @description Refused: the code says why, `errors` which fields */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    DirectoryController_renameBooth: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BoothNameDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BoothView"];
                };
            };
            /** @description Refused: the code says why, `errors` which fields */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    DirectoryController_reinstateBooth: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BoothView"];
                };
            };
            /** @description Refused: the code says why, `errors` which fields */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    DirectoryController_retireBooth: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BoothView"];
                };
            };
            /** @description Refused: the code says why, `errors` which fields */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    CallbackRequestsController_list: {
        parameters: {
            query?: {
                /** @description Waiting ones (oldest first), or the last handled (newest first) */
                status?: "open" | "handled";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CallbackRequestView"][];
                };
            };
            /** @description Refused: the code says why, `errors` which fields */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    CallbackRequestsController_handle: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CallbackRequestView"];
                };
            };
            /** @description Refused: the code says why, `errors` which fields */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    CallMediaController_joinWindow: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JoinWindowView"];
                };
            };
            /** @description Refused: the code says why, `errors` which fields */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    CallMediaController_mediaCapabilities: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description { routerRtpCapabilities }: mediasoup RtpCapabilities (codecs, header extensions) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Refused: the code says why, `errors` which fields */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    ChecklistController_defaults: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChecklistDefaultView"][];
                };
            };
            /** @description Refused: the code says why, `errors` which fields */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    CitizenAppointmentsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CitizenAppointmentView"];
                };
            };
            /** @description Refused: the code says why, `errors` which fields */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    CitizenAppointmentsController_requestCallback: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RequestCallbackDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CitizenAppointmentView"];
                };
            };
            /** @description Refused: the code says why, `errors` which fields */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    CitizenAppointmentsController_cancel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CitizenAppointmentView"];
                };
            };
            /** @description Refused: the code says why, `errors` which fields */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    ConsultationTypesController_list: {
        parameters: {
            query?: {
                administrationId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsultationTypeView"][];
                };
            };
            /** @description Refused: the code says why, `errors` which fields */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    ConsultationTypesController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateConsultationTypeDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsultationTypeView"];
                };
            };
            /** @description Refused: the code says why, `errors` which fields */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    ConsultationTypesController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateConsultationTypeDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsultationTypeView"];
                };
            };
            /** @description Refused: the code says why, `errors` which fields */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    ChecklistController_template: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChecklistTemplateView"];
                };
            };
            /** @description Refused: the code says why, `errors` which fields */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    ChecklistController_saveTemplate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SaveTemplateDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChecklistTemplateView"];
                };
            };
            /** @description Refused: the code says why, `errors` which fields */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    ChecklistController_resetTemplate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Refused: the code says why, `errors` which fields */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    ConsultationsController_list: {
        parameters: {
            query: {
                administrationId?: string;
                agentId?: string;
                boothId?: string;
                from: string;
                msapSiteId?: string;
                status?: "scheduled" | "in_progress" | "ended" | "cancelled" | "done" | "no_show";
                to: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsultationListItem"][];
                };
            };
            /** @description Refused: the code says why, `errors` which fields */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    ConsultationsController_book: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BookConsultationDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsultationView"];
                };
            };
            /** @description Refused: the code says why, `errors` which fields */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    ConsultationsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsultationListItem"];
                };
            };
            /** @description Refused: the code says why, `errors` which fields */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    ConsultationsController_reschedule: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RescheduleConsultationDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsultationView"];
                };
            };
            /** @description Refused: the code says why, `errors` which fields */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    BoothMessageController_send: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SendBoothMessageDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BoothMessageView"];
                };
            };
            /** @description Refused: the code says why, `errors` which fields */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    SurveyController_callFeedback: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CallFeedbackDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CallFeedbackView"];
                };
            };
            /** @description Refused: the code says why, `errors` which fields */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    ConsultationsController_cancel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CancelConsultationDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsultationView"];
                };
            };
            /** @description Refused: the code says why, `errors` which fields */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    NotificationsController_cancellationNotice: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CancelConsultationDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CancellationNoticeView"];
                };
            };
            /** @description Refused: the code says why, `errors` which fields */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    DeskController_send: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SendDeskMessageDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeskMessageView"];
                };
            };
            /** @description Refused: the code says why, `errors` which fields */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    DocumentsController_list: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DocumentView"][];
                };
            };
            /** @description Refused: the code says why, `errors` which fields */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    DocumentsController_upload: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    file: string[];
                    title?: string;
                };
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DocumentView"];
                };
            };
            /** @description Refused: the code says why, `errors` which fields */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    ConsultationsController_outcome: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RecordOutcomeDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsultationView"];
                };
            };
            /** @description Refused: the code says why, `errors` which fields */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    SlotProposalController_book: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProposeSlotDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsultationListItem"];
                };
            };
            /** @description Refused: the code says why, `errors` which fields */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    SlotProposalController_preview: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProposedSlotView"];
                };
            };
            /** @description Refused: the code says why, `errors` which fields */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    ConsultationsController_reassign: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReassignConsultationDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsultationView"];
                };
            };
            /** @description Refused: the code says why, `errors` which fields */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    CallbackRequestsController_slip: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The slip (application/pdf) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Refused: the code says why, `errors` which fields */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    ChecklistController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupportView"];
                };
            };
            /** @description Refused: the code says why, `errors` which fields */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    ChecklistController_patch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PatchSupportDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupportView"];
                };
            };
            /** @description Refused: the code says why, `errors` which fields */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    ChecklistController_giveConsent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GiveConsentDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupportView"];
                };
            };
            /** @description Refused: the code says why, `errors` which fields */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    ChecklistController_revokeConsent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupportView"];
                };
            };
            /** @description Refused: the code says why, `errors` which fields */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    SurveyController_open: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SurveyTicketView"];
                };
            };
            /** @description Refused: the code says why, `errors` which fields */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    DeskController_day: {
        parameters: {
            query?: {
                /** @description A day in Paris time (today by default) */
                date?: string;
                /** @description Required for coordinators and admins; a facilitator’s is their own */
                siteId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeskDayView"];
                };
            };
            /** @description Refused: the code says why, `errors` which fields */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    DeskController_messages: {
        parameters: {
            query?: {
                /** @description A day in Paris time (today by default) */
                date?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeskMessageView"][];
                };
            };
            /** @description Refused: the code says why, `errors` which fields */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    DeskController_agentStream: {
        parameters: {
            query?: {
                /** @description A day in Paris time (today by default) */
                date?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Refused: the code says why, `errors` which fields */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    DeskController_stream: {
        parameters: {
            query?: {
                /** @description A day in Paris time (today by default) */
                date?: string;
                /** @description Required for coordinators and admins; a facilitator’s is their own */
                siteId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Refused: the code says why, `errors` which fields */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    DevicesController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeviceView"][];
                };
            };
            /** @description Refused: the code says why, `errors` which fields */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    DevicesController_revoke: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Refused: the code says why, `errors` which fields */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    DevicesController_reportCheck: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BoothCheckDto"];
            };
        };
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Refused: the code says why, `errors` which fields */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    DevicesController_facilitatorUnlock: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FacilitatorCredentialsDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FacilitatorUnlockView"];
                };
            };
            /** @description Refused: the code says why, `errors` which fields */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    DevicesController_heartbeat: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Refused: the code says why, `errors` which fields */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    DevicesController_settings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BoothSettingsView"];
                };
            };
            /** @description Refused: the code says why, `errors` which fields */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    DevicesController_unpair: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FacilitatorCredentialsDto"];
            };
        };
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Refused: the code says why, `errors` which fields */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    DevicesController_pair: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PairDeviceDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserPrincipalView"] | components["schemas"]["DevicePrincipalView"];
                };
            };
            /** @description Refused: the code says why, `errors` which fields */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    DocumentsController_delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Refused: the code says why, `errors` which fields */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    DocumentsController_file: {
        parameters: {
            query: {
                /** @description 1: as a file to save (attachment) */
                download?: "1";
                /** @description Expiry, in seconds since 1970 */
                exp: number;
                sig: string;
            };
            header?: never;
            path: {
                id: string;
                position: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The page (an image re-encoded without metadata) or the PDF */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Refused: the code says why, `errors` which fields */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    DocumentsController_pdf: {
        parameters: {
            query: {
                /** @description 1: as a file to save (attachment) */
                download?: "1";
                /** @description Expiry, in seconds since 1970 */
                exp: number;
                sig: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The whole document as one PDF */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Refused: the code says why, `errors` which fields */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    DocumentsController_details: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DocumentsStatusView"];
                };
            };
            /** @description Refused: the code says why, `errors` which fields */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    HealthController_check: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Refused: the code says why, `errors` which fields */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    NotificationsController_feed: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                file: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Refused: the code says why, `errors` which fields */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    MassCancellationController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MassCancellationJobView"][];
                };
            };
            /** @description Refused: the code says why, `errors` which fields */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    MassCancellationController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateMassCancellationDto"];
            };
        };
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MassCancellationJobView"];
                };
            };
            /** @description Refused: the code says why, `errors` which fields */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    MassCancellationController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MassCancellationJobView"];
                };
            };
            /** @description Refused: the code says why, `errors` which fields */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    MassCancellationController_report: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MassCancellationReportView"];
                };
            };
            /** @description Refused: the code says why, `errors` which fields */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    MassCancellationController_previewMessages: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PreviewMassCancellationMessageDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MassCancellationMessagesView"];
                };
            };
            /** @description Refused: the code says why, `errors` which fields */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    MassCancellationController_preview: {
        parameters: {
            query: {
                administrationId?: string;
                /** @description An agent, or give administrationId */
                agentId?: string;
                from: string;
                msapSiteId?: string;
                page?: number;
                pageSize?: number;
                /** @description At most one year after from */
                to: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MassCancellationPreviewView"];
                };
            };
            /** @description Refused: the code says why, `errors` which fields */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    DirectoryController_sites: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MsapSiteView"][];
                };
            };
            /** @description Refused: the code says why, `errors` which fields */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    DirectoryController_createSite: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateMsapSiteDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MsapSiteView"];
                };
            };
            /** @description Refused: the code says why, `errors` which fields */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    DirectoryController_updateSite: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateMsapSiteDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MsapSiteView"];
                };
            };
            /** @description Refused: the code says why, `errors` which fields */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    SiteCalendarController_bookingsToSettle: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScheduleImpactView"];
                };
            };
            /** @description Refused: the code says why, `errors` which fields */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    DirectoryController_booths: {
        parameters: {
            query?: {
                /** @description Also list retired booths (default false) */
                includeRetired?: "true" | "false";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BoothView"][];
                };
            };
            /** @description Refused: the code says why, `errors` which fields */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    DirectoryController_createBooth: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BoothNameDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BoothView"];
                };
            };
            /** @description Refused: the code says why, `errors` which fields */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    SiteCalendarController_closures: {
        parameters: {
            query: {
                from: string;
                to: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnavailabilityView"][];
                };
            };
            /** @description Refused: the code says why, `errors` which fields */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    SiteCalendarController_addClosure: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UnavailabilityDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnavailabilityView"];
                };
            };
            /** @description Refused: the code says why, `errors` which fields */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    SiteCalendarController_removeClosure: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                closureId: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Refused: the code says why, `errors` which fields */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    SiteCalendarController_closureImpact: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UnavailabilityDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScheduleImpactView"];
                };
            };
            /** @description Refused: the code says why, `errors` which fields */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    SiteCalendarController_openingHours: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WeeklyRangeView"][];
                };
            };
            /** @description Refused: the code says why, `errors` which fields */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    SiteCalendarController_setOpeningHours: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WeeklyScheduleDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WeeklyRangeView"][];
                };
            };
            /** @description Refused: the code says why, `errors` which fields */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    SiteCalendarController_openingHoursImpact: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WeeklyScheduleDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScheduleImpactView"];
                };
            };
            /** @description Refused: the code says why, `errors` which fields */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    NotificationsController_feedStatus: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IcsFeedStatusView"];
                };
            };
            /** @description Refused: the code says why, `errors` which fields */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    NotificationsController_createFeed: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IcsFeedCreatedView"];
                };
            };
            /** @description Refused: the code says why, `errors` which fields */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    NotificationsController_revokeFeed: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Refused: the code says why, `errors` which fields */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    NotificationsController_list: {
        parameters: {
            query?: {
                /** @description call: citizens to phone (neither a mobile nor an e-mail) */
                channel?: "sms" | "email" | "agent_email" | "call";
                consultationId?: string;
                event?: string;
                /** @description Written at or after */
                from?: string;
                page?: number;
                pageSize?: number;
                /** @description Part of the citizen's name, phone number (06 12…, +33…) or e-mail address, or of the recipient */
                q?: string;
                status?: "pending" | "sending" | "sent" | "failed" | "to_call" | "called";
                /** @description Written before */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OutboxPageView"];
                };
            };
            /** @description Refused: the code says why, `errors` which fields */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    PublicStatsController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublicationView"][];
                };
            };
            /** @description Refused: the code says why, `errors` which fields */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    PublicStatsController_report: {
        parameters: {
            query?: {
                /** @description Calendar year (Paris time); default: the current one, up to today */
                year?: number;
            };
            header?: never;
            path: {
                departement: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublicStatsReportView"];
                };
            };
            /** @description Refused: the code says why, `errors` which fields */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    RetentionController_status: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RetentionStatusView"];
                };
            };
            /** @description Refused: the code says why, `errors` which fields */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    SlotsController_search: {
        parameters: {
            query: {
                /** @description Must match the type; implied by it when absent */
                administrationId?: string;
                /** @description One agent instead of every agent of the administration */
                agentId?: string;
                boothId?: string;
                /** @description Gives the duration and the administration */
                consultationTypeId: string;
                from: string;
                limit?: number;
                /** @description Every booth of this MSAP (or give boothId) */
                msapSiteId?: string;
                stepMinutes?: 5 | 10 | 15 | 20 | 30 | 60;
                to: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SlotSearchResult"];
                };
            };
            /** @description Refused: the code says why, `errors` which fields */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    StatsController_report: {
        parameters: {
            query: {
                administrationId?: string;
                /** @description An agent (agents: only themselves, the default) */
                agentId?: string;
                consultationTypeId?: string;
                departement?: string;
                /** @description First day, Paris time */
                from: string;
                /** @description A France Services site */
                siteId?: string;
                /** @description Last day, included, Paris time */
                to: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StatsReportView"];
                };
            };
            /** @description Refused: the code says why, `errors` which fields */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    StatsExportController_export: {
        parameters: {
            query: {
                administrationId?: string;
                /** @description An agent (agents: only themselves, the default) */
                agentId?: string;
                consultationTypeId?: string;
                departement?: string;
                /** @description csv: UTF-8 with BOM, `;` between cells, decimal commas (as Excel in French opens it); json: the same figures as GET /api/stats */
                format: "csv" | "json";
                /** @description First day, Paris time */
                from: string;
                /** @description A France Services site */
                siteId?: string;
                /** @description indicators: one line per indicator; series: one per week or month; sites: one per France Services site; consultations: one anonymous line per consultation */
                table: "indicators" | "series" | "sites" | "consultations";
                /** @description Last day, included, Paris time */
                to: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file (Content-Disposition: attachment, its name says the table and the period) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Refused: the code says why, `errors` which fields */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    StatsController_options: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StatsOptionsView"];
                };
            };
            /** @description Refused: the code says why, `errors` which fields */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    PublicStatsController_publish: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                departement: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SetPublicationDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublicationView"];
                };
            };
            /** @description Refused: the code says why, `errors` which fields */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    DeskController_exportActivity: {
        parameters: {
            query: {
                format?: "json" | "csv";
                /** @description First day (Paris time) */
                from: string;
                /** @description Required for coordinators and admins; a facilitator’s is their own */
                siteId?: string;
                /** @description Last day, included (at most 366 days after from) */
                to: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActivityRecordView"][];
                    "text/csv": components["schemas"]["ActivityRecordView"][];
                };
            };
            /** @description Refused: the code says why, `errors` which fields */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    SurveyController_answer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                question: string;
                token: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SurveyAnswerDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SurveyAnswerView"];
                };
            };
            /** @description Refused: the code says why, `errors` which fields */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    ToCallController_list: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ToCallPageView"];
                };
            };
            /** @description Refused: the code says why, `errors` which fields */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    ToCallController_handled: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Refused: the code says why, `errors` which fields */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    UsersController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserView"][];
                };
            };
            /** @description Refused: the code says why, `errors` which fields */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    UsersController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateUserDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserView"];
                };
            };
            /** @description Refused: the code says why, `errors` which fields */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    UsersController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateUserDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserView"];
                };
            };
            /** @description Refused: the code says why, `errors` which fields */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    UsersController_disable: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserView"];
                };
            };
            /** @description Refused: the code says why, `errors` which fields */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    UsersController_enable: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserView"];
                };
            };
            /** @description Refused: the code says why, `errors` which fields */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    UsersController_resendInvitation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserView"];
                };
            };
            /** @description Refused: the code says why, `errors` which fields */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    UsersController_sendPasswordReset: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserView"];
                };
            };
            /** @description Refused: the code says why, `errors` which fields */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    UsersController_changeRole: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangeRoleDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserView"];
                };
            };
            /** @description Refused: the code says why, `errors` which fields */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    HealthController_prometheus: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Refused: the code says why, `errors` which fields */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
}
