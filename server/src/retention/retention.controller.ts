import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Allow } from '../auth/decorators/allow.decorator';
import { RetentionStatusView } from './dto/retention-status.view';
import { RetentionService } from './retention.service';

@ApiTags('retention')
@Controller('api/retention')
export class RetentionController {
  constructor(private readonly retention: RetentionService) {}

  /** The retention policy in force and what the last sweeps erased, and when. */
  @Get()
  @Allow('admin')
  @ApiOkResponse({ type: RetentionStatusView })
  status(): Promise<RetentionStatusView> {
    return this.retention.status();
  }
}
