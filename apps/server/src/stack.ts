/**
 * Colyseus as Deckhand runs it, for a server that is not Deckhand's: the
 * transport's spread-out heartbeat, the schema's change sets emptied in place
 * and each client's view with its change map emptied in place. The bench's
 * floor server (apps/bench/src/floor) uses them to measure what this stack
 * alone costs a move, with none of Deckhand's own work.
 */
export { StaggeredPingTransport } from './StaggeredPingTransport';
export { reuseChangeSets } from './room/reuseChangeSets';
export { tableView } from './room/tableView';
