/** Zoom factors offered (`scale`): 1 for the SVG's own size, 2 and 3 for high-density screens. Shared by both workers. */
export const SCALES = [1, 2, 3] as const;
export type Scale = (typeof SCALES)[number];
