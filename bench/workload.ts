// SPDX-License-Identifier: Apache-2.0
/** What a benchmark workload provides: its defaults (peer_bench.py's) and a timed computation. */

export type Params = Record<string, number>;

export interface Workload {
  readonly name: string;
  /** The same defaults as bench/peer_bench.py's DEFAULTS for this workload. */
  readonly defaults: Params;
  /**
   * Builds the inputs (not timed) and returns the computation to time, which resolves to the
   * `check` scalar (the same quantity peer_bench.py reports).
   */
  setup(params: Params): Promise<() => Promise<number>>;
}
