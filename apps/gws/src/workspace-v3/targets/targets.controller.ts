import { Controller, Get, Query, UseFilters } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Public } from '../../auth/public.decorator';
import { GwsException } from '../../common/gws.exception';
import { GwsStatus } from '../../common/gws-status';
import { WorkspaceSession } from '../auth/workspace-session.decorator';
import { v3Data, type V3DataAnswer } from '../common/v3-answers';
import { V3ExceptionFilter } from '../common/v3-exception.filter';
import { WORKSPACE_V3_TAG } from '../common/v3-openapi';
import { TARGET_TYPES, TargetDirectory, type Target, type TargetType } from './target-directory';

const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 100;

/** `GET /workspace/v3/targets`: what the library's `targets.search(term, limit)` asks for. */
@ApiTags(WORKSPACE_V3_TAG)
@Public()
@WorkspaceSession()
@UseFilters(V3ExceptionFilter)
@Controller('workspace/v3/targets')
export class TargetsController {
  constructor(private readonly directory: TargetDirectory) {}

  @Get()
  @ApiOperation({ summary: "Search the directory's agents, ACD queues and route points" })
  @ApiQuery({ name: 'searchTerm', required: true })
  @ApiQuery({ name: 'types', required: false, description: `Comma list of ${TARGET_TYPES.join(', ')}` })
  @ApiQuery({ name: 'limit', required: false, description: `1-${MAX_LIMIT}, default ${DEFAULT_LIMIT}` })
  @ApiQuery({ name: 'sort', required: false, enum: ['asc', 'desc'] })
  @ApiQuery({ name: 'matchType', required: false, enum: ['exact'] })
  search(
    @Query('searchTerm') searchTerm?: string,
    @Query('types') types?: string,
    @Query('limit') limit?: string,
    @Query('sort') sort?: string,
    @Query('matchType') matchType?: string,
  ): Promise<V3DataAnswer<{ targets: Target[]; totalMatches: number }>> {
    if (searchTerm === undefined) {
      throw new GwsException(GwsStatus.MissingParameter, "Missing required parameter 'searchTerm'");
    }
    return this.directory
      .search({
        searchTerm,
        types: typesOf(types),
        exact: matchType === 'exact',
        ascending: sort === 'asc',
        limit: limitOf(limit),
      })
      .then(v3Data);
  }
}

function typesOf(types: string | undefined): TargetType[] {
  if (types === undefined || types === '') return [...TARGET_TYPES];
  const asked = new Set(types.split(',').map((type) => type.trim()));
  return TARGET_TYPES.filter((type) => asked.has(type));
}

function limitOf(limit: string | undefined): number {
  if (limit === undefined) return DEFAULT_LIMIT;
  const value = Number(limit);
  if (!Number.isInteger(value) || value < 1 || value > MAX_LIMIT) {
    throw new GwsException(GwsStatus.ValidationError, `Invalid parameter 'limit': an integer from 1 to ${MAX_LIMIT}`);
  }
  return value;
}
