import type { FlatUserData } from '@gws/tlib';
import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  Equals,
  IsDefined,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { plainOperation } from '../../../common/operations/plain-operation.dto';
import { DestinationDto, PHONE_NUMBER } from './destination.dto';
import { IsFlatUserData } from './user-data.validator';

const USER_DATA_DOC: ApiPropertyOptions = {
  type: 'object',
  additionalProperties: { type: 'string', description: 'a string or a number' },
};

export const AnswerDto = plainOperation('Answer');
export const HangupDto = plainOperation('Hangup');
export const HoldDto = plainOperation('Hold');
export const RetrieveDto = plainOperation('Retrieve');
export const DeleteUserDataDto = plainOperation('DeleteUserData');

/** The body of an operation that starts a call or a leg towards `destination`. */
export interface DestinationOperation<N extends string = string> {
  readonly operationName: N;
  readonly destination: DestinationDto;
  readonly location?: string;
  readonly userData?: FlatUserData;
}

/** The DTO of an operation that starts a call or a leg towards `destination`, named `<name>Dto`. */
export function towardsDestination<N extends string>(name: N): new () => DestinationOperation<N> {
  class DestinationOperationDto {
    @ApiProperty({ enum: [name] })
    @Equals(name)
    readonly operationName!: N;

    @ApiProperty({ type: DestinationDto })
    @IsDefined()
    @IsObject()
    @ValidateNested()
    @Type(() => DestinationDto)
    readonly destination!: DestinationDto;

    @ApiPropertyOptional({ example: 'Site_A', description: 'Copied into the T-Server request Location attribute' })
    @IsOptional()
    @IsString()
    @MaxLength(64)
    readonly location?: string;

    @ApiPropertyOptional({ ...USER_DATA_DOC, example: { TransferReason: 'Escalation' } })
    @IsOptional()
    @IsFlatUserData()
    readonly userData?: FlatUserData;
  }
  Object.defineProperty(DestinationOperationDto, 'name', { value: `${name}Dto` });
  return DestinationOperationDto;
}

export const DialDto = towardsDestination('Dial');
export const InitiateTransferDto = towardsDestination('InitiateTransfer');
export const SingleStepTransferDto = towardsDestination('SingleStepTransfer');
export const InitiateConferenceDto = towardsDestination('InitiateConference');
export const SingleStepConferenceDto = towardsDestination('SingleStepConference');
export const RedirectDto = towardsDestination('Redirect');

/** The DTO of an operation that completes a consultation, named `<name>Dto`. */
export function completing<N extends string>(
  name: N,
): new () => { readonly operationName: N; readonly consultCallUri?: string } {
  class CompleteOperationDto {
    @ApiProperty({ enum: [name] })
    @Equals(name)
    readonly operationName!: N;

    @ApiPropertyOptional({ description: 'URI of the consultation call; found from the call pair when left out' })
    @IsOptional()
    @IsString()
    @MaxLength(512)
    readonly consultCallUri?: string;
  }
  Object.defineProperty(CompleteOperationDto, 'name', { value: `${name}Dto` });
  return CompleteOperationDto;
}

export const CompleteTransferDto = completing('CompleteTransfer');
export const CompleteConferenceDto = completing('CompleteConference');

export class SwapCallsDto {
  @ApiProperty({ enum: ['SwapCalls'] })
  @Equals('SwapCalls')
  readonly operationName!: 'SwapCalls';

  @ApiPropertyOptional({ description: 'URI of the other call; found from the call pair when left out' })
  @IsOptional()
  @IsString()
  @MaxLength(512)
  readonly otherCallUri?: string;
}

export class RemoveParticipantFromConferenceDto {
  @ApiProperty({ enum: ['RemoveParticipantFromConference'] })
  @Equals('RemoveParticipantFromConference')
  readonly operationName!: 'RemoveParticipantFromConference';

  @ApiProperty({ example: '5003', description: 'Phone number of the participant to remove' })
  @IsString()
  @IsNotEmpty()
  @Matches(PHONE_NUMBER, { message: 'participant must be a phone number' })
  readonly participant!: string;
}

export class SendDtmfDto {
  @ApiProperty({ enum: ['SendDtmf'] })
  @Equals('SendDtmf')
  readonly operationName!: 'SendDtmf';

  @ApiProperty({ example: '1234#', description: 'One or more DTMF digits: 0-9, *, #, A-D' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  @Matches(/^[0-9*#A-D]+$/, { message: 'digits may only hold 0-9, *, # and A-D' })
  readonly digits!: string;
}

/** The DTO of an operation that sends user data, named `<name>Dto`. */
export function withUserData<N extends string>(
  name: N,
): new () => { readonly operationName: N; readonly userData: FlatUserData } {
  class UserDataOperationDto {
    @ApiProperty({ enum: [name] })
    @Equals(name)
    readonly operationName!: N;

    @ApiProperty({ ...USER_DATA_DOC, example: { CustomerSegment: 'Gold', Score: 42 } })
    @IsDefined()
    @IsFlatUserData()
    readonly userData!: FlatUserData;
  }
  Object.defineProperty(UserDataOperationDto, 'name', { value: `${name}Dto` });
  return UserDataOperationDto;
}

export const AttachUserDataDto = withUserData('AttachUserData');
export const UpdateUserDataDto = withUserData('UpdateUserData');

export class DeleteUserDataPairDto {
  @ApiProperty({ enum: ['DeleteUserDataPair'] })
  @Equals('DeleteUserDataPair')
  readonly operationName!: 'DeleteUserDataPair';

  @ApiProperty({ example: 'CustomerSegment' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  readonly key!: string;
}
