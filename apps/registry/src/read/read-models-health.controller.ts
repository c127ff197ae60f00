import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { ReadModelProgressProvider } from './read-model-progress.provider';

export interface ReadModelsHealthBody {
  status: 'up' | 'down';
  state: string;
  /** The last global position every read model has applied (a 64-bit integer as a string). */
  appliedPosition: string;
  failure?: string;
}

/** GET /health/read-models: where the projections stand. 503 once they have stopped on an event. */
@Controller('health')
export class ReadModelsHealthController {
  constructor(private readonly progress: ReadModelProgressProvider) {}

  @Get('read-models')
  readModels(@Res({ passthrough: true }) reply: { status(code: number): unknown }): ReadModelsHealthBody {
    const { state, appliedPosition, failure } = this.progress.status();
    const up = state === 'live' || state === 'catching-up';
    reply.status(up ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return { status: up ? 'up' : 'down', state, appliedPosition: appliedPosition.toString(), ...(failure === undefined ? {} : { failure }) };
  }
}
