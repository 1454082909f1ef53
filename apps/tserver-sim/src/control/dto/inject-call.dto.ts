import { IsNotEmpty, IsObject, IsOptional, IsString, Matches } from 'class-validator';
import { IsFlatUserData } from './is-flat-user-data';

/** POST /calls: a call from outside the switch. */
export class InjectCallDto {
  /** Caller number. */
  @IsString()
  @IsNotEmpty()
  @Matches(/^[0-9A-Za-z+*#._-]{1,64}$/, { message: 'ani must be 1-64 dialable characters' })
  readonly ani!: string;

  /** Dialled number; defaults to the destination. */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  readonly dnis?: string;

  /** A DN of the directory: routing point, ACD queue or extension. */
  @IsString()
  @IsNotEmpty()
  readonly destination!: string;

  /** Flat key -> string or int32 pairs attached to the call. */
  @IsOptional()
  @IsObject()
  @IsFlatUserData()
  readonly userData?: Record<string, string | number>;
}
