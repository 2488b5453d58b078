import { Module } from '@nestjs/common';
import { DeskEvents } from './desk-events';

/** The desk's notices, for the desk itself and for the calls (which tell their agent). */
@Module({
  providers: [DeskEvents],
  exports: [DeskEvents],
})
export class DeskEventsModule {}
