import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Allow } from '../auth/decorators/allow.decorator';
import { AuditService } from './audit.service';
import { AuditEventView, toAuditEventView } from './dto/audit-event.view';
import { ListAuditQueryDto } from './dto/list-audit.dto';

@ApiTags('audit')
@Controller('api/audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Allow('admin')
  @ApiOkResponse({ type: [AuditEventView] })
  async list(@Query() query: ListAuditQueryDto): Promise<AuditEventView[]> {
    return (await this.audit.list(query.limit ?? 100, query.before)).map(toAuditEventView);
  }
}
