import { placeholderValues, TemplateContext, unknownPlaceholders } from './placeholders';
import { CHANNELS, hasTemplate, renderCallNote, renderMessage } from './templates';

const context: TemplateContext = {
  citizenName: 'Mme Lefèvre',
  startsAt: new Date('2026-03-03T13:30:00Z'),
  endsAt: new Date('2026-03-03T14:00:00Z'),
  msapName: 'France Services de Pithiviers',
  msapAddress: '2 rue de la Couronne, 45300 Pithiviers',
  msapPhone: '+33238301234',
  boothName: 'Cabine 1',
  administration: 'DDFIP du Loiret',
  agentName: 'Antoine Agent',
  subject: 'Impôt sur le revenu',
  documents: ['Avis d’imposition', 'Pièce d’identité'],
};
// The outbox adds a confirmation's personal link (citizen-link); it is not a placeholder of its own.
const LINK = 'https://visio.example.fr/rdv/AbCdEfGhIjKlMnOpQrStUv';
const values = { ...placeholderValues(context), lien: LINK };
const CONTACT = ' Pour toute question : France Services de Pithiviers, 02 38 30 12 34.';

describe('notification templates', () => {
  it.each([
    ['booked', ['sms', 'email', 'agent_email']],
    ['rescheduled', ['sms', 'email', 'agent_email']],
    ['cancelled', ['sms', 'email', 'agent_email']],
    ['reminder_2d', ['sms', 'email']],
  ] as const)('renders every channel of %s with no placeholder left', (event, channels) => {
    // The channels it has are exactly those expected: the loop below cannot pass by skipping them all.
    expect(CHANNELS.filter((channel) => hasTemplate(event, channel))).toEqual(channels);
    for (const channel of channels) {
      const rendered = renderMessage(event, channel, values);
      expect(rendered.body).not.toMatch(/\{[a-z]+\}/);
      expect(rendered.body).toContain('mardi 3 mars 2026 à 14 h 30');
      if (channel !== 'sms') expect(rendered.subject).toBeTruthy();
    }
  });

  it('says the place, the administration and the documents in the booking SMS', () => {
    const sms = renderMessage('booked', 'sms', values).body;
    expect(sms).toBe(
      'Bonjour Mme Lefèvre, RDV visio DDFIP du Loiret le mardi 3 mars 2026 à 14 h 30 à France Services de Pithiviers, ' +
        '2 rue de la Couronne, 45300 Pithiviers. Apportez : Avis d’imposition, Pièce d’identité. Annuler ou demander un rappel : ' +
        LINK +
        ' (lien personnel).' +
        CONTACT,
    );
  });

  it('gives the citizen their personal link in the confirmation, a move and a reminder, which coordinators cannot write in a message', () => {
    expect(renderMessage('booked', 'email', values).body).toContain(`\n\nPour l’annuler ou demander à être rappelé : ${LINK}\n\nLieu :`);
    for (const event of ['booked', 'rescheduled', 'reminder_2d'] as const) {
      expect(renderMessage(event, 'sms', values).body).toContain(`. Annuler ou demander un rappel : ${LINK} (lien personnel).${CONTACT}`);
      expect(renderMessage(event, 'email', values).body).toContain(`\n\nPour l’annuler ou demander à être rappelé : ${LINK}\n\nLieu :`);
    }
    expect(renderMessage('reminder_2h', 'sms', values).body).toBe(
      'Rappel : Mme Lefèvre, RDV visio DDFIP du Loiret le mardi 3 mars 2026 à 14 h 30 à France Services de Pithiviers, ' +
        `2 rue de la Couronne, 45300 Pithiviers. Apportez : Avis d’imposition, Pièce d’identité. Annuler ou demander un rappel : ${LINK} (lien personnel).` +
        CONTACT,
    );
    // A cancelled appointment has nothing left to do online.
    expect(renderMessage('cancelled', 'sms', values).body).not.toContain(LINK);
    expect(renderMessage('cancelled', 'email', values).body).not.toContain(LINK);
    expect(unknownPlaceholders('Votre lien : {lien}')).toEqual(['lien']);
  });

  it('leaves the link sentence out when no link was issued, with no placeholder nor empty paragraph left', () => {
    const withoutLink = placeholderValues(context);
    for (const event of ['booked', 'rescheduled', 'reminder_2d'] as const) {
      const sms = renderMessage(event, 'sms', withoutLink).body;
      expect(sms).not.toContain('Annuler ou demander');
      expect(sms.endsWith(`Pithiviers.${CONTACT}`) || sms.endsWith(`Pièce d’identité.${CONTACT}`)).toBe(true);
      const email = renderMessage(event, 'email', withoutLink).body;
      expect(email).not.toMatch(/\{[a-z]+\}|Pour l’annuler|\n\n\n/);
    }
  });

  it('gives the MSAP’s phone in the details of every citizen e-mail, and leaves the line out while it is unknown', () => {
    for (const event of ['booked', 'rescheduled', 'cancelled', 'reminder_2d'] as const) {
      expect(renderMessage(event, 'email', values).body).toContain('\nLieu : France Services de Pithiviers, 2 rue de la Couronne, 45300 Pithiviers (Cabine 1)\nTéléphone : 02 38 30 12 34\nAdministration :');
      const unknown = renderMessage(event, 'email', { ...values, telephone: '' }).body;
      expect(unknown).toContain('(Cabine 1)\nAdministration : DDFIP du Loiret');
      expect(unknown).not.toContain('Téléphone');
    }
    expect(renderMessage('cancelled', 'email', values, 'Annulé : {nom}.').body).toContain('\nTéléphone : 02 38 30 12 34\n');
    // Agents' e-mails keep their details as they were.
    expect(renderMessage('booked', 'agent_email', values).body).not.toContain('Téléphone');
  });

  it('ends every SMS with the MSAP to call back, and leaves that out while its number is unknown', () => {
    for (const event of ['booked', 'rescheduled', 'cancelled', 'reminder_2d'] as const) {
      expect(renderMessage(event, 'sms', values).body.endsWith(CONTACT)).toBe(true);
      expect(renderMessage(event, 'sms', placeholderValues({ ...context, msapPhone: null })).body).not.toContain('Pour toute question');
    }
    // Not twice when a coordinator's message gives it already.
    expect(renderMessage('cancelled', 'sms', values, 'RDV annulé, appelez le {telephone}.').body).toBe('RDV annulé, appelez le 02 38 30 12 34.');
    expect(renderMessage('booked', 'email', values).body).not.toContain('Pour toute question');
  });

  it('says on the phone what the SMS would have said, without the call-back line or the personal link', () => {
    expect(renderCallNote('cancelled', values, 'Bonjour {nom}, votre RDV du {date} est annulé. Motif : agent absent')).toBe(
      'Bonjour Mme Lefèvre, votre RDV du mardi 3 mars 2026 à 14 h 30 est annulé. Motif : agent absent',
    );
    expect(renderCallNote('booked', values)).toBe(
      'Bonjour Mme Lefèvre, RDV visio DDFIP du Loiret le mardi 3 mars 2026 à 14 h 30 à France Services de Pithiviers, ' +
        '2 rue de la Couronne, 45300 Pithiviers. Apportez : Avis d’imposition, Pièce d’identité.',
    );
  });

  it('has no agent reminder', () => expect(hasTemplate('reminder_2h', 'agent_email')).toBe(false));

  it('uses a coordinator message as the citizen text and quotes it to the agent', () => {
    const message = 'Bonjour {nom}, votre RDV du {date} est annulé (agent absent). Nous vous rappellerons.';
    expect(renderMessage('cancelled', 'sms', values, message).body).toBe(
      'Bonjour Mme Lefèvre, votre RDV du mardi 3 mars 2026 à 14 h 30 est annulé (agent absent). Nous vous rappellerons.' + CONTACT,
    );
    expect(renderMessage('cancelled', 'email', values, message).body).toContain('Lieu : France Services de Pithiviers');
    expect(renderMessage('cancelled', 'agent_email', values, message).body).toContain('Message transmis au citoyen :\nBonjour Mme Lefèvre');
  });

  it('finds unknown placeholders', () => {
    expect(unknownPlaceholders('Bonjour {nom}, le {dat} à {heure} {x}')).toEqual(['dat', 'x']);
    expect(unknownPlaceholders('Rien à remplacer')).toEqual([]);
  });
});
