import { Inject, Injectable, Logger } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { parse as parseCookies } from 'cookie';
import type { IncomingMessage } from 'node:http';
import type { WebSocket } from 'ws';
import { MediaError, MediaErrorCode, MediaWorkerUnavailableError, RoomRegistry } from '../../../media/src';
import { ROOM_REGISTRY } from '../../../media/src/nest/media.module';
import { AuthService } from '../auth/auth.service';
import { DomainError } from '../common/errors/domain.error';
import { signallingConfig, SignallingConfig } from '../config/configuration';
import { ConsultationEvents } from '../consultations/consultation-events';
import { ConsultationsService } from '../consultations/consultations.service';
import { DeskEvents } from '../desk/desk-events';
import { DocumentEvents } from '../documents/document-events';
import { Call } from './call';
import { CLOSE_CODE_BY_ERROR } from './close-codes';
import { CallAccessService } from './call-access.service';
import { CallPresence } from './call-presence';
import { CallQualityRecorder } from './call-quality/call-quality.recorder';
import { LobbyWatch } from './lobby-watch';
import { SignallingConnection } from './connection';
import { Handler, HandlerContext, HandlerTable } from './handlers/handler';
import { REQUEST_DTOS, RequestDto } from './dto/request-dtos';
import { validateRequest } from './validate-request';
import { lobbyHandlers } from './handlers/lobby.handlers';
import { chatHandlers } from './handlers/chat.handlers';
import { ChatService } from '../chat/chat.service';
import { mediaHandlers, transportOpener } from './handlers/media.handlers';
import { CLOSE_CODES, Method, RequestMap, SignallingErrorCode } from '../../../shared/signalling/protocol';
import { turnServers } from './turn-credentials';

const MEDIA_CODES: Record<MediaErrorCode, SignallingErrorCode> = {
  ROOM_CLOSED: 'ROOM_CLOSED',
  PEER_CLOSED: 'PEER_CLOSED',
  UNKNOWN_TRANSPORT: 'UNKNOWN_TRANSPORT',
  UNKNOWN_PRODUCER: 'UNKNOWN_PRODUCER',
  UNKNOWN_CONSUMER: 'UNKNOWN_CONSUMER',
  WRONG_DIRECTION: 'WRONG_DIRECTION',
  CANNOT_CONSUME: 'CANNOT_CONSUME',
};

/** Longest life of a pre-call probe socket (its check takes a few seconds). */
const PROBE_TTL_MS = 30_000;

/** Signalling sockets and the calls they belong to. */
@Injectable()
export class CallsService {
  private readonly logger = new Logger('Signalling');
  private readonly calls = new Map<string, Call>();
  private readonly sockets = new Map<WebSocket, { connection: SignallingConnection; call: Call | null }>();
  private readonly handlers: HandlerTable<Method>;

  constructor(
    private readonly auth: AuthService,
    private readonly access: CallAccessService,
    private readonly consultations: ConsultationsService,
    private readonly presence: CallPresence,
    private readonly lobby: LobbyWatch,
    private readonly quality: CallQualityRecorder,
    chat: ChatService,
    events: ConsultationEvents,
    documents: DocumentEvents,
    desk: DeskEvents,
    @Inject(ROOM_REGISTRY) private readonly rooms: RoomRegistry,
    @Inject(signallingConfig.KEY) private readonly config: SignallingConfig,
  ) {
    const openTransport = transportOpener((participantId) => turnServers(config.turn, participantId), config.iceTransportPolicy);
    const welcome = (ctx: HandlerContext) => lobby.welcome(ctx.call, ctx.access, ctx.connection);
    this.handlers = { ...lobbyHandlers(openTransport, welcome), ...mediaHandlers(openTransport), ...chatHandlers(chat) };
    lobby.attach(
      () => this.calls.values(),
      (id) => this.calls.get(id),
    );
    // A consultation cancelled while its booth waits in the lobby: whoever is there is told at once.
    events.onCommitted((event) => {
      if (event.type !== 'cancelled') return;
      for (const id of event.consultationIds) this.calls.get(id)?.terminate(CLOSE_CODES.cancelled, 'Consultation cancelled');
    });
    // Whichever instance stored or checked a document, the one holding the call tells its participants.
    documents.onChange(({ consultationId, documentId, status }) => this.calls.get(consultationId)?.notifyAll('documentChanged', { documentId, status }));
    // The facilitator filled the checklist or wrote to the agent: the agent's call shows it at once.
    desk.onNotice((notice) => {
      if (notice.kind === 'support') this.calls.get(notice.consultationId)?.notifyAgents('supportChanged', { message: null });
      if (notice.kind === 'message') {
        const { id, body, senderName, createdAt } = notice.message;
        this.calls.get(notice.consultationId)?.notifyAgents('supportChanged', { message: { id, body, senderName, createdAt } });
      }
    });
  }

  /** The routers' RTP capabilities, which a join also answers: the same for every consultation. */
  async mediaCapabilities(): Promise<{ routerRtpCapabilities: RequestMap['join']['res']['routerRtpCapabilities'] }> {
    try {
      return { routerRtpCapabilities: await this.rooms.rtpCapabilities() };
    } catch (error) {
      if (error instanceof MediaWorkerUnavailableError) throw new DomainError('SERVICE_UNAVAILABLE', 'The media server is restarting. Try again in a moment.');
      throw error;
    }
  }

  /** Authenticates and authorises the socket (cookies, consultation, time window), then serves it. */
  async connect(socket: WebSocket, request: IncomingMessage): Promise<void> {
    const connection = new SignallingConnection(socket);
    connection.startHeartbeat(this.config.heartbeatMs);
    const entry = { connection, call: null as Call | null };
    this.sockets.set(socket, entry);
    try {
      if (!this.sameOrigin(request)) throw new DomainError('FORBIDDEN', 'Cross-site connection refused.');
      const principal = await this.auth.authenticateCookies(parseCookies(request.headers.cookie ?? ''));
      if (!principal) throw new DomainError('UNAUTHENTICATED', 'Sign in first.');
      const params = new URL(request.url ?? '/', 'http://localhost').searchParams;
      const consultationId = params.get('consultation') ?? '';
      const probe = params.get('probe') === '1';
      if (!probe && !isUUID(consultationId)) throw new DomainError('NOT_FOUND', 'consultation must be a consultation id.');
      const access = probe ? this.access.probe(principal) : await this.access.authorize(principal, consultationId);
      if (!this.sockets.has(socket)) return; // closed while we were checking
      const call = probe ? this.probeCall(access.consultationId, connection) : this.callFor(consultationId, access.endsAt);
      entry.call = call;
      connection.start(
        (method, data) => this.dispatch(method, { call, access, connection }, data),
        (error) => this.mapError(error),
      );
    } catch (error) {
      const domain = error instanceof DomainError ? error : null;
      if (!domain) this.logger.error({ err: error }, 'signalling connection failed');
      connection.close(domain ? CLOSE_CODE_BY_ERROR[domain.code] : 1011, domain?.message ?? 'Internal error');
    }
  }

  /** Validates a request against its method's DTO (an error acknowledgement if not), then serves it. */
  private async dispatch<M extends Method>(method: M, ctx: HandlerContext, data: unknown): Promise<RequestMap[M]['res']> {
    // The table is indexed by a generic method: TypeScript cannot correlate the DTO it picks with M.
    const request = (await validateRequest(REQUEST_DTOS[method], data)) as RequestDto<M>;
    const handler: Handler<M> = this.handlers[method];
    return handler(ctx, request);
  }

  disconnect(socket: WebSocket): void {
    const entry = this.sockets.get(socket);
    this.sockets.delete(socket);
    entry?.call?.dropped(entry.connection);
  }

  private callFor(consultationId: string, endsAt: Date | null): Call {
    let call = this.calls.get(consultationId);
    if (!call) {
      const lifecycle = this.consultations;
      const logFailure = (what: string) => (error: unknown) => this.logger.error({ err: error, consultationId }, what);
      call = new Call(consultationId, this.rooms, {
        onEmpty: (done) => {
          if (this.calls.get(consultationId) === done) this.calls.delete(consultationId);
          if (endsAt && endsAt.getTime() <= Date.now()) lifecycle.callEmptied(consultationId).catch(logFailure('ending an emptied call failed'));
        },
        onAdmitted: () => void lifecycle.callStarted(consultationId).catch(logFailure('marking the consultation in progress failed')),
        onPresence: (_call, access, phase) => {
          this.presence.set(access, phase);
          // The lobbies waiting for this agent (here or in their next consultation) read otherwise now.
          if (access.role === 'agent' && access.agentUserId) this.lobby.agentMoved(access.agentUserId);
        },
        onEnding: async () => {
          await lifecycle.callEnded(consultationId);
          this.lobby.ended(consultationId);
        },
        onMediaFailure: (_call, member, { report, server }) =>
          this.logger.warn(
            { consultationId, participantId: member.access.participantId, role: member.access.role, browser: report, sfu: server },
            report ? 'media could not connect (browser report)' : 'media transport failed (DTLS)',
          ),
        onQuality: (qualityOf, event) => this.quality.record(qualityOf, event),
      });
      this.calls.set(consultationId, call);
    }
    return call;
  }

  /**
   * NOTE: the pre-call check sends a test video to the SFU exactly as a call would (same worker
   * port, same TURN settings) in a room of its own. The room lives as long as the socket, and the
   * socket at most PROBE_TTL_MS: a probe can never hold media resources for long.
   */
  private probeCall(id: string, connection: SignallingConnection): Call {
    const call = new Call(
      id,
      this.rooms,
      {
        onEmpty: () => undefined,
        onMediaFailure: (_call, _member, { report, server }) => this.logger.warn({ probe: true, browser: report, sfu: server }, 'pre-call check: media could not connect'),
      },
      { graceMs: 0, admitAll: true },
    );
    setTimeout(() => connection.close(CLOSE_CODES.ended, 'Probe over'), PROBE_TTL_MS).unref();
    return call;
  }

  /** Browsers send Origin on WebSocket upgrades: a page of another site must not ride our cookies. */
  private sameOrigin(request: IncomingMessage): boolean {
    const origin = request.headers.origin;
    if (!origin) return true; // not a browser
    try {
      return new URL(origin).host === request.headers.host;
    } catch {
      return false;
    }
  }

  private mapError(error: unknown): { code: SignallingErrorCode; message: string } {
    if (error instanceof MediaError) return { code: MEDIA_CODES[error.code], message: error.message };
    // mediasoup validates RTP/DTLS parameters itself and throws TypeError on malformed ones.
    if (error instanceof TypeError) return { code: 'VALIDATION_FAILED', message: error.message };
    this.logger.error({ err: error }, 'signalling request failed');
    return { code: 'INTERNAL', message: 'Internal error.' };
  }
}
