import { RequestMap, RTCIceServerInit } from '../../../../shared/signalling/protocol';
import { SignallingError } from '../signalling-error';
import { HandlerContext, HandlerTable, joined } from './handler';

const media = (ctx: HandlerContext) => {
  const member = joined(ctx);
  return { member, ...ctx.call.peerOf(member) };
};

export type TransportOpener = (ctx: HandlerContext, direction: 'send' | 'recv') => Promise<RequestMap['createTransport']['res']>;

/** Creates one of the caller's transports, with its ICE servers and, for receiving, what to consume. */
export function transportOpener(iceServers: (participantId: string) => RTCIceServerInit[], iceTransportPolicy: 'all' | 'relay'): TransportOpener {
  return async (ctx, direction) => {
    const { room, peer, member } = media(ctx);
    const transport = await room.createTransport(peer, direction);
    // NOTE: what the newcomer can consume already comes with its receive transport, in one list,
    // so that it negotiates all of them at once; later producers come as notifications.
    const producers = direction === 'recv' ? ctx.call.existingProducers(member) : [];
    return { ...transport, iceServers: iceServers(member.access.participantId), iceTransportPolicy, producers };
  };
}

/** Transports, producers and consumers; only for admitted participants (checked by peerOf). */
export function mediaHandlers(
  openTransport: TransportOpener,
): HandlerTable<'createTransport' | 'connectTransport' | 'restartIce' | 'produce' | 'consume' | 'resumeConsumer' | 'pauseConsumer' | 'pauseProducer' | 'closeProducer' | 'setPreferredLayer' | 'reportMediaFailure' | 'reportCallEvent' | 'getStats'> {
  return {
    async createTransport(ctx, dto) {
      return openTransport(ctx, dto.direction);
    },
    async connectTransport(ctx, dto) {
      const { room, peer } = media(ctx);
      await room.connectTransport(peer, dto.transportId, dto.dtlsParameters);
      return {};
    },
    async restartIce(ctx, dto) {
      const { room, peer, member } = media(ctx);
      const iceParameters = await room.restartIce(peer, dto.transportId);
      ctx.call.iceRestarted(member);
      return { iceParameters };
    },
    async produce(ctx, dto) {
      const { room, peer, member } = media(ctx);
      if (dto.source === 'screen' && member.access.role !== 'agent') {
        throw new SignallingError('FORBIDDEN', 'Only the agent shares a screen.');
      }
      const producer = await room.produce(peer, dto.transportId, dto.kind, dto.rtpParameters, { source: dto.source });
      return { producerId: producer.id };
    },
    async consume(ctx, dto) {
      const { room, peer } = media(ctx);
      const consumer = await room.consume(peer, dto.producerId, dto.rtpCapabilities);
      return {
        consumerId: consumer.id,
        producerId: consumer.producerId,
        participantId: consumer.producerPeerId,
        kind: consumer.kind,
        rtpParameters: consumer.rtpParameters,
      };
    },
    async resumeConsumer(ctx, dto) {
      const { room, peer } = media(ctx);
      await room.resumeConsumer(peer, dto.consumerId);
      return {};
    },
    async pauseConsumer(ctx, dto) {
      const { room, peer } = media(ctx);
      await room.pauseConsumer(peer, dto.consumerId);
      return {};
    },
    async pauseProducer(ctx, dto) {
      const { room, peer } = media(ctx);
      await room.setProducerPaused(peer, dto.producerId, dto.paused);
      return {};
    },
    async closeProducer(ctx, dto) {
      const { room, peer } = media(ctx);
      room.closeProducer(peer, dto.producerId);
      return {};
    },
    async setPreferredLayer(ctx, dto) {
      const { room, peer } = media(ctx);
      await room.setPreferredLayer(peer, dto.consumerId, dto.spatialLayer);
      return {};
    },
    async reportMediaFailure(ctx, dto) {
      ctx.call.mediaFailed(joined(ctx), dto);
      return {};
    },
    async reportCallEvent(ctx, dto) {
      ctx.call.reported(joined(ctx), dto.kind);
      return {};
    },
    async getStats(ctx) {
      const { room, peer } = media(ctx);
      return room.stats(peer);
    },
  };
}
