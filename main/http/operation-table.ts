import { fillTemplate, templateMatcher, type TemplateParams } from './path-templates';

/** The HTTP methods the app's APIs use (Stytch's B2B API, Microsoft Graph). */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** What every row of an operations table has: a method and a path template. */
export interface OperationRow {
  method: HttpMethod;
  path: string;
}

/** The path parameters of one row, by name, e.g. `{ organization_id }`. */
export type RowParams<Row extends { path: string }> = Record<TemplateParams<Row['path']>, string>;

/**
 * The helpers every operations table needs (Stytch's `STYTCH_OPERATIONS`, Graph's
 * `GRAPH_OPERATIONS`): its names in the table's order, each call's path with its parameters
 * URL-encoded (fillTemplate), and the matcher a stand-in uses to find the operation of a request.
 */
export function operationTable<T extends { readonly [K in keyof T]: OperationRow }>(table: T) {
  type Name = keyof T & string;
  return {
    names: Object.keys(table) as Name[],
    path: <O extends Name>(operation: O, params: RowParams<T[O]>): string =>
      fillTemplate(table[operation].path, params),
    match: templateMatcher<Name>(table),
  };
}
