// SPDX-License-Identifier: Apache-2.0
/** An op's demand for the hand-computed scheduling tests: inputs as [block id, bytes] pairs. */
import type { OpDemand } from "../../src/schedule/load-model.js";

export const op = (inputs: [number, number][], outputBytes: number, owner: number, final = false, home?: number): OpDemand => ({
  inputs: inputs.map(([id, bytes]) => ({ id, bytes })),
  outputBytes,
  owner,
  final,
  home,
});
