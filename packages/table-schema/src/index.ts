export { NumberList, PrivateState, SeatState, SpectatorState, TableState, WireRecordState } from './TableState';
export { TABLE_SCHEMA_ID, TableStateSerializer } from './knownSchema';
