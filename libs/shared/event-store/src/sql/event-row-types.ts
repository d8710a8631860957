import { types, type CustomTypesConfig } from 'pg';

const JSON_OID = 114;
const JSONB_OID = 3802;

const parseJson = (text: string): unknown => JSON.parse(text);

/**
 * The store parses event data and metadata with plain JSON.parse whatever other code in the
 * process did to pg's global type parsers. Libraries do replace them (some install a JSON
 * reviver for every json/jsonb column), which would change what readers get and slow every
 * read down; a per-query parser set keeps the store's rows the same in any process.
 */
export const EVENT_ROW_TYPES: CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === JSON_OID || oid === JSONB_OID ? parseJson : types.getTypeParser(oid, format)) as CustomTypesConfig['getTypeParser'],
};
