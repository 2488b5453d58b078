import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { SlotSearchResult } from './dto/slot-search.view';
import { Allow } from '../auth/decorators/allow.decorator';
import { CurrentUser } from '../auth/decorators/principal.decorator';
import { UserPrincipal } from '../auth/principal';
import { SearchSlotsQueryDto } from './dto/search-slots.dto';
import { SlotSearchService } from './slot-search.service';

@ApiTags('scheduling')
@Controller('api/slots')
export class SlotsController {
  constructor(private readonly slots: SlotSearchService) {}

  @Get()
  @Allow('admin', 'coordinator', 'facilitator')
  @ApiOkResponse({ type: SlotSearchResult })
  search(@CurrentUser() user: UserPrincipal, @Query() query: SearchSlotsQueryDto) {
    return this.slots.search(user, query);
  }
}
