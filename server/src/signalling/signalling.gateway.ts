import { OnGatewayConnection, OnGatewayDisconnect, WebSocketGateway } from '@nestjs/websockets';
import type { IncomingMessage } from 'node:http';
import type { WebSocket } from 'ws';
import { CallsService } from './calls.service';
import { MAX_FRAME_BYTES, SIGNALLING_PATH } from '../../../shared/signalling/protocol';

/**
 * The WebSocket endpoint. Requests are { id, method, data } frames dispatched by CallsService (a
 * request/acknowledgement protocol, which Nest's event handlers do not model); authentication and
 * authorisation happen once, when the socket opens.
 */
@WebSocketGateway({ path: SIGNALLING_PATH, maxPayload: MAX_FRAME_BYTES })
export class SignallingGateway implements OnGatewayConnection, OnGatewayDisconnect {
  constructor(private readonly calls: CallsService) {}

  handleConnection(socket: WebSocket, request: IncomingMessage): void {
    void this.calls.connect(socket, request);
  }

  handleDisconnect(socket: WebSocket): void {
    this.calls.disconnect(socket);
  }
}
