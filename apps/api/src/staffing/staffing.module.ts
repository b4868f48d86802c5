import { Module } from '@nestjs/common';
import { CountiesModule } from '../counties/counties.module';
import { FlexibleQuotaController } from './flexible-quota.controller';
import { FlexibleQuotaRepository } from './flexible-quota.repository';
import { FlexibleQuotaService } from './flexible-quota.service';

@Module({
  imports: [CountiesModule],
  controllers: [FlexibleQuotaController],
  providers: [FlexibleQuotaRepository, FlexibleQuotaService],
})
export class StaffingModule {}
