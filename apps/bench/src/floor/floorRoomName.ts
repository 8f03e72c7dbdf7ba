/** The floor server's one room (`floorServer.ts`), as its clients ask for it (`FloorTable.ts`). */
export const FLOOR_ROOM = 'floor';
