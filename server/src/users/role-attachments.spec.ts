import { Attachments, changesBetween, resolveAttachments } from './role-attachments';

const none: Attachments = { departement: null, msapSiteId: null, administrationId: null, agentTitle: null };
const SITE = '8b0f3c1e-2f6a-4d7e-9c4b-1a2b3c4d5e6f';
const ADMINISTRATION = '1b0f3c1e-2f6a-4d7e-9c4b-1a2b3c4d5e6f';

describe('resolveAttachments', () => {
  it('keeps what the role uses and drops the rest when the role changes', () => {
    const coordinator = { ...none, departement: '45' };
    expect(resolveAttachments('facilitator', coordinator, { msapSiteId: SITE })).toEqual({ attachments: { ...none, msapSiteId: SITE }, errors: null });
    expect(resolveAttachments('admin', coordinator, {})).toEqual({ attachments: none, errors: null });
  });

  it('keeps the current attachment when none is given', () => {
    expect(resolveAttachments('coordinator', { ...none, departement: '45' }, {}).attachments.departement).toBe('45');
    expect(resolveAttachments('agent', { ...none, administrationId: ADMINISTRATION, agentTitle: 'Conseillère' }, {}).attachments).toEqual({
      ...none,
      administrationId: ADMINISTRATION,
      agentTitle: 'Conseillère',
    });
  });

  it.each([
    ['coordinator', 'departement'],
    ['facilitator', 'msapSiteId'],
    ['agent', 'administrationId'],
  ] as const)('a %s without its %s is REQUIRED', (role, field) => {
    expect(resolveAttachments(role, none, {}).errors).toEqual({ [field]: ['REQUIRED'] });
  });

  it('refuses an attachment the role does not use, naming each field', () => {
    expect(resolveAttachments('coordinator', none, { departement: '45', msapSiteId: SITE, agentTitle: 'X' }).errors).toEqual({
      msapSiteId: ['NOT_ALLOWED'],
      agentTitle: ['NOT_ALLOWED'],
    });
  });

  it('an agent without a title gets an empty one (the column is NOT NULL)', () => {
    expect(resolveAttachments('agent', none, { administrationId: ADMINISTRATION }).attachments.agentTitle).toBe('');
  });
});

describe('changesBetween', () => {
  it('lists the fields that differ, from and to', () => {
    expect(changesBetween({ a: 1, b: 'x', c: null }, { a: 1, b: 'y', c: '45' })).toEqual({ b: { from: 'x', to: 'y' }, c: { from: null, to: '45' } });
    expect(changesBetween({ a: 1 }, { a: 1 })).toEqual({});
  });
});
