/**
 * How many trails the flow page lists; the flow's explanation asks for the same page to share
 * it. Its own plain module: the server's preload hints (app/route-preload.ts) read it too.
 */
export const RECENT_TRAILS = 10
