/**
 * The entry of each bot worker thread (piscina calls its `searchMove`;
 * bundled to dist/botWorker.js beside dist/main.js). It imports the rules and
 * nothing of the server, so a thread starts quickly and holds no table state.
 */
export { searchMove } from './botSearch';
