import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDefined, IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { IsKvList, kvListProperty } from '../../common/is-kv-list';
import type { KvPair } from '../../common/kv-list';
import { VoiceDataDto } from './call-data.dto';

/** The work modes a v3 client may name; the last three have no v2 command and are refused. */
export const V3_WORK_MODES = ['AuxWork', 'AfterCallWork', 'LegalGuard', 'NoCallDisconnect', 'WalkAway'] as const;
export type V3WorkMode = (typeof V3_WORK_MODES)[number];

/** `not-ready`: the library puts `reasonCode` beside `data` (its wrapper's slip); both places are read. */
export class NotReadyDataDto extends VoiceDataDto {
  @ApiPropertyOptional({ enum: V3_WORK_MODES, example: 'AfterCallWork' })
  @IsOptional()
  @IsIn(V3_WORK_MODES)
  readonly agentWorkMode?: V3WorkMode;

  @ApiPropertyOptional({ example: 'Lunch', description: 'A not-ready reason: its action code (`101`) or its name' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  readonly reasonCode?: string;
}

/** `set-forward`. */
export class ForwardDataDto extends VoiceDataDto {
  @ApiProperty({ example: '5002', description: 'Where calls go: a phone number' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  @Matches(/^\+?[0-9*#]+$/, { message: 'forwardTo must be a phone number: digits, optionally a leading +, * or #' })
  readonly forwardTo!: string;
}

/** `send-user-event`. */
export class UserEventDataDto {
  @ApiProperty(kvListProperty('The event: str, int and kvlist pairs'))
  @IsDefined()
  @IsKvList()
  readonly userData!: KvPair[];

  @ApiPropertyOptional({ description: 'The call it is about (its CallUUID or id); its ConnID goes to T-Server' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  readonly callUuid?: string;
}
