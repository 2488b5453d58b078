import { Controller, Get, Query } from '@nestjs/common';
import { Allow } from '../auth/decorators/allow.decorator';
import { AuditService } from './audit.service';
import { ListAuditQueryDto } from './dto/list-audit.dto';

@Controller('api/audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Allow('admin')
  list(@Query() query: ListAuditQueryDto) {
    return this.audit.list(query.limit ?? 100, query.before);
  }
}
