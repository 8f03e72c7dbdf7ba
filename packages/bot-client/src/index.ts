export { playTable, guestToken, TableError } from './playTable';
export type { PlayTableOptions, TableResult } from './playTable';
export { parseInvite } from './invite';
