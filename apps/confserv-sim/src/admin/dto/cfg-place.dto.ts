import { IsArray, IsInt, IsNotEmpty, IsOptional, IsString, Min } from 'class-validator';
import { CfgObjectBaseDto } from './cfg-object-base.dto';

export class CfgPlaceDto extends CfgObjectBaseDto {
  @IsString() @IsNotEmpty() readonly name!: string;
  @IsOptional() @IsArray() @IsInt({ each: true }) @Min(1, { each: true }) readonly DNDBIDs?: number[];
}
