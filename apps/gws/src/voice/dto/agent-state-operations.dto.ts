import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { plainOperation } from '../../common/operations/plain-operation.dto';
import { Equals, IsNotEmpty, IsNumberString, IsOptional, IsString, MaxLength } from 'class-validator';

export const ReadyDto = plainOperation('Ready');

export class NotReadyDto {
  @ApiProperty({ enum: ['NotReady'] })
  @Equals('NotReady')
  readonly operationName!: 'NotReady';

  @ApiPropertyOptional({
    example: 'Lunch',
    description: 'A not-ready reason from /settings/agent-states: its action code (`101`) or its name (`Lunch`).',
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  readonly reasonCode?: string;
}

export class AfterCallWorkDto {
  @ApiProperty({ enum: ['AfterCallWork'] })
  @Equals('AfterCallWork')
  readonly operationName!: 'AfterCallWork';

  @ApiPropertyOptional({
    example: '30',
    description: 'Seconds of wrap-up passed to T-Server (`WrapUpTime`); "0" cancels it.',
  })
  @IsOptional()
  @IsNumberString({ no_symbols: true })
  @MaxLength(6)
  readonly wrapUpTime?: string;
}

export class AuxWorkDto {
  @ApiProperty({ enum: ['AuxWork'] })
  @Equals('AuxWork')
  readonly operationName!: 'AuxWork';

  @ApiPropertyOptional({ example: 'Break', description: 'Optional not-ready reason, as for NotReady.' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  readonly reasonCode?: string;
}

/** A custom state listed by /settings/agent-states (one per not-ready reason), e.g. `{"operationName":"Lunch"}`. */
export class CustomAgentStateDto {
  @ApiProperty({
    example: 'Lunch',
    description: 'The operationName of a custom state from /api/v2/settings/agent-states.',
  })
  @IsString()
  readonly operationName!: string;
}
