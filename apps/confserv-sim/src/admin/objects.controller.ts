import {
  BadRequestException,
  Body,
  ConflictException,
  Controller,
  Delete,
  Get,
  HttpCode,
  Inject,
  NotFoundException,
  Param,
  ParseIntPipe,
  Post,
  Put,
} from '@nestjs/common';
import { CfgObjectError, cfgTypeName, ObjectNotFoundError, type CfgModelledType, type CfgObject } from '@gws/confserv';
import { DuplicateObjectError } from '../store/duplicate-object.error';
import { ADMIN_TARGET, type AdminTarget } from './admin-target';
import { EDITABLE_TYPES, parseObjectType } from './dto/editable-types';
import { validateBody } from './validate-body';

/** Admin control of the simulator: every change reaches subscribed clients as a Config Server notification. */
@Controller('objects')
export class ObjectsController {
  constructor(@Inject(ADMIN_TARGET) private readonly target: AdminTarget) {}

  @Get(':type')
  list(@Param('type') typeName: string): CfgObject[] {
    return this.target.listObjects(objectType(typeName));
  }

  @Post(':type')
  async create(@Param('type') typeName: string, @Body() body: unknown): Promise<CfgObject> {
    const type = objectType(typeName);
    const { password, ...fields } = validateBody(editableDto(type), body, false) as { password?: string };
    return translate(() => this.target.createObject(type, fields, password));
  }

  @Put(':type/:dbid')
  async update(
    @Param('type') typeName: string,
    @Param('dbid', ParseIntPipe) dbid: number,
    @Body() body: unknown,
  ): Promise<CfgObject> {
    const type = objectType(typeName);
    const { password, ...fields } = validateBody(editableDto(type), body, true) as { password?: string };
    return translate(() => this.target.updateObject(type, { ...fields, DBID: dbid }, password));
  }

  @Delete(':type/:dbid')
  @HttpCode(200)
  async remove(@Param('type') typeName: string, @Param('dbid', ParseIntPipe) dbid: number): Promise<CfgObject> {
    const type = objectType(typeName);
    editableDto(type);
    return translate(() => Promise.resolve(this.target.deleteObject(type, dbid)));
  }
}

function objectType(name: string): CfgModelledType {
  const type = parseObjectType(name);
  if (type === undefined) throw new BadRequestException(`unknown object type ${JSON.stringify(name)}`);
  return type;
}

function editableDto(type: CfgModelledType): new () => object {
  const dto = EDITABLE_TYPES.get(type);
  if (dto === undefined) throw new BadRequestException(`${cfgTypeName(type)} is read-only in the admin API`);
  return dto;
}

async function translate<T>(change: () => Promise<T>): Promise<T> {
  try {
    return await change();
  } catch (error) {
    if (error instanceof ObjectNotFoundError) throw new NotFoundException(error.message);
    if (error instanceof DuplicateObjectError) throw new ConflictException(error.message);
    if (error instanceof CfgObjectError) throw new BadRequestException(error.message);
    throw error;
  }
}
