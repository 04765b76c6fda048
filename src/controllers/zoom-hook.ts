import type { ZoomController } from './zoom';

/** What a zoomable widget does with wheel, pointer and keys (`zoom-events.ts`, loaded after a zoomable widget's first frame). */
export type ZoomEvents = (c: ZoomController, e: Event, path: readonly EventTarget[]) => void;

/** The handler of zoom events once its chunk has loaded (apart from zoom.ts: the chunk does not carry the controller). */
export const zoomHook: { handle?: ZoomEvents } = {};
