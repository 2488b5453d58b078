import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow } from '../auth/decorators/allow.decorator';
import { ROLES } from '../auth/roles';
import { CallAccessService } from './call-access.service';
import { CallsService } from './calls.service';
import { JoinWindowView } from './dto/join-window.view';

@ApiTags('calls')
@Controller('api/calls')
export class CallMediaController {
  constructor(
    private readonly calls: CallsService,
    private readonly access: CallAccessService,
  ) {}

  @Get('media-capabilities')
  @Allow(...ROLES, 'device')
  // Also set on the 503 of a restarting media server, which must not be kept.
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: "The SFU routers' RTP capabilities (the same for every consultation): the call page loads its device with them while the camera opens" })
  @ApiOkResponse({ description: '{ routerRtpCapabilities }: mediasoup RtpCapabilities (codecs, header extensions)' })
  mediaCapabilities() {
    return this.calls.mediaCapabilities();
  }

  @Get('join-window')
  @Allow(...ROLES, 'device')
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({ type: JoinWindowView })
  joinWindow() {
    return this.access.joinWindow();
  }
}
