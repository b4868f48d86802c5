import { SUBJECTS, type Subject } from '@tr/domain';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Posts (岗位) of one school × subject for a year: the subject's need rounded up to whole posts. */
@Entity({ name: 'posts' })
@Index('posts_school_year_subject_key', ['schoolId', 'year', 'subject'], { unique: true })
export class PostEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'county_id', type: 'uuid' })
  countyId!: string;

  @Column({ name: 'school_id', type: 'uuid' })
  schoolId!: string;

  @Column({ type: 'integer' })
  year!: number;

  @Column({ type: 'enum', enum: SUBJECTS, enumName: 'subject' })
  subject!: Subject;

  @Column({ type: 'integer' })
  count!: number;

  @Column({ name: 'need_fte', type: 'double precision' })
  needFte!: number;
}
