import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Readable } from 'node:stream';
import { Allow } from '../auth/decorators/allow.decorator';
import { CurrentUser } from '../auth/decorators/principal.decorator';
import { UserPrincipal } from '../auth/principal';
import { AuditLogService } from './audit-log.service';
import { AuditPageView } from './dto/audit-event.view';
import { ListAuditQueryDto } from './dto/list-audit.dto';

@ApiTags('audit')
@Controller('api/audit')
export class AuditController {
  constructor(private readonly log: AuditLogService) {}

  /** The audit trail, newest first, filtered; `format=csv` streams the whole filtered log as a file. */
  @Get()
  @Allow('admin')
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: AuditPageView })
  async list(@CurrentUser() user: UserPrincipal, @Query() query: ListAuditQueryDto): Promise<AuditPageView | StreamableFile> {
    if (query.format !== 'csv') return this.log.page(query);
    const lines = await this.log.export(user, query);
    return new StreamableFile(Readable.from(lines), { type: 'text/csv; charset=utf-8', disposition: 'attachment; filename="journal-audit.csv"' });
  }
}
