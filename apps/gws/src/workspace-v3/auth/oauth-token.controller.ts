import { Controller, Inject, Logger, Post, Req, Res } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CredentialsLogin } from '../../auth/credentials-login';
import { Public } from '../../auth/public.decorator';
import { WORKSPACE_V3_TAG } from '../common/v3-openapi';
import { WORKSPACE_V3_CONFIG, type WorkspaceV3Config } from '../workspace-v3-config';
import { BearerTokens } from './bearer-tokens';
import { readFormBody } from './form-body';
import { authenticatedClient } from './oauth-client';

/** An RFC 6749 error answer (section 5.2). */
interface OAuthError {
  readonly error:
    'invalid_request' | 'invalid_client' | 'invalid_grant' | 'unsupported_grant_type' | 'temporarily_unavailable';
  readonly error_description: string;
}

/**
 * `POST /auth/v3/oauth/token`: the resource-owner password grant Genesys' samples use to get a Workspace API v3 token
 * (form-encoded; the client authenticated with HTTP Basic). The user is checked by Configuration Server exactly as
 * a v2 login is, under the same lockout (CredentialsLogin). Answers and refusals follow RFC 6749 section 5.
 */
@ApiTags(WORKSPACE_V3_TAG)
@Public()
@Controller('auth/v3/oauth')
export class OAuthTokenController {
  private readonly logger = new Logger('OAuthTokenController');

  constructor(
    @Inject(WORKSPACE_V3_CONFIG) private readonly config: WorkspaceV3Config,
    private readonly tokens: BearerTokens,
    private readonly credentials: CredentialsLogin,
  ) {}

  @Post('token')
  @ApiOperation({ summary: 'A bearer token for the Workspace API v3 (password grant)' })
  @ApiBody({
    required: true,
    schema: {
      type: 'object',
      required: ['grant_type', 'username', 'password'],
      properties: {
        grant_type: { type: 'string', enum: ['password'] },
        username: { type: 'string', example: 'agent1' },
        password: { type: 'string', example: 'password' },
        scope: { type: 'string', example: '*' },
        client_id: { type: 'string' },
      },
    },
  })
  @ApiOkResponse({
    description: 'The token; send it as `Authorization: Bearer` to `POST /workspace/v3/initialize-workspace`.',
    schema: {
      type: 'object',
      properties: {
        access_token: { type: 'string' },
        token_type: { type: 'string', example: 'bearer' },
        expires_in: { type: 'integer', example: 3600 },
        scope: { type: 'string', example: '*' },
      },
    },
  })
  async token(@Req() request: Request, @Res() response: Response): Promise<void> {
    response.setHeader('Cache-Control', 'no-store');
    response.setHeader('Pragma', 'no-cache');
    const form = await readFormBody(request);
    if (form === undefined) {
      return refuse(response, 400, 'invalid_request', 'send an application/x-www-form-urlencoded body');
    }
    const clientId = authenticatedClient(this.config.client, request.headers.authorization, form);
    if (clientId === undefined) {
      response.setHeader('WWW-Authenticate', 'Basic realm="open-gws"');
      return refuse(response, 401, 'invalid_client', 'unknown client or wrong client secret');
    }
    if (form.get('grant_type') !== 'password') {
      return refuse(response, 400, 'unsupported_grant_type', 'this server grants tokens for grant_type=password');
    }
    const userName = form.get('username');
    const password = form.get('password');
    if (userName === undefined || userName === '' || password === undefined) {
      return refuse(response, 400, 'invalid_request', 'username and password are required');
    }
    const checked = await this.credentials.check({ userName, password }, request.ip ?? 'unknown', 'OAuth');
    switch (checked.outcome) {
      case 'accepted':
        this.logger.log(`token issued to ${checked.user.userName} for client ${clientId}`);
        response.status(200).json({
          access_token: this.tokens.issue(checked.user, clientId),
          token_type: 'bearer',
          expires_in: this.tokens.ttlSeconds,
          scope: '*',
        });
        return;
      case 'refused':
        return refuse(response, 400, 'invalid_grant', 'Bad credentials');
      case 'locked':
      case 'busy': {
        const seconds = Math.ceil(checked.retryAfterMs / 1000);
        const why = checked.outcome === 'locked' ? 'too many failed logins' : 'too many logins in progress';
        response.setHeader('Retry-After', String(seconds));
        return refuse(response, 429, 'invalid_grant', `${why}; try again in ${seconds} s`);
      }
      case 'unavailable':
        return refuse(response, 503, 'temporarily_unavailable', 'Configuration Server is unavailable; try again');
    }
  }
}

function refuse(response: Response, status: number, error: OAuthError['error'], description: string): void {
  const body: OAuthError = { error, error_description: description };
  response.status(status).json(body);
}
