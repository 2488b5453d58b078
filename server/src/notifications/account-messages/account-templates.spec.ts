import { frenchDuration, renderAccountMessage } from './account-templates';

describe('frenchDuration', () => {
  it.each([
    [30, '30 minutes'],
    [1, '1 minute'],
    [60, '1 heure'],
    [4320, '72 heures'],
    [90, '1 h 30'],
  ])('%i minutes read "%s"', (minutes, words) => {
    expect(frenchDuration(minutes)).toBe(words);
  });
});

describe('renderAccountMessage', () => {
  // 3 March 2026, 14:30 in Paris (UTC+1).
  const expiresAt = new Date('2026-03-03T13:30:00Z');
  const base = { displayName: 'Camille Martin', link: 'https://visio.example.fr/mot-de-passe/abc', expiresAt };

  it('an invitation says what the link is for, that it works once, and until when', () => {
    const { subject, body } = renderAccountMessage({ ...base, kind: 'invitation', validMinutes: 4320 });
    expect(subject).toBe('Votre compte Visio MSAP : choisissez votre mot de passe');
    expect(body).toContain('Bonjour Camille Martin,');
    expect(body).toContain('choisissez votre mot de passe en ouvrant ce lien :\n\nhttps://visio.example.fr/mot-de-passe/abc\n\n');
    expect(body).toContain('Il ne fonctionne qu’une fois et reste valable 72 heures, jusqu’au mardi 3 mars 2026 à 14 h 30.');
    expect(body).toContain('demandez à l’administrateur de Visio MSAP de vous envoyer une nouvelle invitation');
  });

  it('a reset the person asked for tells them to ignore it otherwise', () => {
    const { body } = renderAccountMessage({ ...base, kind: 'password_forgotten', validMinutes: 30 });
    expect(body).toContain('reste valable 30 minutes, jusqu’au mardi 3 mars 2026 à 14 h 30.');
    expect(body).toContain('Si vous n’avez rien demandé, ignorez ce message : votre mot de passe actuel reste valable.');
  });

  it('a reset sent by an administrator says the current password works until then', () => {
    const { subject, body } = renderAccountMessage({ ...base, kind: 'password_reset', validMinutes: 4320 });
    expect(subject).toBe('Visio MSAP : choisissez un nouveau mot de passe');
    expect(body).toContain('Tant que vous n’avez pas choisi de nouveau mot de passe, l’ancien reste valable.');
  });
});
