import { CloseProducerDto } from '../dto/close-producer.dto';
import { ConnectTransportDto } from '../dto/connect-transport.dto';
import { ConsumeDto } from '../dto/consume.dto';
import { CreateTransportDto } from '../dto/create-transport.dto';
import { PauseConsumerDto } from '../dto/pause-consumer.dto';
import { PauseProducerDto } from '../dto/pause-producer.dto';
import { ProduceDto } from '../dto/produce.dto';
import { ReportMediaFailureDto } from '../dto/report-media-failure.dto';
import { RestartIceDto } from '../dto/restart-ice.dto';
import { ResumeConsumerDto } from '../dto/resume-consumer.dto';
import { SetPreferredLayerDto } from '../dto/set-preferred-layer.dto';
import { EmptyDto } from '../dto/empty.dto';
import { RequestMap, RTCIceServerInit } from '../protocol';
import { SignallingError } from '../signalling-error';
import { validateRequest } from '../validate-request';
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
): HandlerTable<'createTransport' | 'connectTransport' | 'restartIce' | 'produce' | 'consume' | 'resumeConsumer' | 'pauseConsumer' | 'pauseProducer' | 'closeProducer' | 'setPreferredLayer' | 'reportMediaFailure' | 'getStats'> {
  return {
    async createTransport(ctx, data) {
      const dto = await validateRequest(CreateTransportDto, data);
      return openTransport(ctx, dto.direction);
    },
    async connectTransport(ctx, data) {
      const dto = await validateRequest(ConnectTransportDto, data);
      const { room, peer } = media(ctx);
      await room.connectTransport(peer, dto.transportId, dto.dtlsParameters);
      return {};
    },
    async restartIce(ctx, data) {
      const dto = await validateRequest(RestartIceDto, data);
      const { room, peer } = media(ctx);
      return { iceParameters: await room.restartIce(peer, dto.transportId) };
    },
    async produce(ctx, data) {
      const dto = await validateRequest(ProduceDto, data);
      const { room, peer, member } = media(ctx);
      if (dto.source === 'screen' && member.access.role !== 'agent') {
        throw new SignallingError('FORBIDDEN', 'Only the agent shares a screen.');
      }
      const producer = await room.produce(peer, dto.transportId, dto.kind, dto.rtpParameters, { source: dto.source });
      return { producerId: producer.id };
    },
    async consume(ctx, data) {
      const dto = await validateRequest(ConsumeDto, data);
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
    async resumeConsumer(ctx, data) {
      const dto = await validateRequest(ResumeConsumerDto, data);
      const { room, peer } = media(ctx);
      await room.resumeConsumer(peer, dto.consumerId);
      return {};
    },
    async pauseConsumer(ctx, data) {
      const dto = await validateRequest(PauseConsumerDto, data);
      const { room, peer } = media(ctx);
      await room.pauseConsumer(peer, dto.consumerId);
      return {};
    },
    async pauseProducer(ctx, data) {
      const dto = await validateRequest(PauseProducerDto, data);
      const { room, peer } = media(ctx);
      await room.setProducerPaused(peer, dto.producerId, dto.paused);
      return {};
    },
    async closeProducer(ctx, data) {
      const dto = await validateRequest(CloseProducerDto, data);
      const { room, peer } = media(ctx);
      room.closeProducer(peer, dto.producerId);
      return {};
    },
    async setPreferredLayer(ctx, data) {
      const dto = await validateRequest(SetPreferredLayerDto, data);
      const { room, peer } = media(ctx);
      await room.setPreferredLayer(peer, dto.consumerId, dto.spatialLayer);
      return {};
    },
    async reportMediaFailure(ctx, data) {
      const dto = await validateRequest(ReportMediaFailureDto, data);
      ctx.call.mediaFailed(joined(ctx), dto);
      return {};
    },
    async getStats(ctx, data) {
      await validateRequest(EmptyDto, data);
      const { room, peer } = media(ctx);
      return room.stats(peer);
    },
  };
}
