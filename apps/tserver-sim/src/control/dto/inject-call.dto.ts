import { FLAT_USER_DATA_RULE, isFlatUserData, type FlatUserData } from '@gws/tlib';
import { IsNotEmpty, IsObject, IsOptional, IsString, Matches, ValidateBy } from 'class-validator';

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

  /** Flat user data attached to the call: GWS's rule (`isFlatUserData`); numbers that are not int32 become strings. */
  @IsOptional()
  @IsObject()
  @ValidateBy({
    name: 'isFlatUserData',
    validator: { validate: isFlatUserData, defaultMessage: () => `userData must be ${FLAT_USER_DATA_RULE}` },
  })
  readonly userData?: FlatUserData;
}
