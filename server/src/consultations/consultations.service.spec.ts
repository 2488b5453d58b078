import type { DataSource, EntityManager } from 'typeorm';
import type { UserPrincipal } from '../auth/principal';
import { DomainError } from '../common/errors/domain.error';
import type { SignallingConfig } from '../config/configuration';
import type { BookingContext, ScheduleReader } from '../scheduling/schedule-reader';
import { ConsultationEvent, ConsultationEvents, ConsultationEventSubscriber } from './consultation-events';
import type { ConsultationForChange, ConsultationRepository, NewConsultation } from './consultation.repository';
import type { ConsultationRow } from './consultation-view';
import { ConsultationsService } from './consultations.service';
import type { BookConsultationDto } from './dto/book-consultation.dto';

const HOUR = 3_600_000;
const NOW = Date.parse('2026-03-30T08:00:00Z'); // a Monday, 10:00 in Paris
const ALL_WEEK = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, startMinute: 0, endMinute: 24 * 60 }));

const coordinator: UserPrincipal = {
  kind: 'user',
  userId: 'u-coord',
  role: 'coordinator',
  displayName: 'Claire Coordination',
  departement: '45',
  msapSiteId: null,
  sessionId: 's',
  csrfToken: 'c',
};

function context(overrides: Partial<BookingContext> = {}): BookingContext {
  return {
    booth: { id: 'booth-1', msapSiteId: 'site-1', departement: '45', name: 'Cabine 1', msapName: 'France Services de Pithiviers', msapAddress: '1 rue X, 45300 Pithiviers', msapPhone: null },
    agent: { id: 'agent-1', userId: 'u-agent', administrationId: 'adm-1', departement: '45', administrationName: 'DDFIP du Loiret', displayName: 'Antoine Agent', email: 'agent@example.fr', active: true },
    type: { id: 'type-1', administrationId: 'adm-1', durationMinutes: 30, active: true, subject: 'Impôts', documents: [] },
    availability: ALL_WEEK,
    opening: ALL_WEEK,
    absences: [],
    closures: [],
    ...overrides,
  };
}

function row(overrides: Partial<ConsultationRow> = {}): ConsultationRow {
  return {
    id: 'c-1',
    status: 'scheduled',
    booth_id: 'booth-1',
    agent_id: 'agent-1',
    administration_id: 'adm-1',
    consultation_type_id: 'type-1',
    starts_at: new Date(NOW + 2 * HOUR),
    ends_at: new Date(NOW + 2.5 * HOUR),
    citizen_name: 'Jeanne Martin',
    citizen_phone: null,
    citizen_landline: null,
    citizen_email: null,
    cancellation_reason: null,
    cancellation_cause: null,
    cancelled_at: null,
    call_started_at: null,
    call_ended_at: null,
    outcome_note: null,
    created_by_id: 'u-coord',
    created_at: new Date(NOW),
    updated_at: new Date(NOW),
    ...overrides,
  };
}

const forChange = (overrides: Partial<ConsultationRow> = {}): ConsultationForChange => ({
  ...row(overrides),
  msap_site_id: 'site-1',
  departement: '45',
  agent_user_id: 'u-agent',
});

type Writes = Pick<
  ConsultationRepository,
  'insert' | 'takenBy' | 'findForChange' | 'move' | 'cancel' | 'recordOutcome' | 'markInProgress' | 'markEnded' | 'endOverdue' | 'eraseCitizens'
>;
type RepositoryFake = { [K in keyof Writes]: jest.MockedFunction<Writes[K]> };
const fake = <K extends keyof Writes>(impl: Writes[K]) => jest.fn(impl as (...args: unknown[]) => unknown) as unknown as jest.MockedFunction<Writes[K]>;

/** Records what it is told, in the transaction it is told in; can be made to fail. */
class RecordingSubscriber implements ConsultationEventSubscriber {
  readonly heard: Array<{ tx: EntityManager; event: ConsultationEvent }> = [];
  failWith: Error | null = null;
  async onConsultationEvent(tx: EntityManager, event: ConsultationEvent): Promise<void> {
    if (this.failWith) throw this.failWith;
    this.heard.push({ tx, event });
  }
  companionsOfBooking() {
    return [{ insert: (first: number) => `INSERT INTO outbox SELECT $${first}`, values: [['row']] }];
  }
}

describe('ConsultationsService', () => {
  let repository: RepositoryFake;
  let reader: { bookingContext: jest.Mock<Promise<BookingContext>> };
  let events: ConsultationEvents;
  let subscriber: RecordingSubscriber;
  let committed: ConsultationEvent[];
  let tx: EntityManager;
  let sut: ConsultationsService;

  beforeEach(() => {
    repository = {
      insert: fake<'insert'>(async (c: NewConsultation) => row({ id: c.id, starts_at: c.startsAt, ends_at: c.endsAt })),
      takenBy: fake<'takenBy'>(async () => ({ booth: false, agent: false })),
      findForChange: fake<'findForChange'>(async () => forChange()),
      move: fake<'move'>(async (_tx, id, slot) => row({ id, booth_id: slot.boothId, agent_id: slot.agentId, starts_at: slot.startsAt, ends_at: slot.endsAt })),
      cancel: fake<'cancel'>(async (_tx, ids, reason) => ids.map((id) => ({ ...row({ id, status: 'cancelled', cancellation_reason: reason }), has_contact: true }))),
      recordOutcome: fake<'recordOutcome'>(async (_tx, id, status, note) => row({ id, status, outcome_note: note })),
      markInProgress: fake<'markInProgress'>(async () => true),
      markEnded: fake<'markEnded'>(async () => true),
      endOverdue: fake<'endOverdue'>(async () => []),
      eraseCitizens: fake<'eraseCitizens'>(async () => []),
    };
    reader = { bookingContext: jest.fn(async () => context()) };
    events = new ConsultationEvents();
    subscriber = new RecordingSubscriber();
    events.subscribe(subscriber);
    committed = [];
    events.onCommitted((e) => committed.push(e));
    tx = { name: 'the transaction' } as unknown as EntityManager;
    const dataSource = { transaction: jest.fn(async (fn: (m: EntityManager) => Promise<unknown>) => fn(tx)) } as unknown as DataSource;
    sut = new ConsultationsService(
      dataSource,
      repository as unknown as ConsultationRepository,
      reader as unknown as ScheduleReader,
      events,
      { joinMarginMinutes: 15 } as SignallingConfig,
    );
  });

  const booking = (startsAt: number): BookConsultationDto => ({
    boothId: 'booth-1',
    agentId: 'agent-1',
    consultationTypeId: 'type-1',
    startsAt: new Date(startsAt).toISOString(),
    citizen: { name: 'Jeanne Martin' },
  });

  describe('book', () => {
    it('writes the consultation with its subscribers’ companions in one statement, then tells the listeners', async () => {
      const view = await sut.book(coordinator, booking(NOW + 2 * HOUR), NOW);

      const [written, companions] = repository.insert.mock.calls[0]!;
      expect(written).toMatchObject({ boothId: 'booth-1', agentId: 'agent-1', administrationId: 'adm-1', createdById: 'u-coord' });
      expect(written.endsAt.getTime() - written.startsAt.getTime()).toBe(30 * 60_000); // the type's duration
      expect(companions).toHaveLength(1);
      expect(committed).toEqual([{ type: 'booked', consultationId: written.id, actorUserId: 'u-coord' }]);
      expect(view.id).toBe(written.id);
    });

    it('names what is taken when the database inserted nothing', async () => {
      repository.insert.mockResolvedValueOnce(undefined);
      repository.takenBy.mockResolvedValueOnce({ booth: true, agent: false });

      const error = await sut.book(coordinator, booking(NOW + 2 * HOUR), NOW).catch((e: unknown) => e);

      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({ code: 'BOOTH_TAKEN', fields: { boothId: ['BOOTH_TAKEN'] } });
      expect(committed).toEqual([]);
    });

    it('refuses a time outside the opening hours before writing anything', async () => {
      reader.bookingContext.mockResolvedValueOnce(context({ opening: [] }));

      await expect(sut.book(coordinator, booking(NOW + 2 * HOUR), NOW)).rejects.toMatchObject({
        code: 'OUTSIDE_OPENING_HOURS',
        fields: { startsAt: ['OUTSIDE_OPENING_HOURS'] },
      });
      expect(repository.insert).not.toHaveBeenCalled();
    });

    it('refuses a booth of another département', async () => {
      reader.bookingContext.mockResolvedValueOnce(context({ booth: { ...context().booth!, departement: '18' } }));

      await expect(sut.book(coordinator, booking(NOW + 2 * HOUR), NOW)).rejects.toMatchObject({ code: 'FORBIDDEN' });
      expect(repository.insert).not.toHaveBeenCalled();
    });

    it('refuses an agent whose account is disabled or is no longer an agent', async () => {
      reader.bookingContext.mockResolvedValueOnce(context({ agent: { ...context().agent!, active: false } }));

      await expect(sut.book(coordinator, booking(NOW + 2 * HOUR), NOW)).rejects.toMatchObject({ code: 'VALIDATION_FAILED', fields: { agentId: ['RETIRED'] } });
      expect(repository.insert).not.toHaveBeenCalled();
    });
  });

  describe('cancel', () => {
    it('publishes one event in the cancelling transaction, and tells the listeners after it', async () => {
      await sut.cancel(coordinator, 'c-1', 'Agent absent');

      expect(repository.cancel).toHaveBeenCalledWith(tx, ['c-1'], 'Agent absent', 'service');
      expect(subscriber.heard).toEqual([
        { tx, event: { type: 'cancelled', consultationIds: ['c-1'], actorUserId: 'u-coord', reason: 'Agent absent', citizenMessage: null } },
      ]);
      expect(committed).toEqual([subscriber.heard[0]!.event]);
    });

    it('stores the cause the person named, for the statistics', async () => {
      await sut.cancel(coordinator, 'c-1', 'Fermeture exceptionnelle', 'site_closure');

      expect(repository.cancel).toHaveBeenCalledWith(tx, ['c-1'], 'Fermeture exceptionnelle', 'site_closure');
    });

    it('a failing subscriber fails the change, and nobody hears of it as done', async () => {
      subscriber.failWith = new Error('outbox full');

      await expect(sut.cancel(coordinator, 'c-1', 'Agent absent')).rejects.toThrow('outbox full');
      expect(committed).toEqual([]);
    });

    it('a consultation that stopped being scheduled meanwhile is a conflict, with no event', async () => {
      repository.cancel.mockResolvedValueOnce([]);

      await expect(sut.cancel(coordinator, 'c-1', 'Agent absent')).rejects.toMatchObject({ code: 'CONSULTATION_NOT_SCHEDULED' });
      expect(subscriber.heard).toEqual([]);
      expect(committed).toEqual([]);
    });

    it('many at once: one event naming only those actually cancelled, heard after the caller commits', async () => {
      repository.cancel.mockResolvedValueOnce([{ ...row({ id: 'c-2', status: 'cancelled' }), has_contact: false }]);

      const { cancelled, committed: afterCommit } = await sut.cancelMany(tx, ['c-1', 'c-2'], 'u-coord', 'Bonjour {nom}, annulé.');

      expect(cancelled).toEqual([{ id: 'c-2', hasContact: false }]);
      expect(subscriber.heard.map((h) => h.event)).toEqual([
        { type: 'cancelled', consultationIds: ['c-2'], actorUserId: 'u-coord', reason: 'Bonjour {nom}, annulé.', citizenMessage: 'Bonjour {nom}, annulé.' },
      ]);
      expect(committed).toEqual([]);
      afterCommit();
      expect(committed).toHaveLength(1);
    });
  });

  describe('cancelByCitizen', () => {
    it('cancels with no actor, via the citizen’s link, with the usual event', async () => {
      await sut.cancelByCitizen('c-1', 'Annulé par l’usager', NOW);

      expect(repository.cancel).toHaveBeenCalledWith(tx, ['c-1'], 'Annulé par l’usager', 'citizen');
      expect(subscriber.heard.map((h) => h.event)).toEqual([
        { type: 'cancelled', consultationIds: ['c-1'], actorUserId: null, via: 'citizen_link', reason: 'Annulé par l’usager', citizenMessage: null },
      ]);
      expect(committed).toHaveLength(1);
    });

    it('is too late once the consultation has started, or its call is under way, and says so when it was already cancelled', async () => {
      repository.findForChange.mockResolvedValueOnce(forChange({ starts_at: new Date(NOW - 60_000) }));
      await expect(sut.cancelByCitizen('c-1', 'x', NOW)).rejects.toMatchObject({ code: 'TOO_LATE' });
      repository.findForChange.mockResolvedValueOnce(forChange({ status: 'in_progress' }));
      await expect(sut.cancelByCitizen('c-1', 'x', NOW)).rejects.toMatchObject({ code: 'TOO_LATE' });
      repository.findForChange.mockResolvedValueOnce(forChange({ status: 'cancelled' }));
      await expect(sut.cancelByCitizen('c-1', 'x', NOW)).rejects.toMatchObject({ code: 'CONSULTATION_CANCELLED' });
      expect(repository.cancel).not.toHaveBeenCalled();
      expect(subscriber.heard).toEqual([]);
    });
  });

  describe('the call’s life', () => {
    it('a second admission (a reconnection) changes nothing and publishes nothing', async () => {
      await sut.callStarted('c-1');
      repository.markInProgress.mockResolvedValueOnce(false);
      await sut.callStarted('c-1');

      expect(subscriber.heard.map((h) => h.event)).toEqual([{ type: 'call_started', consultationId: 'c-1' }]);
    });

    it('an emptied call ends the consultation only once its booked end has passed', async () => {
      const now = new Date(NOW);
      await sut.callEmptied('c-1', now);

      expect(repository.markEnded).toHaveBeenCalledWith(tx, 'c-1', now);
      expect(committed).toEqual([{ type: 'call_ended', consultationIds: ['c-1'], cause: 'emptied' }]);
    });

    it('overdue calls are ended with the join margin, in one event', async () => {
      repository.endOverdue.mockResolvedValueOnce(['c-1', 'c-2']);

      expect(await sut.endOverdue(new Date(NOW))).toBe(2);
      expect(repository.endOverdue).toHaveBeenCalledWith(tx, new Date(NOW), 15);
      expect(committed).toEqual([{ type: 'call_ended', consultationIds: ['c-1', 'c-2'], cause: 'overdue' }]);
    });
  });

  describe('recordOutcome', () => {
    it('is refused before the consultation has started when no call was held', async () => {
      await expect(sut.recordOutcome(coordinator, 'c-1', { status: 'done' }, NOW)).rejects.toMatchObject({ code: 'CONSULTATION_NOT_STARTED', fields: { status: ['NOT_STARTED'] } });
      expect(repository.recordOutcome).not.toHaveBeenCalled();
    });

    it('the consultation’s own agent records it once the call was held early', async () => {
      repository.findForChange.mockResolvedValueOnce(forChange({ status: 'in_progress', call_started_at: new Date(NOW) }));
      const agent: UserPrincipal = { ...coordinator, userId: 'u-agent', role: 'agent', departement: null };

      await sut.recordOutcome(agent, 'c-1', { status: 'done', note: '  Dossier complet. ' }, NOW);

      expect(repository.recordOutcome).toHaveBeenCalledWith(tx, 'c-1', 'done', 'Dossier complet.');
      expect(committed).toEqual([{ type: 'outcome_recorded', consultationId: 'c-1', actorUserId: 'u-agent', outcome: 'done' }]);
    });
  });
});
