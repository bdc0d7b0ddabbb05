/** The part of autocannon 9's API the ingest benchmark uses (the package ships no types). */
declare module 'autocannon' {
  interface RequestParams {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string | Buffer;
  }
  interface RequestDef<C> {
    setupRequest?: (req: RequestParams, context: C) => RequestParams | undefined;
    onResponse?: (status: number, body: string, context: C, headers?: Record<string, string | string[]>) => void;
  }
  interface Options {
    url: string;
    connections?: number;
    pipelining?: number;
    duration?: number;
    timeout?: number;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    requests?: RequestDef<any>[];
  }
  interface Histogram {
    average: number;
    mean: number;
    max: number;
    min: number;
    p50: number;
    p90: number;
    p97_5: number;
    p99: number;
  }
  interface Result {
    duration: number;
    requests: Histogram & { total: number; sent: number };
    latency: Histogram;
    errors: number;
    timeouts: number;
    non2xx: number;
    '2xx': number;
  }
  interface Instance extends PromiseLike<Result> {
    stop: () => void;
  }
  function autocannon(options: Options): Instance;
  export default autocannon;
}
