import { Module } from '@nestjs/common';
import { SchoolsModule } from '../schools/schools.module';
import { TeachersController } from './teachers.controller';
import { TeachersRepository } from './teachers.repository';
import { TeachersService } from './teachers.service';

@Module({
  imports: [SchoolsModule],
  controllers: [TeachersController],
  providers: [TeachersRepository, TeachersService],
})
export class TeachersModule {}
