/** Building blocks shared by the profiles event schemas. */
export const uuid = { type: 'string', format: 'uuid' } as const;
export const date = { type: 'string', format: 'date' } as const;
export const text = (maxLength = 200) => ({ type: 'string', minLength: 1, maxLength }) as const;
export const nullable = <T extends object>(schema: T) => ({ anyOf: [schema, { type: 'null' }] }) as const;
/** Position on the tenant's career ladder: 1 is the entry level. */
export const ladderLevel = { type: 'integer', minimum: 1, maximum: 20 } as const;
