/**
 * This page's local storage, or null where the browser refuses it: a third-party frame with storage
 * blocked, a sandboxed context, a privacy mode. Reading the property itself can throw, and some
 * browsers throw only on first use, so one read is tried before the storage is handed out.
 */
export function usableLocalStorage(): Storage | null {
  try {
    const storage = globalThis.localStorage;
    if (!storage) return null;
    storage.getItem('session-lab:probe');
    return storage;
  } catch {
    return null;
  }
}
