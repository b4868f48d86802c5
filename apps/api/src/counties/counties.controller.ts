import {
  Body,
  Controller,
  Get,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Res,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { CountiesService } from './counties.service';
import { CreateCountyDto } from './county.dto';
import { YearQueryDto } from './year-query.dto';

/** 50 MB: a prefecture of 100,000 teachers is about 12 MB as a workbook. */
const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;

@ApiTags('counties 区县')
@ApiBearerAuth()
@Controller('counties')
export class CountiesController {
  constructor(private readonly counties: CountiesService) {}

  @Get()
  @Roles('admin', 'county_hr', 'principal', 'teacher')
  list(@CurrentUser() auth: AuthUser) {
    return this.counties.list(auth);
  }

  @Post()
  @Roles('admin')
  create(@Body() dto: CreateCountyDto) {
    return this.counties.create(dto);
  }

  @Get(':countyId')
  @Roles('admin', 'county_hr', 'principal', 'teacher')
  get(@CurrentUser() auth: AuthUser, @Param('countyId', ParseUUIDPipe) id: string) {
    return this.counties.get(auth, id);
  }

  @Post(':countyId/import')
  @Roles('admin', 'county_hr')
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } })
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } }))
  importWorkbook(
    @CurrentUser() auth: AuthUser,
    @Param('countyId', ParseUUIDPipe) id: string,
    @UploadedFile() file: Express.Multer.File | undefined,
  ) {
    return this.counties.importWorkbook(auth, id, file);
  }

  @Get(':countyId/export')
  @Roles('admin', 'county_hr')
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  async exportWorkbook(
    @CurrentUser() auth: AuthUser,
    @Param('countyId', ParseUUIDPipe) id: string,
    @Query() query: YearQueryDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const { filename, content } = await this.counties.exportWorkbook(auth, id, query.year);
    response.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
    return new StreamableFile(content, {
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });
  }
}
