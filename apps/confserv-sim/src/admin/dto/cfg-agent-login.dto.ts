import { IsInt, IsNotEmpty, IsString, Min } from 'class-validator';
import { CfgObjectBaseDto } from './cfg-object-base.dto';

export class CfgAgentLoginDto extends CfgObjectBaseDto {
  @IsString() @IsNotEmpty() readonly loginCode!: string;
  @IsInt() @Min(1) readonly switchDBID!: number;
}
