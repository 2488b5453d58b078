import type { ClassConstructor } from 'class-transformer';
import type { Method, Req } from '../../../../shared/signalling/protocol';
import { AdmitParticipantDto } from './admit-participant.dto';
import { ChatSendDto } from './chat-send.dto';
import { CloseProducerDto } from './close-producer.dto';
import { ConnectTransportDto } from './connect-transport.dto';
import { ConsumeDto } from './consume.dto';
import { CreateTransportDto } from './create-transport.dto';
import { EmptyDto } from './empty.dto';
import { JoinCallDto } from './join-call.dto';
import { PauseConsumerDto } from './pause-consumer.dto';
import { PauseProducerDto } from './pause-producer.dto';
import { ProduceDto } from './produce.dto';
import { ReportCallEventDto } from './report-call-event.dto';
import { ReportMediaFailureDto } from './report-media-failure.dto';
import { RestartIceDto } from './restart-ice.dto';
import { ResumeConsumerDto } from './resume-consumer.dto';
import { SetPreferredLayerDto } from './set-preferred-layer.dto';

/**
 * The DTO validating each request of the contract. `satisfies` ties every DTO to its request type:
 * a method without its DTO, or a DTO drifting from the contract, fails to compile. Handlers get the
 * DTO itself (RequestDto), whose media parameters carry the SFU's own types.
 */
export const REQUEST_DTOS = {
  join: JoinCallDto,
  admit: AdmitParticipantDto,
  createTransport: CreateTransportDto,
  connectTransport: ConnectTransportDto,
  restartIce: RestartIceDto,
  produce: ProduceDto,
  consume: ConsumeDto,
  resumeConsumer: ResumeConsumerDto,
  pauseConsumer: PauseConsumerDto,
  pauseProducer: PauseProducerDto,
  closeProducer: CloseProducerDto,
  setPreferredLayer: SetPreferredLayerDto,
  reportMediaFailure: ReportMediaFailureDto,
  reportCallEvent: ReportCallEventDto,
  getStats: EmptyDto,
  leave: EmptyDto,
  end: EmptyDto,
  chatSend: ChatSendDto,
  chatHistory: EmptyDto,
} satisfies { [M in Method]: ClassConstructor<Req<M>> };

export type RequestDto<M extends Method> = InstanceType<(typeof REQUEST_DTOS)[M]>;
