const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/** A published offer id. Apart from schema.ts, so matching (match.ts) needs none of the catalog's schemas. */
export const isGuid = (id: string): boolean => GUID.test(id);
