import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../../components/error-summary';
import { ChoiceField, fieldState } from '../../../components/form-fields';
import type { ShownError } from '../../../lib/api-errors';
import type { Administration, Site } from '../../../lib/directory';
import type { Role } from '../../../lib/session';
import { describeAccountError, formError, requiredMessage } from '../account-errors';
import type { Account, AccountChanges } from '../api/types';

const ROLES: readonly Role[] = ['admin', 'coordinator', 'agent', 'facilitator'];

/** What the form sends: the name, the role and the one attachment that role uses (the API drops the others). */
export interface AccountFormValues extends AccountChanges {
  email: string;
  displayName: string;
  role: Role;
}

/** The attachment field each role needs. */
const NEEDED = { admin: null, coordinator: 'departement', facilitator: 'msapSiteId', agent: 'administrationId' } as const;

/**
 * An account's name, role and attachment (a département for a coordinator, a France Services for
 * a facilitator, an administration for an agent): to invite someone, or to edit an account (then
 * the e-mail is fixed, and one's own role cannot change).
 */
export function AccountForm({
  idPrefix,
  label,
  initial,
  editing = false,
  ownAccount = false,
  sites,
  administrations,
  submitLabel,
  save,
  onCancel,
}: {
  idPrefix: string;
  /** The form's name for assistive technologies (the heading above it). */
  label: string;
  initial?: Account;
  editing?: boolean;
  ownAccount?: boolean;
  sites: readonly Site[];
  administrations: readonly Administration[];
  submitLabel: string;
  save(values: AccountFormValues): Promise<void>;
  onCancel?(): void;
}) {
  const { t } = useTranslation();
  const [email, setEmail] = useState(initial?.email ?? '');
  const [displayName, setDisplayName] = useState(initial?.displayName ?? '');
  const [role, setRole] = useState<Role | ''>(initial?.role ?? '');
  const [departement, setDepartement] = useState(initial?.departement ?? '');
  const [msapSiteId, setMsapSiteId] = useState(initial?.msapSiteId ?? '');
  const [administrationId, setAdministrationId] = useState(initial?.administrationId ?? '');
  const [agentTitle, setAgentTitle] = useState(initial?.agentTitle ?? '');
  const [error, setError] = useState<ShownError | null>(null);
  const [busy, setBusy] = useState(false);
  const id = (field: string) => `${idPrefix}-${field}`;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const required = requiredMessage(t);
    const values = { email: email.trim(), displayName: displayName.trim(), role, departement: departement.trim().toUpperCase(), msapSiteId, administrationId };
    const needed = role ? NEEDED[role] : null;
    const missing = (['email', 'displayName', 'role', ...(needed ? [needed] : [])] as const).filter((f) => !values[f]);
    const problems = formError(t, missing.map((f) => [f, required] as const));
    if (problems || !role) {
      setError(problems);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await save({
        email: values.email,
        displayName: values.displayName,
        role,
        ...(role === 'coordinator' ? { departement: values.departement } : {}),
        ...(role === 'facilitator' ? { msapSiteId } : {}),
        ...(role === 'agent' ? { administrationId, agentTitle: agentTitle.trim() } : {}),
      });
      if (!editing) {
        setEmail('');
        setDisplayName('');
        setAgentTitle('');
      }
    } catch (err) {
      setError(describeAccountError(t, err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={label}>
      <ErrorSummary message={error?.summary ?? null} />
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-6">
          <Input
            label={`${t('accounts.fields.email')} *`}
            disabled={editing}
            nativeInputProps={{ id: id('email'), type: 'email', autoComplete: 'off', required: true, value: email, onChange: (e) => setEmail(e.target.value) }}
            state={fieldState(error?.fields.email)}
            stateRelatedMessage={error?.fields.email}
          />
        </div>
        <div className="fr-col-12 fr-col-md-6">
          <Input
            label={`${t('accounts.fields.displayName')} *`}
            nativeInputProps={{ id: id('displayName'), autoComplete: 'off', required: true, maxLength: 120, value: displayName, onChange: (e) => setDisplayName(e.target.value) }}
            state={fieldState(error?.fields.displayName)}
            stateRelatedMessage={error?.fields.displayName}
          />
        </div>
        <div className="fr-col-12 fr-col-md-6">
          {ownAccount ? (
            <Input label={t('accounts.fields.role')} hintText={t('accounts.actions.ownRole')} disabled nativeInputProps={{ id: id('role'), value: t(`roles.${role || 'admin'}`) }} />
          ) : (
            <ChoiceField
              label={t('accounts.fields.role')}
              required
              value={role}
              onChange={(v) => setRole(v as Role | '')}
              options={ROLES.map((r) => ({ id: r, label: t(`roles.${r}`) }))}
              emptyLabel={t('accounts.fields.choose')}
              error={error?.fields.role}
            />
          )}
        </div>
        <div className="fr-col-12 fr-col-md-6">
          {role === 'coordinator' && (
            <Input
              label={`${t('accounts.fields.departement')} *`}
              hintText={t('accounts.fields.departementHint')}
              nativeInputProps={{ id: id('departement'), autoComplete: 'off', required: true, maxLength: 3, value: departement, onChange: (e) => setDepartement(e.target.value) }}
              state={fieldState(error?.fields.departement)}
              stateRelatedMessage={error?.fields.departement}
            />
          )}
          {role === 'facilitator' && (
            <ChoiceField
              label={t('accounts.fields.msapSiteId')}
              required
              value={msapSiteId}
              onChange={setMsapSiteId}
              options={sites.map((s) => ({ id: s.id, label: s.name }))}
              emptyLabel={t('accounts.fields.choose')}
              error={error?.fields.msapSiteId}
            />
          )}
          {role === 'agent' && (
            <ChoiceField
              label={t('accounts.fields.administrationId')}
              required
              value={administrationId}
              onChange={setAdministrationId}
              options={administrations.map((a) => ({ id: a.id, label: a.name }))}
              emptyLabel={t('accounts.fields.choose')}
              error={error?.fields.administrationId}
            />
          )}
        </div>
        {role === 'agent' && (
          <div className="fr-col-12 fr-col-md-6">
            <Input
              label={t('accounts.fields.agentTitle')}
              hintText={t('accounts.fields.agentTitleHint')}
              nativeInputProps={{ id: id('agentTitle'), autoComplete: 'off', maxLength: 120, value: agentTitle, onChange: (e) => setAgentTitle(e.target.value) }}
              state={fieldState(error?.fields.agentTitle)}
              stateRelatedMessage={error?.fields.agentTitle}
            />
          </div>
        )}
      </div>
      <ul className="fr-btns-group fr-btns-group--inline-md fr-mt-2w">
        {onCancel && (
          <li>
            <Button type="button" priority="secondary" onClick={onCancel}>
              {t('accounts.actions.cancel')}
            </Button>
          </li>
        )}
        <li>
          <Button type="submit" disabled={busy}>
            {submitLabel}
          </Button>
        </li>
      </ul>
    </form>
  );
}
