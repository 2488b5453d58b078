import { frenchDateTime } from '../../common/time/french-date';
import type { RenderedMessage } from '../templates/templates';

/** Why an account gets a link: invited, reset by an administrator, or asked for by the person. */
export type AccountMessageKind = 'invitation' | 'password_reset' | 'password_forgotten';

/** The outbox event of each kind (the outbox page labels them). */
export const ACCOUNT_EVENTS: Readonly<Record<AccountMessageKind, string>> = {
  invitation: 'account_invitation',
  password_reset: 'password_reset',
  password_forgotten: 'password_forgotten',
};

export interface AccountMessageInput {
  kind: AccountMessageKind;
  displayName: string;
  link: string;
  /** How long the link lasts from now, and until when. */
  validMinutes: number;
  expiresAt: Date;
}

const SIGNATURE = '\n\nCe message est envoyé automatiquement, merci de ne pas y répondre.\nVisio MSAP — France Services';

/** "72 heures", "30 minutes", "1 heure", "1 h 30" said in words a reader does not have to compute. */
export function frenchDuration(minutes: number): string {
  if (minutes % 60 !== 0) {
    if (minutes < 60) return `${minutes} minute${minutes > 1 ? 's' : ''}`;
    return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')}`;
  }
  const hours = minutes / 60;
  return `${hours} heure${hours > 1 ? 's' : ''}`;
}

/**
 * The e-mail carrying a one-time link, in plain French: what the link is for, that it is personal,
 * works once, and how long it lasts (duration and end), and what to do once it has expired.
 */
export function renderAccountMessage(m: AccountMessageInput): RenderedMessage {
  const validity = `Ce lien est personnel : ne le transmettez à personne. Il ne fonctionne qu’une fois et reste valable ${frenchDuration(m.validMinutes)}, jusqu’au ${frenchDateTime(m.expiresAt)}.`;
  const hello = `Bonjour ${m.displayName},\n\n`;
  switch (m.kind) {
    case 'invitation':
      return {
        subject: 'Votre compte Visio MSAP : choisissez votre mot de passe',
        body:
          hello +
          'Un compte Visio MSAP, le service de rendez-vous en visioconférence des France Services, vient d’être créé pour vous. ' +
          `Pour l’activer, choisissez votre mot de passe en ouvrant ce lien :\n\n${m.link}\n\n${validity}\n\n` +
          'Passé ce délai, demandez à l’administrateur de Visio MSAP de vous envoyer une nouvelle invitation. ' +
          'Si vous n’attendiez pas ce message, ignorez-le.' +
          SIGNATURE,
      };
    case 'password_reset':
      return {
        subject: 'Visio MSAP : choisissez un nouveau mot de passe',
        body:
          hello +
          'L’administrateur de Visio MSAP vous propose de choisir un nouveau mot de passe. ' +
          `Ouvrez ce lien pour le faire :\n\n${m.link}\n\n${validity}\n\n` +
          'Tant que vous n’avez pas choisi de nouveau mot de passe, l’ancien reste valable.' +
          SIGNATURE,
      };
    case 'password_forgotten':
      return {
        subject: 'Visio MSAP : réinitialisation de votre mot de passe',
        body:
          hello +
          'Vous avez indiqué avoir oublié votre mot de passe Visio MSAP. ' +
          `Pour en choisir un nouveau, ouvrez ce lien :\n\n${m.link}\n\n${validity}\n\n` +
          'Si vous n’avez rien demandé, ignorez ce message : votre mot de passe actuel reste valable.' +
          SIGNATURE,
      };
  }
}
