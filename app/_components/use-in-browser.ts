"use client";

import { useSyncExternalStore } from "react";

/** Nothing changes whether the page runs in the browser once it does. */
function subscribeToNothing() {
  return () => {};
}

/**
 * False on the server and in the first render of hydration, true in the browser after: the charts
 * draw only in the browser, and the server sends their labelled box.
 */
export function useInBrowser(): boolean {
  return useSyncExternalStore(
    subscribeToNothing,
    () => true,
    () => false,
  );
}
