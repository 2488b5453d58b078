import { PageNumber, PageSize } from '../../../common/http/paging.decorator';

export class ListToCallQueryDto {
  @PageNumber()
  page?: number;

  @PageSize(200, 50)
  pageSize?: number;
}
