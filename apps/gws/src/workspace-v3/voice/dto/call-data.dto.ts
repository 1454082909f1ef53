import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDefined, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PHONE_NUMBER } from '../../../voice/calls/dto/destination.dto';
import { IsKvList, kvListProperty } from '../../common/is-kv-list';
import type { KvPair } from '../../common/kv-list';

/**
 * What every v3 voice request may carry (Genesys' `reasons` and `extensions`). Accepted so that clients sending them
 * are not refused; T-Server does not receive them (the v2 commands take neither).
 */
export class VoiceDataDto {
  @ApiPropertyOptional(kvListProperty('Accepted; not passed to T-Server'))
  @IsOptional()
  @IsKvList()
  readonly reasons?: KvPair[];

  @ApiPropertyOptional(kvListProperty('Accepted; not passed to T-Server'))
  @IsOptional()
  @IsKvList()
  readonly extensions?: KvPair[];
}

/** A new call or leg: `make-call`, `initiate-*`, `single-step-*`, `redirect`. */
export class DestinationDataDto extends VoiceDataDto {
  @ApiProperty({ example: '5002', description: 'A DN or an external number' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(33)
  @Matches(PHONE_NUMBER, { message: 'destination must be digits, optionally a leading +, * or # (at most 32)' })
  readonly destination!: string;

  @ApiPropertyOptional({ example: 'Site_A', description: 'Copied into the T-Server request Location attribute' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  readonly location?: string;

  @ApiPropertyOptional(kvListProperty('User data of the new call: str and int pairs'))
  @IsOptional()
  @IsKvList()
  readonly userData?: KvPair[];

  @ApiPropertyOptional({ description: 'Accepted; not passed to T-Server' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  readonly outboundCallerId?: string;
}

/** `complete-transfer`, `complete-conference`: the other call of the pair. */
export class ParentCallDataDto extends VoiceDataDto {
  @ApiProperty({ description: 'Id (or ConnID) of the call the consultation is about' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  readonly parentConnId!: string;
}

/** `alternate`, `reconnect`: the held call. */
export class HeldCallDataDto extends VoiceDataDto {
  @ApiProperty({ description: 'Id (or ConnID) of the held call' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  readonly heldConnId!: string;
}

/** `merge`: the other call. */
export class OtherCallDataDto extends VoiceDataDto {
  @ApiProperty({ description: 'Id (or ConnID) of the other call' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  readonly otherConnId!: string;
}

/** `delete-from-conference`. */
export class DnToDropDataDto extends VoiceDataDto {
  @ApiProperty({ example: '5003', description: 'The participant to remove' })
  @IsString()
  @IsNotEmpty()
  @Matches(PHONE_NUMBER, { message: 'dnToDrop must be a phone number' })
  readonly dnToDrop!: string;
}

/** `send-dtmf`. */
export class DtmfDataDto extends VoiceDataDto {
  @ApiProperty({ example: '1234#', description: 'DTMF digits: 0-9, *, #, A-D' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  @Matches(/^[0-9*#A-D]+$/, { message: 'dtmfDigits may only hold 0-9, *, # and A-D' })
  readonly dtmfDigits!: string;
}

/** `attach-user-data`, `update-user-data`. */
export class UserDataDataDto {
  @ApiProperty(kvListProperty('str and int pairs'))
  @IsDefined()
  @IsKvList()
  readonly userData!: KvPair[];
}

/** `delete-user-data-pair`. */
export class KeyDataDto {
  @ApiProperty({ example: 'Segment' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  readonly key!: string;
}
