import { EntitySchema } from '@mikro-orm/core';

export type Gender = 'MALE' | 'FEMALE';
export type HouseholdRelation = 'HEAD' | 'SPOUSE' | 'CHILD' | 'PARENT' | 'OTHER';

/** A resident of the household register; the row carries its relation to the head of its household. */
export interface Person {
  id: string;
  name: string;
  /** first character of the name, so a name prefix search is an equality any collation agrees on */
  nameInitial: string;
  gender: Gender;
  /** YYYY-MM-DD, the one embedded in the id */
  birthDate: string;
  ethnicity: string;
  /** county of registration, the one embedded in the id */
  regionCode: string;
  address: string;
  phone: string | null;
  householdId: string;
  relation: HouseholdRelation;
}

export interface Household {
  /** division code + household number */
  id: string;
  number: string;
  regionCode: string;
  address: string;
}

/** A HouseholdMember: its own object, so access verdicts on it never stand in for the Person's. */
export interface Member {
  person: Person;
}

/** What population knows of a Region: only its key (regions owns the rest). */
export interface RegionRef {
  code: string;
}

export const PersonEntity = new EntitySchema<Person>({
  name: 'Person',
  tableName: 'person',
  properties: {
    id: { type: 'string', primary: true, length: 18 },
    name: { type: 'string' },
    nameInitial: { type: 'string', fieldName: 'name_initial' },
    gender: { type: 'string' },
    // kept as text: a date column would come back as an instant and shift a day in some time zone
    birthDate: { type: 'string', fieldName: 'birth_date' },
    ethnicity: { type: 'string' },
    regionCode: { type: 'string', fieldName: 'region_code' },
    address: { type: 'string' },
    phone: { type: 'string', nullable: true },
    householdId: { type: 'string', fieldName: 'household_id' },
    relation: { type: 'string' },
  },
});

export const HouseholdEntity = new EntitySchema<Household>({
  name: 'Household',
  tableName: 'household',
  properties: {
    id: { type: 'string', primary: true, length: 15 },
    number: { type: 'string' },
    regionCode: { type: 'string', fieldName: 'region_code' },
    address: { type: 'string' },
  },
});
