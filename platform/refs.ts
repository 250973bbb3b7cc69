/**
 * Another department's entity as this one holds it: by its federation key only (the @key fields of
 * the stub in the department's schema.graphql). The owner resolves the rest through the graph.
 * Codegen maps a stub type T to TRef here when the department's entities.ts has no model of its own.
 */
export interface PersonRef {
  /** resident identity number */
  id: string;
}
export interface EnterpriseRef {
  /** unified social credit code */
  creditCode: string;
}
export interface RegionRef {
  /** GB/T 2260 division code */
  code: string;
}
/** A catalog Department (an agency), by its credit code. */
export interface DepartmentRef {
  code: string;
}
export interface ServiceItemRef {
  code: string;
}
export interface CaseRef {
  id: string;
}
/** The caller (catalog's Me), by its key: the token's subject (platform/me.ts). */
export interface MeRef {
  subject: string;
}
