import { Module } from '@nestjs/common';
import { CountiesController } from './counties.controller';
import { CountiesRepository } from './counties.repository';
import { CountiesService } from './counties.service';

@Module({
  controllers: [CountiesController],
  providers: [CountiesRepository, CountiesService],
  exports: [CountiesService],
})
export class CountiesModule {}
