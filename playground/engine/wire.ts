/**
 * What crosses the simulated network: plain, structured-clone-safe data.
 * The simulated browser (page) builds a WireRequest, the sandboxed server (worker) answers with a
 * WireResponse. Header lists keep order and repeats (several Set-Cookie lines), as HTTP does.
 */
export type HeaderList = [name: string, value: string][];

export interface WireRequest {
  method: string;
  /** Absolute URL, e.g. "http://localhost:5000/perfil?x=1". */
  url: string;
  headers: HeaderList;
  /** Request body as text (form bodies are application/x-www-form-urlencoded). */
  body?: string;
}

export interface WireResponse {
  status: number;
  statusText: string;
  headers: HeaderList;
  body: string;
}
